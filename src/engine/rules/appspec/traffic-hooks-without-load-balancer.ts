import type { Rule } from '../types';
import { appspecFacts } from './facts';

/**
 * APPSPEC013: traffic hooks in an EC2/On-Premises AppSpec whose deployment group does not use a
 * load balancer. BeforeBlockTraffic, AfterBlockTraffic, BeforeAllowTraffic and AfterAllowTraffic
 * are about deregistering the instance from, and registering it with, the deployment group's
 * Classic, Application or Network Load Balancer; CodeDeploy runs them only when one is in use
 * (CodeDeploy User Guide, "AppSpec 'hooks' section", run order of hooks for an in-place
 * deployment; "Integrating CodeDeploy with Elastic Load Balancing": a load balancer is optional
 * in in-place deployments), so without one these scripts never run. The deployment group
 * comes from the workspace (spec §2.1): exactly one group of compute platform Server; nothing is
 * said when the link is absent or ambiguous. CloudFormation ignores `LoadBalancerInfo` unless
 * `DeploymentStyle.DeploymentOption` is `WITH_TRAFFIC_CONTROL` (CloudFormation User Guide,
 * "AWS::CodeDeploy::DeploymentGroup LoadBalancerInfo"), so that case counts as no load balancer
 * and gets its own message. Which events need one: `loadBalancer` in the note
 * `codedeploy.hook-order-ec2` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC013',
    severity: 'warning',
    kinds: ['appspec'],
    title: { en: 'Traffic hooks without a load balancer', ja: 'ロードバランサーなしでトラフィック系フック' },
    note: 'codedeploy.hook-order-ec2',
    messages: {
      noLoadBalancer: {
        en: '`{event}` only runs when the deployment group uses a load balancer; `{group}` ({file}) has no LoadBalancerInfo, so this hook never runs.',
        ja: '`{event}` はデプロイグループがロードバランサーを使うときだけ実行されます。`{group}`（{file}）には LoadBalancerInfo がないため、このフックは実行されません。',
      },
      withoutTrafficControl: {
        en: '`{event}` only runs when the deployment group uses a load balancer; `{group}` ({file}) has LoadBalancerInfo, but CloudFormation ignores it unless DeploymentStyle.DeploymentOption is WITH_TRAFFIC_CONTROL, so this hook never runs.',
        ja: '`{event}` はデプロイグループがロードバランサーを使うときだけ実行されます。`{group}`（{file}）には LoadBalancerInfo がありますが、DeploymentStyle.DeploymentOption が WITH_TRAFFIC_CONTROL でないと CloudFormation はそれを無視するため、このフックは実行されません。',
      },
    },
  },
  check(context) {
    if (!context.links) return;
    const facts = appspecFacts(context.root, context.knowledge);
    if (facts.platform !== 'server' || facts.hooks?.form !== 'map') return;
    const trafficEvents = new Set(facts.lifecycles.server.filter((e) => e.loadBalancer && !e.reserved).map((e) => e.event));
    const hooks = facts.hooks.entries.filter((e) => trafficEvents.has(e.name));
    if (hooks.length === 0) return;
    const group = context.links.deploymentGroup('server');
    if (!group || group.loadBalancer !== false) return;
    const file = group.file.split('/').pop() ?? group.file;
    for (const hook of hooks) {
      context.report({
        path: hook.path,
        target: 'key',
        messageId: group.loadBalancerReason === 'without-traffic-control' ? 'withoutTrafficControl' : 'noLoadBalancer',
        data: { event: hook.name, group: group.logicalId, file },
      });
    }
  },
};

export default rule;

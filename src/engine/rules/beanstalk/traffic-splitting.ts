import { stringCandidates, replaceScalar } from '../apigw/util';
import { numberCandidates } from '../../model/values';
import { isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { ebConfigs, ENV_TYPES, ownSettings, setting } from './options';

/**
 * EB004: traffic-splitting (canary) deployments need an Application Load Balancer, and their
 * settings have ranges: `NewVersionPercent` 1–100, `EvaluationTime` 3–600 minutes. A
 * `LoadBalancerType` other than `application` with `TrafficSplitting` is rejected; when the type is
 * unset nothing is said (the default depends on how the environment is created). Out-of-range
 * values get a clamp fix. Source: EB Developer Guide "General options for all environments"
 * (aws:elasticbeanstalk:trafficsplitting, aws:elasticbeanstalk:environment) and "Deployment
 * policies and settings" (verified 2026-11-21). Note `eb.deploy.traffic-splitting`.
 */
const rule: Rule = {
  meta: {
    id: 'EB004',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ENV_TYPES,
    title: { en: 'Traffic splitting without an Application Load Balancer', ja: 'ALB のないトラフィック分割デプロイ' },
    note: 'eb.deploy.traffic-splitting',
    messages: {
      loadBalancer: {
        en: 'Traffic-splitting (canary) deployments need an Application Load Balancer, but `{resource}` uses LoadBalancerType `{type}`.',
        ja: 'トラフィック分割（カナリア）デプロイには Application Load Balancer が必要ですが、`{resource}` の LoadBalancerType は `{type}` です。',
      },
      range: {
        en: '{option} must be {min}–{max}{unit}; found {value}.',
        ja: '{option} は {min}～{max}{unit} の範囲で指定します（現在: {value}）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const commandNs = String(k.value('eb.deploy.new-vs-existing', 'namespace'));
    const splitNs = String(k.value('eb.deploy.traffic-splitting', 'namespace'));
    const required = String(k.value('eb.deploy.traffic-splitting', 'requiredLoadBalancerType'));
    const reported = new Set<string>();
    for (const config of ebConfigs(template)) {
      const policy = setting(config.settings, commandNs, 'DeploymentPolicy');
      const policies = policy ? stringCandidates(policy.value, template) : undefined;
      if (!policies?.values.includes('TrafficSplitting')) continue;
      const lb = setting(config.settings, 'aws:elasticbeanstalk:environment', 'LoadBalancerType');
      const types = lb ? stringCandidates(lb.value, template) : undefined;
      if (!lb || !types) continue;
      const bad = types.values.filter((t) => t.toLowerCase() !== required);
      if (bad.length === 0) continue;
      const path = [...lb.path, 'Value'];
      if (reported.has(path.join('/'))) continue;
      reported.add(path.join('/'));
      context.report({
        path, messageId: 'loadBalancer', data: { resource: config.resource.name, type: bad[0] },
        downgrade: bad.length < types.values.length || policies.values.some((p) => p !== 'TrafficSplitting'),
      });
    }
    const ranges: Array<[string, string, string]> = [['NewVersionPercent', 'newVersionPercent', ' %'], ['EvaluationTime', 'evaluationTime', ' min']];
    for (const resource of template.ofType(...ENV_TYPES)) {
      for (const s of ownSettings(resource)) {
        if (s.namespace !== splitNs) continue;
        const range = ranges.find((r) => r[0] === s.option);
        if (!range || !s.value) continue;
        const min = k.number('eb.deploy.traffic-splitting', range[1], 'min');
        const max = k.number('eb.deploy.traffic-splitting', range[1], 'max');
        const numbers = numberCandidates(s.value, template);
        if (!numbers) continue;
        const bad = numbers.values.filter((n) => n < min || n > max);
        if (bad.length === 0) continue;
        const clamped = bad[0] < min ? min : max;
        const edit = isScalar(s.value) ? replaceScalar(context.doc, s.value, typeof s.value.value === 'string' ? String(clamped) : clamped) : undefined;
        context.report({
          path: [...s.path, 'Value'], messageId: 'range', data: { option: s.option, min, max, unit: range[2], value: bad[0] },
          downgrade: numbers.choice && bad.length < numbers.values.length,
          fixes: edit ? [{ title: { en: `Set ${s.option} to ${clamped}`, ja: `${s.option} を ${clamped} にする` }, edits: [edit] }] : [],
        });
      }
    }
  },
};

export default rule;

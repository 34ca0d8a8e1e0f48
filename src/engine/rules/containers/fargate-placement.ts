import { get, isSeq } from '../../parse/tree';
import { removePair } from '../../edits';
import type { Resource, TemplateModel } from '../../model/template';
import type { Knowledge } from '../../knowledge';
import type { Rule } from '../types';
import { clusterDefaultStrategy, clusterOf, strategyProviders, strings } from './ecs-facts';

/**
 * ECS002: an ECS service on Fargate with `PlacementStrategies` or `PlacementConstraints`. Task
 * placement strategies and constraints apply only to EC2 capacity ("If you're using the Fargate
 * launch type, task placement constraints aren't supported"); ECS rejects the service. A service
 * is on Fargate when `LaunchType: FARGATE`, or its capacity provider strategy (its own, else its
 * cluster's default in the template) uses only FARGATE/FARGATE_SPOT. Source: ECS API
 * PlacementConstraint / CreateService; ECS Developer Guide "task placement" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'ECS002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ECS::ClusterCapacityProviderAssociations', 'AWS::ECS::Service'],
    title: { en: 'Placement strategies/constraints with Fargate', ja: 'Fargate で配置戦略・配置制約' },
    note: 'fargate.overview',
    messages: {
      fargate: {
        en: 'Service `{service}` runs on Fargate ({how}), but sets `{property}`. Task placement strategies and constraints apply only to EC2 capacity; Fargate spreads tasks across AZs automatically.',
        ja: 'サービス `{service}` は Fargate（{how}）で動きますが、`{property}` を指定しています。タスク配置戦略・配置制約は EC2 キャパシティでだけ使えます。Fargate はタスクを自動的に AZ に分散します。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const service of template.ofType('AWS::ECS::Service')) {
      const fargate = onFargate(service, template, context.knowledge);
      if (!fargate) continue;
      for (const property of ['PlacementStrategies', 'PlacementConstraints']) {
        const node = get(service.properties, property);
        if (node === undefined || (isSeq(node) && node.items.length === 0)) continue;
        const remove = removePair(context.doc, service.properties!, property);
        context.report({
          path: [...service.path, 'Properties', property],
          target: 'key',
          messageId: 'fargate',
          data: { service: service.name, how: fargate.how, property },
          downgrade: fargate.partial,
          fixes: remove && !fargate.partial ? [{ title: { en: `Remove ${property}`, ja: `${property} を削除` }, edits: [remove], preferred: true }] : [],
        });
      }
    }
  },
};

function onFargate(service: Resource, template: TemplateModel, knowledge: Knowledge): { how: string; partial: boolean } | undefined {
  const fargateProviders = (knowledge.value('fargate.overview', 'capacityProviders') as string[]).map(String);
  const launchTypeName = String(knowledge.value('fargate.overview', 'launchType'));
  const launchNode = get(service.properties, 'LaunchType');
  if (launchNode !== undefined) {
    const launch = strings(launchNode, template);
    if (!launch) return undefined;
    const hits = launch.values.filter((v) => v.toUpperCase() === launchTypeName);
    if (hits.length === 0) return undefined;
    return { how: 'LaunchType: FARGATE', partial: hits.length < launch.values.length };
  }
  let strategy = get(service.properties, 'CapacityProviderStrategy');
  let how = 'capacity provider strategy';
  if (strategy === undefined) {
    const cluster = clusterOf(template, service);
    strategy = cluster ? clusterDefaultStrategy(template, cluster) : undefined;
    how = `default capacity provider strategy of cluster \`${cluster?.name}\``;
  }
  const providers = strategyProviders(strategy, template);
  if (!providers || !providers.every((p) => fargateProviders.includes(p))) return undefined;
  return { how: `${how}: ${providers.join(', ')}`, partial: false };
}

export default rule;

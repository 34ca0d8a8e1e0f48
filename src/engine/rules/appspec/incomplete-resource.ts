import { at, isMap, isScalar, isSeq, type Node } from '../../parse/tree';
import { PLATFORM_NAMES, RESOURCE_TYPES, resourceEntries, resourcesSection } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts } from './facts';
import { codeList } from '../shared/names-and-order';

/** What each resource must declare, under `Properties` (CodeDeploy User Guide, "AppSpec 'resources' section"). */
const REQUIRED: Record<'lambda' | 'ecs', string[][]> = {
  lambda: [['Name'], ['Alias'], ['CurrentVersion'], ['TargetVersion']],
  ecs: [['TaskDefinition'], ['LoadBalancerInfo', 'ContainerName'], ['LoadBalancerInfo', 'ContainerPort']],
};

/**
 * APPSPEC011: a Lambda or ECS AppSpec resource CodeDeploy cannot shift traffic for. A Lambda
 * resource has `Type: AWS::Lambda::Function` and `Properties` `Name`, `Alias`, `CurrentVersion`,
 * `TargetVersion`; the ECS `TargetService` has `Type: AWS::ECS::Service`, `TaskDefinition` and
 * `LoadBalancerInfo` `ContainerName`/`ContainerPort` (CodeDeploy User Guide, "AppSpec 'resources'
 * section for Lambda / Amazon ECS deployments"). Note `codedeploy.hooks-lambda`.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC011',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Incomplete Lambda/ECS Resources entry', ja: 'Lambda/ECS の Resources エントリが不完全' },
    note: 'codedeploy.hooks-lambda',
    messages: {
      noResources: {
        en: '{platform} AppSpecs need a `Resources` list naming the {what} to deploy.',
        ja: '{platformJa} の AppSpec には、デプロイする{whatJa}を示す `Resources` リストが必要です。',
      },
      notList: {
        en: '`{key}` must be a list of resources (`- {example}:` with `Type` and `Properties`).',
        ja: '`{key}` はリソースのリスト（`- {example}:` の下に `Type` と `Properties`）で書きます。',
      },
      wrongType: {
        en: '{platform} AppSpec resource `{name}` needs `Type: {expected}` (found `{type}`).',
        ja: '{platformJa} の AppSpec のリソース `{name}` には `Type: {expected}` が必要です（現在: `{type}`）。',
      },
      missing: {
        en: '{platform} AppSpec resource `{name}` is missing {props}.',
        ja: '{platformJa} の AppSpec のリソース `{name}` に {props} がありません。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    const platform = facts.platform;
    if (platform !== 'lambda' && platform !== 'ecs') return;
    const names = { platform: PLATFORM_NAMES[platform].en, platformJa: PLATFORM_NAMES[platform].ja };
    const section = resourcesSection(context.root);
    if (!section) {
      context.report({
        path: [], messageId: 'noResources',
        data: { ...names, what: platform === 'lambda' ? 'function alias' : 'ECS service', whatJa: platform === 'lambda' ? '関数のエイリアス' : 'ECS サービス' },
      });
      return;
    }
    if (!isSeq(section.node)) {
      context.report({ path: [section.key], target: 'key', messageId: 'notList', data: { key: section.key, example: platform === 'lambda' ? 'myLambdaFunction' : 'TargetService' } });
      return;
    }
    const expected = RESOURCE_TYPES[platform];
    for (const resource of resourceEntries(context.root)) {
      if (resource.type !== expected) {
        const typeNode = at(resource.node, ['Type']);
        context.report({
          path: typeNode ? [...resource.path, 'Type'] : resource.path,
          target: typeNode ? 'value' : 'key',
          messageId: 'wrongType',
          data: { ...names, name: resource.name, expected, type: resource.type ?? '(none)' },
        });
        continue;
      }
      const properties = at(resource.node, ['Properties']);
      const missing = REQUIRED[platform].filter((path) => !present(at(properties, path)));
      if (missing.length === 0) continue;
      const parent = isMap(properties) ? [...resource.path, 'Properties'] : resource.path;
      context.report({ path: parent, target: 'key', messageId: 'missing', data: { ...names, name: resource.name, props: codeList(missing.map((p) => p.join('.'))) } });
    }
  },
};

function present(node: Node | undefined): boolean {
  return node !== undefined && !(isScalar(node) && node.value === null);
}

export default rule;

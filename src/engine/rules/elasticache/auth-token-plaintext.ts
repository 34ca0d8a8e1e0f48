import { get, isMap, isScalar, type Node, soleKey, stringOf } from '../../parse/tree';
import type { TemplateModel } from '../../model/template';
import type { Rule } from '../types';
import { asBoolean } from '../../model/values';
import { ifBranches, isNoValue } from '../shared/data-conditional';
import { isDynamicReference, REPLICATION_GROUP } from './auth-facts';

/**
 * ELASTICACHE003: the Redis AUTH token is written in plain text: a literal string, or a `Ref` to
 * a parameter without `NoEcho: true` (its value shows in the console and API). A dynamic reference
 * (`{{resolve:secretsmanager:…}}`, also inside `Fn::Sub`) satisfies the rule. Secrets Manager
 * stores and rotates such secrets. Sources: ElastiCache User Guide "AUTH" (tokens should follow a
 * strict policy), CloudFormation "Get values stored in other services using dynamic references"
 * and "Parameters: NoEcho" (verified 2026-11-21); notes `elasticache.redis-features`,
 * `secretsmanager.secrets`.
 */
const rule: Rule = {
  meta: {
    id: 'ELASTICACHE003',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    title: { en: 'AUTH token in plain text', ja: 'AUTH トークンが平文' },
    note: 'elasticache.redis-features',
    messages: {
      literal: {
        en: 'Don\'t hard-code the Redis AUTH token of `{group}`; store it in Secrets Manager (rotation supported) and reference it with `{{resolve:secretsmanager:…}}`.',
        ja: '`{group}` の Redis AUTH トークンをハードコードしないでください。Secrets Manager に保存し（ローテーション可能）、`{{resolve:secretsmanager:…}}` で参照してください。',
      },
      parameter: {
        en: 'The Redis AUTH token of `{group}` comes from parameter `{parameter}` without `NoEcho: true`, so it is shown in plain text. Store it in Secrets Manager (rotation supported) and reference it with `{{resolve:secretsmanager:…}}`.',
        ja: '`{group}` の Redis AUTH トークンは `NoEcho: true` のないパラメータ `{parameter}` から渡され、平文で表示されます。Secrets Manager に保存し（ローテーション可能）、`{{resolve:secretsmanager:…}}` で参照してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const group of template.ofType(REPLICATION_GROUP)) {
      const node = get(group.properties, 'AuthToken');
      const problem = plaintext(template, node, 0);
      if (!problem) continue;
      context.report({
        path: [...group.path, 'Properties', 'AuthToken'], messageId: problem.parameter ? 'parameter' : 'literal',
        data: { group: group.name, parameter: problem.parameter ?? '' },
      });
    }
  },
};

/** The first plain-text source of a token: a literal, or a parameter without NoEcho. */
function plaintext(template: TemplateModel, node: Node | null | undefined, depth: number): { parameter?: string } | undefined {
  if (node == null || isNoValue(node) || depth > 4) return undefined;
  if (isScalar(node)) return typeof node.value === 'string' && !isDynamicReference(node.value) && node.value !== '' ? {} : undefined;
  const branches = ifBranches(node);
  if (branches) return plaintext(template, branches.branches[0], depth + 1) ?? plaintext(template, branches.branches[1], depth + 1);
  const fn = soleKey(node);
  if (fn === 'Ref' && isMap(node)) {
    const name = stringOf(node.pairs[0].value);
    const parameter = name ? template.parameter(name) : undefined;
    if (!name || !parameter) return undefined;
    const noEcho = get(parameter, 'NoEcho');
    return isScalar(noEcho) && asBoolean(noEcho.value) === true ? undefined : { parameter: name };
  }
  return undefined;
}

export default rule;

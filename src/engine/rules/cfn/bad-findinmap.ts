import { get, isMap, isScalar, isSeq, type Node } from '../../parse/tree';
import type { Rule } from '../types';
import { intrinsicCalls, transforms } from './intrinsics';

/**
 * CFN002: a malformed `Fn::FindInMap`. It takes exactly three arguments — `[MapName,
 * TopLevelKey, SecondLevelKey]` — or four when the `AWS::LanguageExtensions` transform adds the
 * `{DefaultValue: …}` option; a literal map name or key that `Mappings` does not have fails the
 * stack operation. Keys written as intrinsics (`!Ref AWS::Region`) are unknown and not checked;
 * neither are keys when a DefaultValue is given. Source: CloudFormation Template Reference,
 * "Fn::FindInMap" and "Fn::FindInMap enhancements" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CFN002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Bad Fn::FindInMap', ja: 'Fn::FindInMap の誤り' },
    note: 'cfn.mappings-findinmap',
    messages: {
      arity: {
        en: 'Use `Fn::FindInMap: [ MapName, TopLevelKey, SecondLevelKey ]`: found {count} argument(s). A fourth `{DefaultValue: …}` argument needs `Transform: AWS::LanguageExtensions`.',
        ja: '`Fn::FindInMap: [ MapName, TopLevelKey, SecondLevelKey ]` の形で書いてください（引数が {count} 個あります）。4 つ目の `{DefaultValue: …}` は `Transform: AWS::LanguageExtensions` が必要です。',
      },
      missing: {
        en: 'Use `Fn::FindInMap: [ MapName, TopLevelKey, SecondLevelKey ]`; `{missing}` not found in Mappings.',
        ja: '`Fn::FindInMap: [ MapName, TopLevelKey, SecondLevelKey ]` の `{missing}` が Mappings にありません。',
      },
    },
  },
  check(context) {
    const arity = context.knowledge.number('cfn.mappings-findinmap', 'arguments');
    const withDefault = context.knowledge.number('cfn.mappings-findinmap', 'argumentsWithDefault');
    const transform = String(context.knowledge.value('cfn.mappings-findinmap', 'languageExtensionsTransform'));
    const extensions = transforms(context.root).includes(transform);
    const mappings = get(context.root, 'Mappings');
    for (const call of intrinsicCalls(context.root)) {
      if (call.name !== 'Fn::FindInMap') continue;
      const argPath = [...call.path, call.name];
      if (!isSeq(call.arg)) {
        if (isScalar(call.arg)) context.report({ path: argPath, messageId: 'arity', data: { count: 1 } });
        continue;
      }
      const items = call.arg.items;
      const hasDefault = extensions && items.length === withDefault && isMap(items[withDefault - 1]) && get(items[withDefault - 1], 'DefaultValue') !== undefined;
      if (items.length !== arity && !hasDefault) {
        context.report({ path: argPath, messageId: 'arity', data: { count: items.length } });
        continue;
      }
      if (hasDefault || !isMap(mappings)) {
        if (!isMap(mappings) && literal(items[0]) !== undefined && !hasDefault) {
          context.report({ path: [...argPath, 0], messageId: 'missing', data: { missing: literal(items[0])! } });
        }
        continue;
      }
      const mapName = literal(items[0]);
      if (mapName === undefined) continue;
      const map = lookup(mappings, mapName);
      if (map === undefined) {
        context.report({ path: [...argPath, 0], messageId: 'missing', data: { missing: mapName } });
        continue;
      }
      const top = literal(items[1]);
      if (top === undefined || !isMap(map)) continue;
      const second = lookup(map, top);
      if (second === undefined) {
        context.report({ path: [...argPath, 1], messageId: 'missing', data: { missing: `${mapName}.${top}` } });
        continue;
      }
      const key = literal(items[2]);
      if (key === undefined || !isMap(second)) continue;
      if (lookup(second, key) === undefined) {
        context.report({ path: [...argPath, 2], messageId: 'missing', data: { missing: `${mapName}.${top}.${key}` } });
      }
    }
  },
};

/** A map entry by key text: YAML may read a mapping key `10` as a number, CloudFormation as text. */
function lookup(map: Node | null | undefined, key: string): Node | null | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.pairs.find((p) => String(p.key.value) === key);
  return pair ? pair.value : undefined;
}

function literal(node: Node | undefined): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

export default rule;

import { get, isMap, isScalar, isSeq } from '../../parse/tree';
import { removePair } from '../../edits';
import type { Fix } from '../../types';
import type { Rule } from '../types';
import { placementLists, strings } from './ecs-facts';

/**
 * ECS001: an invalid task placement strategy: a `Type` other than binpack/random/spread, binpack
 * with a `Field` other than cpu/memory, spread with a `Field` other than instanceId/host or an
 * `attribute:…`, or random with a `Field`. ECS rejects the first three. For random, the API says
 * the field "is not used", so that case is reported one level lower (warning). Checked on ECS
 * services and on the ECS targets of EventBridge rules, EventBridge Scheduler and Pipes (same
 * PlacementStrategy shape). Values compare case-insensitively. Source: ECS API PlacementStrategy;
 * ECS Developer Guide "task placement strategies" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'ECS001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ECS::Service', 'AWS::Events::Rule', 'AWS::Pipes::Pipe', 'AWS::Scheduler::Schedule'],
    title: { en: 'Invalid placement strategy field', ja: '配置戦略の field が不正' },
    note: 'ecs.placement-strategies',
    messages: {
      type: {
        en: 'Placement strategy type `{value}` in `{resource}` is not one of binpack, random, spread.',
        ja: '`{resource}` の配置戦略タイプ `{value}` は binpack・random・spread のいずれでもありません。',
      },
      field: {
        en: '`{field}` is not a valid field for {type} in `{resource}`. binpack packs onto the fewest instances by `cpu` or `memory`; spread distributes by `instanceId`/`host` or an attribute such as `attribute:ecs.availability-zone`; random takes no field.',
        ja: '`{resource}` の {type} に field `{field}` は指定できません。binpack は `cpu` か `memory`（EC2 インスタンス数が最小になるよう配置）、spread は `instanceId`／`host` か `attribute:ecs.availability-zone` などの属性（インスタンス・AZ に均等に配置）、random は field なしです。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const types = (context.knowledge.value('ecs.placement-strategies', 'types') as string[]).map(String);
    const binpack = (context.knowledge.value('ecs.placement-strategies', 'binpackFields') as string[]).map((s) => String(s).toLowerCase());
    const spread = (context.knowledge.value('ecs.placement-strategies', 'spreadFields') as string[]).map((s) => String(s).toLowerCase());
    const prefix = String(context.knowledge.value('ecs.placement-strategies', 'spreadAttributePrefix')).toLowerCase();
    for (const list of placementLists(template)) {
      if (!isSeq(list.node)) continue;
      list.node.items.forEach((item, index) => {
        if (!isMap(item)) return;
        const path = [...list.path, index];
        const typeValues = strings(get(item, 'Type'), template);
        if (!typeValues) return;
        const badTypes = typeValues.values.filter((t) => !types.includes(t.toLowerCase()));
        if (badTypes.length > 0) {
          context.report({
            path: [...path, 'Type'], messageId: 'type',
            data: { value: badTypes[0], resource: list.resource.name },
            downgrade: badTypes.length < typeValues.values.length,
          });
          return;
        }
        if (typeValues.values.length !== 1) return;
        const type = typeValues.values[0].toLowerCase();
        const fieldNode = get(item, 'Field');
        if (fieldNode === undefined) return;
        const fieldValues = strings(fieldNode, template);
        if (!fieldValues) return;
        const valid = (f: string): boolean => {
          const lower = f.toLowerCase();
          if (type === 'binpack') return binpack.includes(lower);
          if (type === 'spread') return spread.includes(lower) || (lower.startsWith(prefix) && lower.length > prefix.length);
          return false;
        };
        const bad = fieldValues.values.filter((f) => !valid(f));
        if (bad.length === 0) return;
        const fixes: Fix[] = [];
        if (type === 'random') {
          const remove = removePair(context.doc, item, 'Field');
          if (remove) fixes.push({ title: { en: 'Remove Field (random takes none)', ja: 'Field を削除（random は field なし）' }, edits: [remove], preferred: true });
        } else if (type === 'spread' && isScalar(fieldNode) && /^ecs\./i.test(bad[0]) && fieldValues.values.length === 1) {
          const text = context.doc.text.slice(fieldNode.start, fieldNode.end);
          const at = /^['"]/.test(text) ? fieldNode.start + 1 : fieldNode.start;
          fixes.push({ title: { en: `Use attribute:${bad[0]}`, ja: `attribute:${bad[0]} にする` }, edits: [{ start: at, end: at, newText: 'attribute:' }], preferred: true });
        }
        context.report({
          path: [...path, 'Field'], messageId: 'field',
          data: { field: bad[0], type, resource: list.resource.name },
          downgrade: type === 'random' || bad.length < fieldValues.values.length,
          fixes,
        });
      });
    }
  },
};

export default rule;

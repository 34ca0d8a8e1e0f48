import { get, stringOf } from '../../parse/tree';
import { canonicalName } from '../cfn/intrinsics';
import type { Rule } from '../types';
import { route53Records } from './route53-records';

/**
 * R53003: a `Failover: PRIMARY` record with no `SECONDARY` record of the same name and type in the
 * template. Active-passive failover needs both. Info: the secondary may live in another stack.
 * Names are compared case-insensitively without the trailing dot; a record whose name or type
 * can't be resolved makes the rule say nothing for that name. Source: Route 53 Developer Guide
 * "Failover routing" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'R53003',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup'],
    title: { en: 'Primary without secondary', ja: 'セカンダリのないプライマリ' },
    note: 'route53.failover',
    messages: {
      noSecondary: {
        en: 'Active-passive failover needs a SECONDARY record with the same name and type (`{name}` {type}).',
        ja: 'アクティブ-パッシブのフェイルオーバーには、同じ名前とタイプ（`{name}` {type}）の SECONDARY レコードが必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const records = route53Records(template).map((r) => ({
      ...r,
      failover: stringOf(get(r.node, 'Failover')),
      name: normalize(canonicalName(get(r.node, 'Name'))),
      type: stringOf(get(r.node, 'Type')),
    }));
    const secondaries = records.filter((r) => r.failover === 'SECONDARY' || (get(r.node, 'Failover') !== undefined && r.failover === undefined));
    if (secondaries.some((s) => s.name === undefined || s.type === undefined)) return;
    for (const primary of records) {
      if (primary.failover !== 'PRIMARY' || primary.name === undefined || primary.type === undefined) continue;
      if (secondaries.some((s) => s.name === primary.name && s.type === primary.type)) continue;
      context.report({ path: [...primary.path, 'Failover'], messageId: 'noSecondary', data: { name: primary.name, type: primary.type } });
    }
  },
};

function normalize(name: string | undefined): string | undefined {
  return name === undefined ? undefined : name.toLowerCase().replace(/\.$/, '');
}

export default rule;

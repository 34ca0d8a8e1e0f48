import { at, get } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import type { Rule } from '../types';
import { route53Records } from './route53-records';

/**
 * R53002: a `Failover: PRIMARY` record without `HealthCheckId` that is not an alias with
 * `EvaluateTargetHealth: true`. Route 53 considers a record without a health check always
 * healthy, so traffic never fails over to the secondary. Source: Route 53 API
 * ResourceRecordSet.Failover ("Except where noted, the following failover behaviors assume that
 * you have included the HealthCheckId element…"); Route 53 Developer Guide "Active-active and
 * active-passive failover" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'R53002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup'],
    title: { en: 'Primary failover record without a health check', ja: 'ヘルスチェックのないプライマリレコード' },
    note: 'route53.failover',
    messages: {
      noHealthCheck: {
        en: 'Without a health check the primary is always considered healthy, so traffic never fails over to the secondary. Add `HealthCheckId` (or, for an alias, `EvaluateTargetHealth: true`).',
        ja: 'ヘルスチェックがないとプライマリは常に正常とみなされ、セカンダリに切り替わりません。`HealthCheckId`（エイリアスなら `EvaluateTargetHealth: true`）を追加してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const record of route53Records(template)) {
      const failover = candidates(get(record.node, 'Failover'), template);
      if (!failover || !failover.values.includes('PRIMARY')) continue;
      if (get(record.node, 'HealthCheckId') !== undefined) continue;
      const evaluate = at(record.node, ['AliasTarget', 'EvaluateTargetHealth']);
      if (evaluate !== undefined) {
        const flags = candidates(evaluate, template)?.values.map(asBoolean);
        if (!flags || flags.some((f) => f !== false)) continue;
      }
      context.report({
        path: [...record.path, 'Failover'],
        messageId: 'noHealthCheck',
        downgrade: failover.values.some((v) => v !== 'PRIMARY'),
      });
    }
  },
};

export default rule;

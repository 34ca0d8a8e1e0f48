import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { route53Records } from './route53-records';

/**
 * R53001: a failover record (`Failover` set) without `SetIdentifier`. Every record with a routing
 * policy other than simple needs a SetIdentifier that is unique among records of the same name
 * and type; Route 53 rejects the change batch otherwise. Source: Route 53 API ResourceRecordSet
 * (SetIdentifier, Failover); CloudFormation AWS::Route53::RecordSet (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'R53001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup'],
    title: { en: 'Failover record without SetIdentifier', ja: 'SetIdentifier のないフェイルオーバーレコード' },
    note: 'route53.failover',
    messages: {
      missing: {
        en: 'Failover (active-passive) records need a unique SetIdentifier.',
        ja: 'フェイルオーバー（アクティブ-パッシブ）のレコードには一意の SetIdentifier が必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const record of route53Records(template)) {
      if (get(record.node, 'Failover') === undefined || get(record.node, 'SetIdentifier') !== undefined) continue;
      context.report({ path: [...record.path, 'Failover'], target: 'key', messageId: 'missing' });
    }
  },
};

export default rule;

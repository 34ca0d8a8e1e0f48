import { get, isScalar } from '../../parse/tree';
import { insertNested } from '../../edits';
import type { Fix } from '../../types';
import type { Rule } from '../types';
import { authTransitPairs, REPLICATION_GROUP } from './auth-facts';

/**
 * ELASTICACHE001: `AuthToken` without in-transit encryption. ElastiCache accepts an AUTH token
 * only on replication groups with `TransitEncryptionEnabled: true` (CreateReplicationGroup:
 * "AuthToken can be specified only on replication groups where TransitEncryptionEnabled is true"),
 * so the stack fails otherwise. Conditional tokens (`Fn::If` with `AWS::NoValue`) are reported one
 * level lower when only some configurations fail. Source: ElastiCache API Reference
 * CreateReplicationGroup; ElastiCache User Guide "Authenticating with the Valkey and Redis OSS AUTH
 * command" (verified 2026-11-21). Fix: set `TransitEncryptionEnabled: true`.
 */
const rule: Rule = {
  meta: {
    id: 'ELASTICACHE001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    title: { en: 'AUTH token without in-transit encryption', ja: '転送中の暗号化なしで AUTH トークンを指定' },
    note: 'elasticache.redis-features',
    messages: {
      noTransit: {
        en: 'Redis AUTH (AuthToken) can only be used when `TransitEncryptionEnabled: true` (TLS); `{group}` does not enable it.',
        ja: 'Redis AUTH（AuthToken）は `TransitEncryptionEnabled: true`（TLS）のときだけ使えます。`{group}` では有効になっていません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const group of template.ofType(REPLICATION_GROUP)) {
      const pairs = authTransitPairs(template, group);
      if (!pairs) continue;
      const bad = pairs.filter((p) => p.auth && !p.transit);
      if (bad.length === 0) continue;
      const withAuth = pairs.filter((p) => p.auth);
      const transit = get(group.properties, 'TransitEncryptionEnabled');
      const fixes: Fix[] = [];
      const title = { en: 'Set TransitEncryptionEnabled: true', ja: 'TransitEncryptionEnabled: true にする' };
      if (transit === undefined && group.properties) {
        fixes.push({ title, preferred: true, edits: [insertNested(context.doc, group.properties, ['TransitEncryptionEnabled'], 'true')] });
      } else if (isScalar(transit)) {
        fixes.push({ title, preferred: true, edits: [{ start: transit.start, end: transit.end, newText: 'true' }] });
      }
      context.report({
        path: [...group.path, 'Properties', 'AuthToken'], target: 'key', messageId: 'noTransit', data: { group: group.name },
        downgrade: bad.length < withAuth.length || withAuth.length < pairs.length, fixes,
      });
    }
  },
};

export default rule;

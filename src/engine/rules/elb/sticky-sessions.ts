import { get, isMap, stringOf } from '../../parse/tree';
import type { Rule } from '../types';
import { literalItems } from '../shared/data-conditional';
import { booleans } from '../elasticache/auth-facts';
import { attributeEntries, CLB } from './elb-facts';

/**
 * ELB001: sticky sessions are on. ALB/NLB target groups: the `stickiness.enabled` attribute
 * (default false); Classic Load Balancers: an `LBCookieStickinessPolicy` / `AppCookieStickinessPolicy`
 * named in a listener's `PolicyNames`. The user's notes call stickiness a limit on elasticity and
 * not an ideal place for session state. Sources: ALB User Guide "Sticky sessions", CLB User Guide
 * "Configure sticky sessions" (verified 2026-11-21); notes `elb.sticky-vs-elasticity`,
 * `elasticache.redis-session-store`, `elasticache.session-antipatterns`.
 */
const rule: Rule = {
  meta: {
    id: 'ELB001',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
    title: { en: 'Sticky sessions enabled', ja: 'スティッキーセッションが有効' },
    note: 'elb.sticky-vs-elasticity',
    messages: {
      sticky: {
        en: 'Sticky sessions on `{resource}` pin users to instances and limit elasticity (scale-in, failover). Prefer stateless instances with session state in ElastiCache (Redis/Valkey, with a TTL on session keys) or DynamoDB. Not CloudFront or S3.',
        ja: '`{resource}` のスティッキーセッションはユーザーを特定のインスタンスに固定し、弾力性（スケールイン、フェールオーバー）を制限します。インスタンスはステートレスにし、セッション状態は ElastiCache（Redis/Valkey、セッションキーに TTL）か DynamoDB に置きましょう。CloudFront や S3 は不向きです。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const key = String(context.knowledge.value('elb.sticky-vs-elasticity', 'stickinessKey'));
    for (const group of template.ofType('AWS::ElasticLoadBalancingV2::TargetGroup')) {
      for (const entry of attributeEntries(group, 'TargetGroupAttributes') ?? []) {
        if (entry.key !== key) continue;
        const values = booleans(entry.value, template, false);
        if (!values || !values.includes(true)) continue;
        context.report({ path: [...entry.path, 'Value'], messageId: 'sticky', data: { resource: group.name }, downgrade: values.includes(false) });
      }
    }
    for (const lb of template.ofType(CLB)) {
      const names = new Set<string>();
      for (const property of ['LBCookieStickinessPolicy', 'AppCookieStickinessPolicy']) {
        for (const policy of literalItems(get(lb.properties, property)) ?? []) {
          const name = stringOf(get(policy, 'PolicyName'));
          if (name) names.add(name);
        }
      }
      if (names.size === 0) continue;
      (literalItems(get(lb.properties, 'Listeners')) ?? []).forEach((listener, i) => {
        if (!isMap(listener)) return;
        (literalItems(get(listener, 'PolicyNames')) ?? []).forEach((policy, j) => {
          const name = stringOf(policy);
          if (name && names.has(name)) context.report({ path: [...lb.path, 'Properties', 'Listeners', i, 'PolicyNames', j], messageId: 'sticky', data: { resource: lb.name } });
        });
      });
    }
  },
};

export default rule;

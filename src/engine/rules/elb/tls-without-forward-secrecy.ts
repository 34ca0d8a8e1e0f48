import { get, isMap, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Rule } from '../types';
import { literalItems, literalString } from '../shared/data-conditional';
import { CLB } from './elb-facts';

const SECURE_PROTOCOLS = ['HTTPS', 'TLS'];

/**
 * ELB004: an HTTPS/TLS listener whose security policy allows ciphers without forward secrecy.
 * ALB/NLB: `SslPolicy` in the note's list of non-FS policies, or unset (CloudFormation then uses
 * `ELBSecurityPolicy-2016-08`, which includes RSA key-exchange ciphers). CLB: an
 * `SSLNegotiationPolicyType` policy whose `Reference-Security-Policy` is in that list. AWS: only
 * TLS 1.3-only policies, or TLS 1.3 + 1.2 policies with only TLS_* and ECDHE_* ciphers, provide FS.
 * Sources: ALB/NLB User Guides "Security policies" (verified 2026-11-21); note `elb.pfs`.
 */
const rule: Rule = {
  meta: {
    id: 'ELB004',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener'],
    title: { en: 'TLS policy without forward secrecy', ja: '前方秘匿性のない TLS ポリシー' },
    note: 'elb.pfs',
    messages: {
      policy: {
        en: '`{policy}` on `{listener}` also allows ciphers without forward secrecy. Use a forward-secrecy policy (e.g., {recommended} or an `-FS-` policy) to get Perfect Forward Secrecy, which ELB and CloudFront support.',
        ja: '`{listener}` の `{policy}` は前方秘匿性のない暗号も許可します。Perfect Forward Secrecy（ELB と CloudFront が対応）を得るには、前方秘匿性のあるポリシー（例: {recommended} や `-FS-` を含むもの）を使いましょう。',
      },
      defaultPolicy: {
        en: '`{listener}` has no SslPolicy, so CloudFormation uses `{policy}`, which also allows ciphers without forward secrecy. Use a forward-secrecy policy (e.g., {recommended} or an `-FS-` policy) to get Perfect Forward Secrecy, which ELB and CloudFront support.',
        ja: '`{listener}` に SslPolicy がないため、CloudFormation は `{policy}`（前方秘匿性のない暗号も許可）を使います。Perfect Forward Secrecy（ELB と CloudFront が対応）を得るには、前方秘匿性のあるポリシー（例: {recommended} や `-FS-` を含むもの）を指定しましょう。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const weak = new Set(k.value('elb.pfs', 'nonForwardSecrecyPolicies') as string[]);
    const fallback = String(k.value('elb.pfs', 'defaultPolicy'));
    const recommended = String(k.value('elb.pfs', 'recommendedPolicy'));
    for (const listener of template.ofType('AWS::ElasticLoadBalancingV2::Listener')) {
      const protocol = candidates(get(listener.properties, 'Protocol'), template);
      if (!protocol || !protocol.values.every((p) => typeof p === 'string' && SECURE_PROTOCOLS.includes(p))) continue;
      const node = get(listener.properties, 'SslPolicy');
      if (!node) {
        context.report({ path: [...listener.path, 'Properties', 'Protocol'], messageId: 'defaultPolicy', data: { listener: listener.name, policy: fallback, recommended } });
        continue;
      }
      const c = candidates(node, template);
      if (!c) continue;
      const bad = c.values.filter((v) => typeof v === 'string' && weak.has(v));
      if (bad.length === 0) continue;
      context.report({ path: [...listener.path, 'Properties', 'SslPolicy'], messageId: 'policy', data: { listener: listener.name, policy: String(bad[0]), recommended }, downgrade: bad.length < c.values.length });
    }
    for (const lb of template.ofType(CLB)) {
      (literalItems(get(lb.properties, 'Policies')) ?? []).forEach((policy, i) => {
        if (!isMap(policy) || stringOf(get(policy, 'PolicyType')) !== 'SSLNegotiationPolicyType') return;
        (literalItems(get(policy, 'Attributes')) ?? []).forEach((attribute, j) => {
          if (literalString(attribute, 'Name') !== 'Reference-Security-Policy') return;
          const value = literalString(attribute, 'Value');
          if (value && weak.has(value)) {
            context.report({ path: [...lb.path, 'Properties', 'Policies', i, 'Attributes', j, 'Value'], messageId: 'policy', data: { listener: lb.name, policy: value, recommended } });
          }
        });
      });
    }
  },
};

export default rule;

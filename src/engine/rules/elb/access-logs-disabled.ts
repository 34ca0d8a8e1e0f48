import type { Rule } from '../types';
import { accessLogsEnabled, ALB_NLB, CLB, loadBalancerType } from './elb-facts';

const LOGGING_TYPES = ['application', 'network'];

/**
 * ELB002: a load balancer without access logs. Access logs (request time, client IP, latencies,
 * request path, server response) are disabled by default; ALB/NLB enable them with the
 * `access_logs.s3.enabled` attribute, CLBs with `AccessLoggingPolicy.Enabled`. Gateway Load
 * Balancers have no access logs and are skipped. Advice, off by default (most sample templates
 * leave logging to the environment). Sources: ALB/NLB User Guides "Access logs", CLB User Guide
 * "Access logs for your Classic Load Balancer" (verified 2026-11-21); note `elb.access-logs`.
 */
const rule: Rule = {
  meta: {
    id: 'ELB002',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    title: { en: 'Access logs not enabled', ja: 'アクセスログが無効' },
    note: 'elb.access-logs',
    enabledByDefault: false,
    messages: {
      disabled: {
        en: 'Access logs of `{lb}` (request time, client IP, latencies, path, responses) are disabled by default. Enable them to an S3 bucket for troubleshooting and audit ({how}).',
        ja: '`{lb}` のアクセスログ（受信時間、クライアント IP、レイテンシー、パス、レスポンス）はデフォルトでは無効です。トラブルシューティングや監査のために S3 バケットへの出力を有効にしましょう（{how}）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const enabledKey = String(context.knowledge.value('elb.access-logs', 'enabledKey'));
    for (const lb of template.ofType(ALB_NLB, CLB)) {
      if (lb.type === ALB_NLB) {
        const type = loadBalancerType(lb);
        if (!type || !LOGGING_TYPES.includes(type)) continue;
      }
      const enabled = accessLogsEnabled(template, lb, enabledKey);
      if (enabled !== false) continue;
      const how = lb.type === ALB_NLB ? `LoadBalancerAttributes ${enabledKey}: "true"` : 'AccessLoggingPolicy.Enabled: true';
      context.report({ path: lb.path, messageId: 'disabled', data: { lb: lb.name, how } });
    }
  },
};

export default rule;

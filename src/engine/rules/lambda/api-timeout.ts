import { apiLinks } from '../../model/lambda-links';
import { numberCandidates } from '../../model/values';
import { seconds } from '../../messages';
import type { Rule } from '../types';
import { effective } from './functions';

/**
 * LAMBDA002: a function behind API Gateway (REST `AWS::ApiGateway::Method` Lambda integrations,
 * `AWS::ApiGatewayV2::Integration`, SAM `Api`/`HttpApi` events) may run longer than API Gateway
 * waits for it: `TimeoutInMillis` when set, else 29 s (REST, WebSocket) or 30 s (HTTP APIs). The
 * client gets 504 (INTEGRATION_TIMEOUT) while the function keeps running. Since 2024-06-04
 * Regional and private REST APIs can raise the integration timeout beyond 29 s with a quota
 * increase; a `TimeoutInMillis` above 29,000 is taken as that. Defaults from
 * `lambda.max-15-minutes` values (API Gateway quotas; spec FC-02; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::ApiGateway::Method',
      'AWS::ApiGatewayV2::Integration',
      'AWS::Lambda::Function',
      'AWS::Serverless::Function',
    ],
    title: { en: 'Function behind API Gateway can outlive the integration timeout', ja: 'API Gateway の統合タイムアウトより長く動く関数' },
    note: 'lambda.max-15-minutes',
    messages: {
      outlives: {
        en: '`{function}` may run {timeout} but API Gateway ({api}, `{integration}`) stops waiting after {limit}: clients get `504 Gateway Timeout` (INTEGRATION_TIMEOUT) while the function keeps running and being billed. Keep the function timeout ≤ {limit}, make the work asynchronous, or — only for a Regional/private REST API — raise TimeoutInMillis after a service-quota increase.',
        ja: '`{function}` は最大 {timeout} 動きますが、API Gateway（{api}、`{integration}`）は {limit} で待つのをやめます。関数は動き続けて課金される一方、クライアントには `504 Gateway Timeout`（INTEGRATION_TIMEOUT）が返ります。関数のタイムアウトを {limit} 以下にするか、処理を非同期にするか、リージョン／プライベート REST API に限りクォータ引き上げ後に TimeoutInMillis を延ばしてください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const defaults = {
      rest: k.number('lambda.max-15-minutes', 'apiGatewayIntegrationTimeout', 'rest'),
      http: k.number('lambda.max-15-minutes', 'apiGatewayIntegrationTimeout', 'http'),
      websocket: k.number('lambda.max-15-minutes', 'apiGatewayIntegrationTimeout', 'websocket'),
    };
    const defaultTimeout = k.number('lambda.max-15-minutes', 'default');
    const labels = { rest: 'REST API', http: 'HTTP API', websocket: 'WebSocket API' };
    // One finding per function: the integration that waits the shortest.
    const worst = new Map<string, { link: ReturnType<typeof apiLinks>[number]; limit: number }>();
    for (const link of apiLinks(template)) {
      if (link.timeoutMs === null) continue;
      const limit = link.timeoutMs === undefined ? defaults[link.kind] : link.timeoutMs / 1000;
      const current = worst.get(link.fn.name);
      if (!current || limit < current.limit) worst.set(link.fn.name, { link, limit });
    }
    for (const { link, limit } of worst.values()) {
      const own = effective(template, link.fn, 'Timeout');
      const timeouts = own ? numberCandidates(own.node, template) : { values: [defaultTimeout], choice: false };
      if (!timeouts) continue;
      const over = timeouts.values.filter((t) => t > limit);
      if (over.length === 0) continue;
      context.report({
        path: own && !own.fromGlobals ? own.path : link.fn.path,
        messageId: 'outlives',
        data: { function: link.fn.name, timeout: seconds(Math.max(...over)), limit: seconds(limit), api: labels[link.kind], integration: link.name },
        downgrade: timeouts.choice && over.length < timeouts.values.length,
      });
    }
  },
};

export default rule;

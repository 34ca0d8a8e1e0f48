import { integrationTimeouts, endpointTypes } from '../../model/apigw-links';
import { numberCandidates } from '../../model/values';
import { isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { replaceScalar } from './util';

/**
 * APIGW001: an integration timeout API Gateway rejects. `TimeoutInMillis` is at least 50 ms; its
 * maximum is 29,000 ms for edge-optimized REST APIs (EDGE is the default when no endpoint
 * configuration is set) and WebSocket APIs, 30,000 ms for HTTP APIs. Only Regional and private
 * REST APIs can go beyond 29 s, after a quota increase (APIGW002 covers those). The figures live in
 * the note `apigw.504-29s`. Sources: API Gateway API Reference Integration.timeoutInMillis, HTTP API
 * quotas page, What's New 2024-06-04 (verified 2026-11-21). An API the template does not define,
 * or whose endpoint type is unknown, is only checked against the 50 ms minimum (and 30 s for an
 * ApiGatewayV2 integration of unknown protocol: no V2 API accepts more).
 */
const rule: Rule = {
  meta: {
    id: 'APIGW001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Integration', 'AWS::Serverless::Function'],
    title: { en: 'Integration timeout outside what the API type allows', ja: '統合タイムアウトが API の種類の許容範囲外' },
    note: 'apigw.504-29s',
    messages: {
      belowMin: {
        en: 'Integration timeout {value} ms is below the minimum of {min} ms.',
        ja: '統合タイムアウト {value} ms は最小値 {min} ms 未満です。',
      },
      edge: {
        en: 'Integration timeout {value} ms is not allowed for an edge-optimized REST API (range {min}–{max} ms; an API without an endpoint type is EDGE). Only Regional and private REST APIs can go beyond 29 s (after a quota increase).',
        ja: '統合タイムアウト {value} ms はエッジ最適化 REST API では使えません（{min}～{max} ms。エンドポイントタイプ未指定の API も EDGE）。29 秒を超えられるのはリージョン／プライベート REST API だけです（クォータ引き上げが必要）。',
      },
      http: {
        en: 'Integration timeout {value} ms is not allowed for an HTTP API (range {min}–{max} ms, not increasable). Only Regional and private REST APIs can go beyond 29 s (after a quota increase).',
        ja: '統合タイムアウト {value} ms は HTTP API では使えません（{min}～{max} ms、引き上げ不可）。29 秒を超えられるのはリージョン／プライベート REST API だけです（クォータ引き上げが必要）。',
      },
      websocket: {
        en: 'Integration timeout {value} ms is not allowed for a WebSocket API (range {min}–{max} ms). Only Regional and private REST APIs can go beyond 29 s (after a quota increase).',
        ja: '統合タイムアウト {value} ms は WebSocket API では使えません（{min}～{max} ms）。29 秒を超えられるのはリージョン／プライベート REST API だけです（クォータ引き上げが必要）。',
      },
      v2: {
        en: 'Integration timeout {value} ms is above what any HTTP ({max} ms) or WebSocket API accepts. Only Regional and private REST APIs can go beyond 29 s (after a quota increase).',
        ja: '統合タイムアウト {value} ms は HTTP API（最大 {max} ms）でも WebSocket API でも使えません。29 秒を超えられるのはリージョン／プライベート REST API だけです（クォータ引き上げが必要）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const min = k.number('apigw.504-29s', 'min');
    const restMax = k.number('apigw.504-29s', 'restMax');
    const httpMax = k.number('apigw.504-29s', 'httpMax');
    const wsMax = k.number('apigw.504-29s', 'websocketMax');
    const raisable = k.value('apigw.504-29s', 'raisableEndpointTypes') as string[];
    const defaultType = String(k.value('apigw.endpoint-types', 'default'));
    for (const item of integrationTimeouts(template)) {
      const numbers = numberCandidates(item.node, template);
      if (!numbers) continue;
      let max: number | undefined;
      let messageId = 'belowMin';
      let partialEndpoint = false;
      if (item.kind === 'rest') {
        const ep = item.api || item.implicit ? endpointTypes(template, item.api, defaultType) : undefined;
        if (ep) {
          const edge = ep.types.filter((list) => !list.some((t) => raisable.includes(t)));
          if (edge.length > 0) {
            max = restMax;
            messageId = 'edge';
            partialEndpoint = edge.length < ep.types.length;
          }
        }
      } else if (item.kind === 'http') { max = httpMax; messageId = 'http'; }
      else if (item.kind === 'websocket') { max = wsMax; messageId = 'websocket'; }
      else { max = Math.max(httpMax, wsMax); messageId = 'v2'; }
      const low = numbers.values.filter((n) => n < min);
      const high = max === undefined ? [] : numbers.values.filter((n) => n > max!);
      const bad = low.length ? low : high;
      if (bad.length === 0) continue;
      const value = bad[0];
      const clamped = low.length ? min : max!;
      const edit = isScalar(item.node) ? replaceScalar(context.doc, item.node, clamped) : undefined;
      context.report({
        path: item.path,
        messageId: low.length ? 'belowMin' : messageId,
        data: { value, min, max: max ?? '' },
        downgrade: (numbers.choice && bad.length < numbers.values.length) || (!low.length && partialEndpoint),
        fixes: edit ? [{ title: { en: `Set TimeoutInMillis to ${clamped}`, ja: `TimeoutInMillis を ${clamped} にする` }, edits: [edit] }] : [],
      });
    }
  },
};

export default rule;

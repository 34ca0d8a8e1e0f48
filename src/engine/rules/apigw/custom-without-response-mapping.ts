import { get, isMap, isScalar, isSeq } from '../../parse/tree';
import type { Rule } from '../types';
import { stringCandidates } from './util';

/**
 * APIGW004: a custom (non-proxy) integration (`Type: AWS` or `HTTP`) without response mapping.
 * With a custom integration API Gateway passes the backend's answer to the client only through
 * `IntegrationResponses` mapped to `MethodResponses` with the same status code; without them the
 * client gets 500 "Internal server error" (and an integration response whose status code has no
 * method response is rejected). Source: API Gateway Developer Guide "Set up an integration
 * response" / "Custom Lambda integrations" (verified 2026-11-21); notes `apigw.integration-types`,
 * `apigw.dynamodb-integration`.
 */
const rule: Rule = {
  meta: {
    id: 'APIGW004',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::Method'],
    title: { en: 'Non-proxy Lambda/AWS integration without response mapping', ja: '非プロキシ統合にレスポンスのマッピングがない' },
    note: 'apigw.integration-types',
    messages: {
      noIntegrationResponses: {
        en: 'This `{type}` (custom, non-proxy) integration has no IntegrationResponses. You must map the integration response to method responses (IntegrationResponses + MethodResponses per status code); otherwise clients receive 500 "Internal server error".',
        ja: 'この `{type}`（カスタム／非プロキシ）統合には IntegrationResponses がありません。統合レスポンスをメソッドレスポンスにマッピングする必要があります（ステータスコードごとに IntegrationResponses と MethodResponses）。ないとクライアントには 500「Internal server error」が返ります。',
      },
      noMethodResponse: {
        en: 'IntegrationResponses maps status code {status}, but MethodResponses has no {status} entry. With a custom (non-proxy) integration every integration response needs a method response with the same status code.',
        ja: 'IntegrationResponses はステータスコード {status} をマッピングしていますが、MethodResponses に {status} がありません。カスタム（非プロキシ）統合では、統合レスポンスごとに同じステータスコードのメソッドレスポンスが必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const custom = context.knowledge.value('apigw.integration-types', 'custom') as string[];
    for (const method of template.ofType('AWS::ApiGateway::Method')) {
      const integration = get(method.properties, 'Integration');
      if (!isMap(integration)) continue;
      const types = stringCandidates(get(integration, 'Type'), template);
      if (!types || !types.values.every((t) => custom.includes(t))) continue;
      const path = [...method.path, 'Properties', 'Integration'];
      const responses = get(integration, 'IntegrationResponses');
      if (responses === undefined || (isSeq(responses) && responses.items.length === 0)) {
        context.report({ path: [...path, 'Type'], messageId: 'noIntegrationResponses', data: { type: types.values[0] } });
        continue;
      }
      if (!isSeq(responses)) continue;
      const methodResponses = get(method.properties, 'MethodResponses');
      if (methodResponses !== undefined && !isSeq(methodResponses)) continue;
      const declared = new Set<string>();
      let unknown = false;
      for (const item of isSeq(methodResponses) ? methodResponses.items : []) {
        const code = get(item, 'StatusCode');
        if (isScalar(code) && code.value !== null) declared.add(String(code.value));
        else unknown = true;
      }
      if (unknown) continue;
      responses.items.forEach((item, index) => {
        const code = get(item, 'StatusCode');
        if (!isScalar(code) || code.value === null) return;
        const status = String(code.value);
        if (declared.has(status)) return;
        context.report({ path: [...path, 'IntegrationResponses', index, 'StatusCode'], messageId: 'noMethodResponse', data: { status } });
      });
    }
  },
};

export default rule;

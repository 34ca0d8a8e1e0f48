import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { samApiEvents } from './util';

/**
 * APIGW008: a REST API without an endpoint configuration, so it is edge-optimized (the default:
 * CloudFormation/SAM create EDGE APIs when `EndpointConfiguration` is unset). Valid, hence info;
 * a reminder of the note's three endpoint types and that only Regional/private APIs can raise the
 * 29 s integration timeout. Sources: API Gateway Developer Guide "API endpoint types for REST
 * APIs" (verified 2026-11-21). Note `apigw.endpoint-types` (FC-47 current).
 */
const rule: Rule = {
  meta: {
    id: 'APIGW008',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api', 'AWS::Serverless::Function'],
    title: { en: 'Endpoint type left at the default (edge-optimized)', ja: 'エンドポイントタイプが既定（エッジ最適化）のまま' },
    note: 'apigw.endpoint-types',
    messages: {
      unset: {
        en: 'No endpoint type set: the REST API `{api}` is edge-optimized (via CloudFront POPs). Use REGIONAL for clients in the same Region, or PRIVATE for VPC-only access. Only Regional/private APIs can raise the 29 s integration timeout.',
        ja: 'エンドポイントタイプが未指定のため、REST API `{api}` はエッジ最適化（CloudFront POP 経由）になります。同じリージョンのクライアント向けなら REGIONAL、VPC 内からのみなら PRIVATE を指定します。29 秒の統合タイムアウトを引き上げられるのはリージョン／プライベート API だけです。',
      },
    },
    enabledByDefault: false,
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const globalsSet = get(get(template.globals, 'Api'), 'EndpointConfiguration') !== undefined;
    for (const api of template.ofType('AWS::ApiGateway::RestApi')) {
      if (get(api.properties, 'EndpointConfiguration') !== undefined) continue;
      if (get(get(api.properties, 'Parameters'), 'endpointConfigurationTypes') !== undefined) continue;
      if (get(api.properties, 'BodyS3Location') !== undefined) continue;
      context.report({ path: api.path, target: 'key', messageId: 'unset', data: { api: api.name } });
    }
    if (globalsSet) return;
    for (const api of template.ofType('AWS::Serverless::Api')) {
      if (get(api.properties, 'EndpointConfiguration') !== undefined) continue;
      context.report({ path: api.path, target: 'key', messageId: 'unset', data: { api: api.name } });
    }
    const implicit = samApiEvents(template).find((e) => e.restApiId === undefined);
    if (implicit) context.report({ path: implicit.path, target: 'key', messageId: 'unset', data: { api: 'ServerlessRestApi' } });
  },
};

export default rule;

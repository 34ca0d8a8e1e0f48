import { endpointTypes } from '../../model/apigw-links';
import type { Resource, TemplateModel } from '../../model/template';
import { get, isMap, type Node } from '../../parse/tree';
import type { Rule } from '../types';
import { samApiEvents } from './util';

/**
 * APIGW007: a private REST API without a resource policy, or an endpoint configuration with
 * several types. A private API is reachable only from VPCs through interface endpoints, and API
 * Gateway refuses to deploy it without a resource policy that allows them; `Types` takes exactly
 * one value. A policy in an OpenAPI body (`x-amazon-apigateway-policy`) counts; a body in S3
 * (`BodyS3Location`, `DefinitionUri`) is unknown, so nothing is said. Sources: API Gateway
 * Developer Guide "Private REST APIs" and CloudFormation EndpointConfiguration (verified
 * 2026-11-21). Notes `apigw.endpoint-types`, `apigw.resource-policy`.
 */
const rule: Rule = {
  meta: {
    id: 'APIGW007',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api', 'AWS::Serverless::Function'],
    title: { en: 'Private API without a resource policy / several endpoint types', ja: 'リソースポリシーのないプライベート API／複数のエンドポイントタイプ' },
    note: 'apigw.endpoint-types',
    messages: {
      noPolicy: {
        en: 'Private REST API `{api}` has no resource policy. A private REST API is reachable only from VPCs via interface endpoints and cannot be deployed without a resource policy that allows them (`aws:SourceVpce`/`aws:SourceVpc`). Add {policyProperty}.',
        ja: 'プライベート REST API `{api}` にリソースポリシーがありません。プライベート REST API は VPC からインターフェイスエンドポイント経由でのみ到達でき、それを許可するリソースポリシー（`aws:SourceVpce`／`aws:SourceVpc`）がないとデプロイできません。{policyProperty} を追加してください。',
      },
      severalTypes: {
        en: 'EndpointConfiguration.Types lists {count} types ({types}). Specify exactly one endpoint type: EDGE, REGIONAL or PRIVATE.',
        ja: 'EndpointConfiguration.Types に {count} 個のタイプ（{types}）があります。エンドポイントタイプは EDGE・REGIONAL・PRIVATE のどれか 1 つだけ指定してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const defaultType = String(k.value('apigw.endpoint-types', 'default'));
    const maxTypes = k.number('apigw.endpoint-types', 'maxTypes');
    const apis: Array<Resource | undefined> = template.ofType('AWS::ApiGateway::RestApi', 'AWS::Serverless::Api');
    if (samApiEvents(template).some((e) => e.restApiId === undefined)) apis.push(undefined);
    for (const api of apis) {
      const ep = endpointTypes(template, api, defaultType);
      if (!ep || !ep.explicit || !ep.path) continue;
      const several = ep.types.filter((list) => list.length > maxTypes);
      if (several.length > 0 && api?.type === 'AWS::ApiGateway::RestApi') {
        context.report({
          path: ep.path, messageId: 'severalTypes', data: { count: several[0].length, types: several[0].join(', ') },
          downgrade: several.length < ep.types.length,
        });
      }
      const priv = ep.types.filter((list) => list.includes('PRIVATE'));
      if (priv.length === 0) continue;
      const policy = hasPolicy(template, api);
      if (policy !== false) continue;
      context.report({
        path: ep.path, messageId: 'noPolicy',
        data: { api: api?.name ?? 'ServerlessRestApi', policyProperty: api?.type === 'AWS::ApiGateway::RestApi' ? 'Policy' : 'Auth.ResourcePolicy' },
        downgrade: priv.length < ep.types.length,
      });
    }
  },
};

/** True / false when the template says; undefined when the policy may sit in an external body. */
function hasPolicy(template: TemplateModel, api: Resource | undefined): boolean | undefined {
  if (api?.type === 'AWS::ApiGateway::RestApi') {
    if (get(api.properties, 'Policy') !== undefined) return true;
    if (get(api.properties, 'BodyS3Location') !== undefined) return undefined;
    return containsKey(get(api.properties, 'Body'), 'x-amazon-apigateway-policy');
  }
  const own = api ? get(get(api.properties, 'Auth'), 'ResourcePolicy') : undefined;
  if (own !== undefined || get(get(get(template.globals, 'Api'), 'Auth'), 'ResourcePolicy') !== undefined) return true;
  if (api && get(api.properties, 'DefinitionUri') !== undefined) return undefined;
  return api ? containsKey(get(api.properties, 'DefinitionBody'), 'x-amazon-apigateway-policy') : false;
}

function containsKey(node: Node | undefined, key: string, depth = 0): boolean {
  if (!isMap(node) || depth > 3) return false;
  return node.pairs.some((p) => p.key.value === key || (isMap(p.value ?? undefined) && containsKey(p.value ?? undefined, key, depth + 1)));
}

export default rule;

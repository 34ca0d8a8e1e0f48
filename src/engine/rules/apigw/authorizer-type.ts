import { v2ApiOf, v2KindOf } from '../../model/apigw-links';
import { get, isMap, type Node } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { stringCandidates } from './util';

/**
 * APIGW006: an authorizer type the API type does not support. REST authorizers are TOKEN, REQUEST
 * or COGNITO_USER_POOLS; ApiGatewayV2 authorizers are REQUEST or JWT, and JWT exists only for HTTP
 * APIs (WebSocket APIs accept only REQUEST Lambda authorizers, and their routes cannot use JWT).
 * SAM: a `JwtConfiguration` authorizer on `AWS::Serverless::Api` (REST) and a Cognito
 * `UserPoolArn` authorizer on `AWS::Serverless::HttpApi` are rejected too (HTTP APIs use a JWT
 * authorizer with the user pool as issuer). Sources: CloudFormation AWS::ApiGateway::Authorizer /
 * AWS::ApiGatewayV2::Authorizer, API Gateway Developer Guide "Use Lambda authorizers" and "JWT
 * authorizers" (verified 2026-11-21). Notes `apigw.auth.lambda`, `apigw.auth.jwt`.
 */
const rule: Rule = {
  meta: {
    id: 'APIGW006',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::ApiGateway::Authorizer',
      'AWS::ApiGatewayV2::Authorizer',
      'AWS::ApiGatewayV2::Route',
      'AWS::Serverless::Api',
      'AWS::Serverless::HttpApi',
    ],
    title: { en: 'Authorizer type not supported by the API type', ja: 'API の種類が対応していないオーソライザー' },
    note: 'apigw.auth.lambda',
    messages: {
      rest: {
        en: 'REST API authorizers support {allowed}; found `{value}`. JWT authorizers exist only for HTTP APIs (on REST, use COGNITO_USER_POOLS or a Lambda authorizer).',
        ja: 'REST API のオーソライザーは {allowed} です（現在: `{value}`）。JWT オーソライザーは HTTP API 専用です（REST では COGNITO_USER_POOLS か Lambda オーソライザー）。',
      },
      v2: {
        en: '{apiKind} APIs support {allowed}; found `{value}`. WebSocket APIs accept only request-parameter (REQUEST) Lambda authorizers; JWT authorizers exist only for HTTP APIs.',
        ja: '{apiKind} API のオーソライザーは {allowed} です（現在: `{value}`）。WebSocket API はリクエストパラメータベース（REQUEST）の Lambda オーソライザーのみ、JWT オーソライザーは HTTP API 専用です。',
      },
      websocketJwtRoute: {
        en: 'Route of WebSocket API `{api}` uses JWT authorization. WebSocket APIs accept only request-parameter (REQUEST) Lambda authorizers (CUSTOM) or AWS_IAM; JWT authorizers exist only for HTTP APIs.',
        ja: 'WebSocket API `{api}` のルートが JWT 認可を使っています。WebSocket API はリクエストパラメータベース（REQUEST）の Lambda オーソライザー（CUSTOM）か AWS_IAM のみで、JWT は HTTP API 専用です。',
      },
      samRestJwt: {
        en: 'Authorizer `{name}` has a JwtConfiguration, but AWS::Serverless::Api is a REST API: JWT authorizers exist only for HTTP APIs. Use a Cognito (UserPoolArn) or Lambda (FunctionArn) authorizer, or AWS::Serverless::HttpApi.',
        ja: 'オーソライザー `{name}` に JwtConfiguration がありますが、AWS::Serverless::Api は REST API です。JWT オーソライザーは HTTP API 専用です。Cognito（UserPoolArn）か Lambda（FunctionArn）オーソライザー、または AWS::Serverless::HttpApi を使ってください。',
      },
      samHttpCognito: {
        en: 'Authorizer `{name}` has a UserPoolArn, but HTTP APIs have no Cognito user pool authorizer. Use a JWT authorizer: IdentitySource $request.header.Authorization, issuer https://cognito-idp.REGION.amazonaws.com/POOL_ID, audience = the app client ID.',
        ja: 'オーソライザー `{name}` に UserPoolArn がありますが、HTTP API には Cognito ユーザープールオーソライザーがありません。JWT オーソライザーを使ってください（ヘッダーは Authorization、発行者は https://cognito-idp.REGION.amazonaws.com/プールID、対象者はアプリクライアント ID）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const restTypes = k.value('apigw.auth.lambda', 'restAuthorizerTypes') as string[];
    const httpTypes = k.value('apigw.auth.jwt', 'httpAuthorizerTypes') as string[];
    const wsTypes = k.value('apigw.auth.jwt', 'websocketAuthorizerTypes') as string[];
    for (const authorizer of template.ofType('AWS::ApiGateway::Authorizer')) {
      const node = get(authorizer.properties, 'Type');
      const values = stringCandidates(node, template);
      if (!values) continue;
      const bad = values.values.filter((v) => !restTypes.includes(v));
      if (bad.length === 0) continue;
      context.report({
        path: [...authorizer.path, 'Properties', 'Type'], messageId: 'rest',
        data: { allowed: restTypes.join(', '), value: bad[0] }, downgrade: values.choice && bad.length < values.values.length,
      });
    }
    for (const authorizer of template.ofType('AWS::ApiGatewayV2::Authorizer')) {
      const values = stringCandidates(get(authorizer.properties, 'AuthorizerType'), template);
      if (!values) continue;
      const api = v2ApiOf(template, get(authorizer.properties, 'ApiId'));
      const kind = api ? v2KindOf(template, api) : undefined;
      const allowed = kind === 'websocket' ? wsTypes : kind === 'http' ? httpTypes : [...new Set([...httpTypes, ...wsTypes])];
      const bad = values.values.filter((v) => !allowed.includes(v));
      if (bad.length === 0) continue;
      context.report({
        path: [...authorizer.path, 'Properties', 'AuthorizerType'], messageId: 'v2',
        data: { apiKind: kind === 'websocket' ? 'WebSocket' : kind === 'http' ? 'HTTP' : 'HTTP and WebSocket', allowed: allowed.join(', '), value: bad[0] },
        downgrade: values.choice && bad.length < values.values.length,
      });
    }
    for (const route of template.ofType('AWS::ApiGatewayV2::Route')) {
      const api = v2ApiOf(template, get(route.properties, 'ApiId'));
      if (!api || v2KindOf(template, api) !== 'websocket') continue;
      const values = stringCandidates(get(route.properties, 'AuthorizationType'), template);
      if (!values?.values.includes('JWT')) continue;
      context.report({
        path: [...route.path, 'Properties', 'AuthorizationType'], messageId: 'websocketJwtRoute', data: { api: api.name },
        downgrade: values.values.some((v) => v !== 'JWT'),
      });
    }
    const samAuthorizers = (auth: Node | undefined, path: Path, key: 'JwtConfiguration' | 'UserPoolArn', messageId: string) => {
      const authorizers = get(auth, 'Authorizers');
      if (!isMap(authorizers)) return;
      for (const pair of authorizers.pairs) {
        if (get(pair.value, key) === undefined) continue;
        const name = String(pair.key.value);
        context.report({ path: [...path, 'Authorizers', name, key], target: 'key', messageId, data: { name } });
      }
    };
    for (const api of template.ofType('AWS::Serverless::Api')) samAuthorizers(get(api.properties, 'Auth'), [...api.path, 'Properties', 'Auth'], 'JwtConfiguration', 'samRestJwt');
    samAuthorizers(get(get(template.globals, 'Api'), 'Auth'), ['Globals', 'Api', 'Auth'], 'JwtConfiguration', 'samRestJwt');
    for (const api of template.ofType('AWS::Serverless::HttpApi')) samAuthorizers(get(api.properties, 'Auth'), [...api.path, 'Properties', 'Auth'], 'UserPoolArn', 'samHttpCognito');
    samAuthorizers(get(get(template.globals, 'HttpApi'), 'Auth'), ['Globals', 'HttpApi', 'Auth'], 'UserPoolArn', 'samHttpCognito');
  },
};

export default rule;

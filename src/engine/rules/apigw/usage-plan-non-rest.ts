import { v2ApiOf, v2KindOf } from '../../model/apigw-links';
import { get, isMap, isSeq, type Node, stringOf } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { booleanCandidates } from './util';

/**
 * APIGW005: usage plans or API keys on an HTTP API. Usage plans and API keys are REST API features;
 * HTTP APIs have neither, so a usage plan stage pointing at an HTTP API, an HTTP API route with
 * `ApiKeyRequired`, or SAM `HttpApi` `Auth.ApiKeyRequired`/`UsagePlan` is rejected.
 * The spec also lists WebSocket APIs; AWS documents API keys for WebSocket APIs (ApiGatewayV2
 * `Route.apiKeyRequired` is "supported only for WebSocket APIs", keys assigned through usage
 * plans), so WebSocket APIs are not flagged. Sources: API Gateway Developer Guide "Choose between
 * REST APIs and HTTP APIs", "Choose an API key source"; ApiGatewayV2 CreateRoute (verified
 * 2026-11-21). Note `apigw.usage-plans`.
 */
const rule: Rule = {
  meta: {
    id: 'APIGW005',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::ApiGateway::UsagePlan',
      'AWS::ApiGatewayV2::Route',
      'AWS::Serverless::Function',
      'AWS::Serverless::HttpApi',
    ],
    title: { en: 'Usage plans or API keys on an HTTP API', ja: 'HTTP API に使用量プラン／API キー' },
    note: 'apigw.usage-plans',
    messages: {
      usagePlanStage: {
        en: 'Usage plan stage points at `{api}`, an HTTP API. Usage plans and API keys are REST API features; HTTP APIs don\'t support them.',
        ja: '使用量プランのステージが HTTP API の `{api}` を指しています。使用量プランと API キーは REST API の機能で、HTTP API は対応していません。',
      },
      routeApiKey: {
        en: 'Route of HTTP API `{api}` requires an API key. API keys are REST (and WebSocket) API features; HTTP APIs don\'t support them.',
        ja: 'HTTP API `{api}` のルートで API キーを必須にしています。API キーは REST（と WebSocket）API の機能で、HTTP API は対応していません。',
      },
      samHttpApi: {
        en: '`{property}` on an HTTP API: usage plans and API keys are REST API features; HTTP APIs don\'t support them. Use AWS::Serverless::Api (REST) or a Lambda/JWT authorizer.',
        ja: 'HTTP API の `{property}`：使用量プランと API キーは REST API の機能で、HTTP API は対応していません。AWS::Serverless::Api（REST）にするか、Lambda／JWT オーソライザーを使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const plan of template.ofType('AWS::ApiGateway::UsagePlan')) {
      const stages = get(plan.properties, 'ApiStages');
      if (!isSeq(stages)) continue;
      stages.items.forEach((stage, index) => {
        const api = v2ApiOf(template, get(stage, 'ApiId'));
        if (!api || v2KindOf(template, api) !== 'http') return;
        context.report({ path: [...plan.path, 'Properties', 'ApiStages', index, 'ApiId'], messageId: 'usagePlanStage', data: { api: api.name } });
      });
    }
    for (const route of template.ofType('AWS::ApiGatewayV2::Route')) {
      const api = v2ApiOf(template, get(route.properties, 'ApiId'));
      if (!api || v2KindOf(template, api) !== 'http') continue;
      const required = booleanCandidates(get(route.properties, 'ApiKeyRequired'), template);
      if (!required?.includes(true)) continue;
      context.report({ path: [...route.path, 'Properties', 'ApiKeyRequired'], messageId: 'routeApiKey', data: { api: api.name }, downgrade: required.includes(false) });
    }
    const samAuth = (auth: Node | undefined, path: Path) => {
      if (!isMap(auth)) return;
      for (const property of ['ApiKeyRequired', 'UsagePlan']) {
        const node = get(auth, property);
        if (node === undefined) continue;
        if (property === 'ApiKeyRequired' && !booleanCandidates(node, template)?.includes(true)) continue;
        context.report({ path: [...path, property], target: 'key', messageId: 'samHttpApi', data: { property: `Auth.${property}` } });
      }
    };
    for (const api of template.ofType('AWS::Serverless::HttpApi')) samAuth(get(api.properties, 'Auth'), [...api.path, 'Properties', 'Auth']);
    samAuth(get(get(template.globals, 'HttpApi'), 'Auth'), ['Globals', 'HttpApi', 'Auth']);
    for (const fn of template.ofType('AWS::Serverless::Function')) {
      const events = get(fn.properties, 'Events');
      if (!isMap(events)) continue;
      for (const pair of events.pairs) {
        if (stringOf(get(pair.value, 'Type')) !== 'HttpApi') continue;
        samAuth(get(get(pair.value, 'Properties'), 'Auth'), [...fn.path, 'Properties', 'Events', String(pair.key.value), 'Properties', 'Auth']);
      }
    }
  },
};

export default rule;

import { restApiOfMethod } from '../../model/apigw-links';
import type { Resource, TemplateModel } from '../../model/template';
import { get, isSeq } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { booleanCandidates, samApiEvents } from './util';

/**
 * APIGW009: an API key is required but the template has no usage plan for the API. API keys only
 * work through a usage plan (usage plan → API stage, API key → usage plan); a method that requires
 * a key answers 403 to every caller until that chain exists. The plan may be managed elsewhere,
 * hence info. Silent when the template has any `AWS::ApiGateway::UsagePlanKey`, a usage plan
 * whose stages name this API (or an API it cannot resolve), or SAM `Auth.UsagePlan`. Source: API
 * Gateway Developer Guide "Usage plans and API keys for REST APIs" (verified 2026-11-21). Note
 * `apigw.usage-plans` (001:L498-501).
 */
const rule: Rule = {
  meta: {
    id: 'APIGW009',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::ApiGateway::Method',
      'AWS::ApiGateway::UsagePlan',
      'AWS::ApiGateway::UsagePlanKey',
      'AWS::Serverless::Api',
      'AWS::Serverless::Function',
    ],
    title: { en: 'API key required but no usage plan in the template', ja: 'API キー必須なのに使用量プランがない' },
    note: 'apigw.usage-plans',
    messages: {
      noPlan: {
        en: 'An API key is required here, but the template has no usage plan for `{api}`. API keys only work through a usage plan (usage plan → API stage, API key → usage plan). Without one, every call gets 403.',
        ja: 'ここでは API キーが必須ですが、テンプレートに `{api}` の使用量プランがありません。API キーは使用量プラン経由でのみ機能します（使用量プラン → API ステージ、API キー → 使用量プラン）。ないとすべての呼び出しが 403 になります。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    if (template.ofType('AWS::ApiGateway::UsagePlanKey').length > 0) return;
    const planFor = (api: Resource | undefined) => coveredByPlan(template, api);
    for (const method of template.ofType('AWS::ApiGateway::Method')) {
      const required = booleanCandidates(get(method.properties, 'ApiKeyRequired'), template);
      if (!required?.includes(true)) continue;
      const api = restApiOfMethod(template, method);
      if (planFor(api)) continue;
      context.report({ path: [...method.path, 'Properties', 'ApiKeyRequired'], messageId: 'noPlan', data: { api: api?.name ?? 'this API' }, downgrade: required.includes(false) });
    }
    const globalsAuth = get(get(template.globals, 'Api'), 'Auth');
    const samRequired = (auth: ReturnType<typeof get>) => booleanCandidates(get(auth, 'ApiKeyRequired'), template)?.includes(true) ?? false;
    const samPlan = (auth: ReturnType<typeof get>) => get(auth, 'UsagePlan') !== undefined;
    const reported = new Set<string>();
    const report = (path: Path, api: Resource | undefined) => {
      const key = api?.name ?? 'ServerlessRestApi';
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ path, target: 'key', messageId: 'noPlan', data: { api: key } });
    };
    for (const api of template.ofType('AWS::Serverless::Api')) {
      const auth = get(api.properties, 'Auth');
      if (samPlan(auth) || samPlan(globalsAuth) || planFor(api)) continue;
      if (samRequired(auth)) report([...api.path, 'Properties', 'Auth', 'ApiKeyRequired'], api);
      else if (get(auth, 'ApiKeyRequired') === undefined && samRequired(globalsAuth)) report(['Globals', 'Api', 'Auth', 'ApiKeyRequired'], api);
    }
    for (const event of samApiEvents(template)) {
      if (!samRequired(get(event.props, 'Auth'))) continue;
      const ref = event.restApiId ? template.referenced(event.restApiId) : undefined;
      const api = ref ? template.resources.get(ref.name) : undefined;
      if (event.restApiId && !api) continue;
      const auth = api ? get(api.properties, 'Auth') : undefined;
      if (samPlan(auth) || samPlan(globalsAuth) || planFor(api)) continue;
      report([...event.path, 'Properties', 'Auth', 'ApiKeyRequired'], api);
    }
  },
};

/** A usage plan whose ApiStages name this API, or an API the template cannot resolve. */
function coveredByPlan(template: TemplateModel, api: Resource | undefined): boolean {
  for (const plan of template.ofType('AWS::ApiGateway::UsagePlan')) {
    const stages = get(plan.properties, 'ApiStages');
    if (!isSeq(stages)) return true;
    for (const stage of stages.items) {
      const ref = template.referenced(get(stage, 'ApiId'));
      if (!ref || !api || ref.name === api.name) return true;
    }
  }
  return false;
}

export default rule;

import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { samApiEvents } from './util';

/**
 * APIGW010: SAM `Cors` on a REST API whose functions use the (default) Lambda proxy integration.
 * SAM adds an OPTIONS preflight method (MOCK), but with AWS_PROXY the function's own responses
 * must carry `Access-Control-Allow-Origin` (and related) headers; API Gateway does not add them.
 * A reminder, not a defect. HTTP APIs (`CorsConfiguration`) are not concerned: API Gateway adds
 * the headers itself. Source: API Gateway Developer Guide "CORS for REST APIs" (verified
 * 2026-11-21). Note `apigw.cors`.
 */
const rule: Rule = {
  meta: {
    id: 'APIGW010',
    severity: 'info',
    kinds: ['sam'],
    resourceTypes: ['AWS::Serverless::Api', 'AWS::Serverless::Function'],
    title: { en: 'CORS with proxy integrations', ja: 'プロキシ統合での CORS' },
    note: 'apigw.cors',
    messages: {
      proxyHeaders: {
        en: 'SAM adds the OPTIONS preflight, but with Lambda proxy integration your function must also return `Access-Control-Allow-Origin` (and related) headers in every response.',
        ja: 'SAM は OPTIONS（プリフライト）を追加しますが、Lambda プロキシ統合では関数自身もすべてのレスポンスで `Access-Control-Allow-Origin` などのヘッダーを返す必要があります。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const events = samApiEvents(template);
    if (events.length === 0) return;
    const uses = (name: string | undefined) => events.some((e) => {
      if (!e.restApiId) return name === undefined;
      return name !== undefined && template.referenced(e.restApiId)?.name === name;
    });
    let globalsNeeded = false;
    for (const api of template.ofType('AWS::Serverless::Api')) {
      if (!uses(api.name)) continue;
      if (get(api.properties, 'Cors') !== undefined) context.report({ path: [...api.path, 'Properties', 'Cors'], target: 'key', messageId: 'proxyHeaders' });
      else globalsNeeded = true;
    }
    if ((globalsNeeded || uses(undefined)) && get(get(template.globals, 'Api'), 'Cors') !== undefined) {
      context.report({ path: ['Globals', 'Api', 'Cors'], target: 'key', messageId: 'proxyHeaders' });
    }
  },
};

export default rule;

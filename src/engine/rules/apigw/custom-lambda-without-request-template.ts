import { isLambdaUri } from '../../model/apigw-links';
import { get, isMap } from '../../parse/tree';
import type { Rule } from '../types';
import { stringCandidates } from './util';

/**
 * APIGW011: a custom (non-proxy, `Type: AWS`) Lambda integration without `RequestTemplates`.
 * With a custom Lambda integration API Gateway passes only the request body through by default;
 * path, query string and header parameters reach Lambda only if a mapping template names them.
 * It may be intended (body-only APIs), hence info. Source: API Gateway Developer Guide "Custom
 * Lambda integrations" (verified 2026-11-21); note `apigw.integration-types` (003:L34-36).
 */
const rule: Rule = {
  meta: {
    id: 'APIGW011',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::Method'],
    title: { en: 'Custom Lambda integration without request mapping template', ja: 'カスタム Lambda 統合にリクエストのマッピングテンプレートがない' },
    note: 'apigw.integration-types',
    messages: {
      noTemplate: {
        en: 'With a custom (non-proxy) Lambda integration, path/query/header parameters are **not** passed to Lambda by default; define a mapping template (RequestTemplates) that names what to pass (only the body passes through). Or use AWS_PROXY.',
        ja: 'カスタム（非プロキシ）Lambda 統合では、デフォルトでパス・クエリ・ヘッダーのパラメータは Lambda に**渡されません**（本文のみ）。何をどの名前で渡すかをマッピングテンプレート（RequestTemplates）で定義するか、AWS_PROXY を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const method of template.ofType('AWS::ApiGateway::Method')) {
      const integration = get(method.properties, 'Integration');
      if (!isMap(integration)) continue;
      const types = stringCandidates(get(integration, 'Type'), template);
      if (!types || !types.values.every((t) => t === 'AWS')) continue;
      if (!isLambdaUri(get(integration, 'Uri'))) continue;
      if (get(integration, 'RequestTemplates') !== undefined) continue;
      context.report({ path: [...method.path, 'Properties', 'Integration', 'Type'], messageId: 'noTemplate' });
    }
  },
};

export default rule;

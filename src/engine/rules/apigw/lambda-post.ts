import { isLambdaUri } from '../../model/apigw-links';
import { insertNested } from '../../edits';
import { get, isMap } from '../../parse/tree';
import type { Rule } from '../types';
import { replaceScalar, stringCandidates } from './util';

/**
 * APIGW003: a Lambda integration (`Type: AWS` or `AWS_PROXY` with a Lambda invocations `Uri`)
 * whose `IntegrationHttpMethod` is not POST. API Gateway calls Lambda's Invoke API, which only
 * accepts POST, whatever the client's method is; any other value makes every request fail with a
 * configuration error, and CloudFormation requires the property for these types. Source: API
 * Gateway Developer Guide "Lambda integrations for REST APIs" (verified 2026-11-21); the method
 * lives in the note `apigw.integration-setup`.
 */
const rule: Rule = {
  meta: {
    id: 'APIGW003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::Method'],
    title: { en: 'Lambda integration not invoked with POST', ja: 'Lambda 統合の IntegrationHttpMethod が POST ではない' },
    note: 'apigw.integration-setup',
    messages: {
      notPost: {
        en: 'API Gateway must call Lambda with `IntegrationHttpMethod: {method}`, whatever the client\'s HTTP method is (found `{value}`).',
        ja: 'API Gateway から Lambda を呼び出すときは、クライアントの HTTP メソッドに関係なく `IntegrationHttpMethod: {method}` にする必要があります（現在: `{value}`）。',
      },
      missing: {
        en: 'This Lambda integration has no IntegrationHttpMethod. API Gateway must call Lambda with `IntegrationHttpMethod: {method}`, whatever the client\'s HTTP method is.',
        ja: 'この Lambda 統合には IntegrationHttpMethod がありません。クライアントの HTTP メソッドに関係なく `IntegrationHttpMethod: {method}` にする必要があります。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const post = String(context.knowledge.value('apigw.integration-setup', 'lambdaInvokeMethod'));
    for (const method of template.ofType('AWS::ApiGateway::Method')) {
      const integration = get(method.properties, 'Integration');
      if (!isMap(integration)) continue;
      const types = stringCandidates(get(integration, 'Type'), template);
      if (!types || !types.values.every((t) => t === 'AWS' || t === 'AWS_PROXY')) continue;
      if (!isLambdaUri(get(integration, 'Uri'))) continue;
      const path = [...method.path, 'Properties', 'Integration'];
      const methodNode = get(integration, 'IntegrationHttpMethod');
      const fixTitle = { en: `Set IntegrationHttpMethod to ${post}`, ja: `IntegrationHttpMethod を ${post} にする` };
      if (methodNode === undefined) {
        const quoted = context.doc.format === 'json' ? JSON.stringify(post) : post;
        context.report({
          path, target: 'key', messageId: 'missing', data: { method: post },
          fixes: [{ title: fixTitle, edits: [insertNested(context.doc, integration, ['IntegrationHttpMethod'], quoted)], preferred: true }],
        });
        continue;
      }
      const values = stringCandidates(methodNode, template);
      if (!values) continue;
      const bad = values.values.filter((v) => v.toUpperCase() !== post);
      if (bad.length === 0) continue;
      const edit = replaceScalar(context.doc, methodNode, post);
      context.report({
        path: [...path, 'IntegrationHttpMethod'], messageId: 'notPost', data: { method: post, value: bad[0] },
        downgrade: values.choice && bad.length < values.values.length,
        fixes: edit ? [{ title: fixTitle, edits: [edit], preferred: true }] : [],
      });
    }
  },
};

export default rule;

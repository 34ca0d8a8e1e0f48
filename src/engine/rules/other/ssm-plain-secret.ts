import { get } from '../../parse/tree';
import { candidates } from '../../model/values';
import { canonicalName } from '../cfn/intrinsics';
import { isLiteralSecretValue, isSecretName } from '../buildspec/secrets';
import type { Rule } from '../types';

/**
 * SSM002: an `AWS::SSM::Parameter` of type String/StringList whose name looks like a secret
 * (password, secret, token, API key…, the same test as BUILDSPEC007/LAMBDA012) and whose `Value`
 * is a literal. Plain String parameters are not encrypted, and the value also sits in the
 * template. Store secrets as SecureString (created outside CloudFormation) or in Secrets Manager
 * (which adds rotation). The name is read from `Name` (its last path segment; a `!Sub` name is
 * read as written); a parameter without a Name is not checked. Sources: Systems Manager User
 * Guide "Parameter Store" (parameter types); secrets test shared with rules/buildspec/secrets.ts.
 */
const rule: Rule = {
  meta: {
    id: 'SSM002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SSM::Parameter'],
    title: { en: 'Secret stored as a plain String parameter', ja: 'シークレットを平文の String パラメータに保存' },
    note: 'ssm.parameter-store',
    messages: {
      plain: {
        en: 'Parameter `{name}` looks like a secret but is a plain `{type}` with its value in the template. Plain String parameters are not encrypted. Store secrets as SecureString (outside CFN) or in Secrets Manager (use it when you need rotation).',
        ja: 'パラメータ `{name}` はシークレットに見えますが、値をテンプレートに直書きした平文の `{type}` です。String パラメータは暗号化されません。シークレットは SecureString（CloudFormation の外で作成）か Secrets Manager（ローテーションが必要ならこちら）に保存してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const plainTypes = context.knowledge.value('ssm.parameter-store', 'cfnTypes') as string[];
    for (const parameter of template.ofType('AWS::SSM::Parameter')) {
      const name = canonicalName(get(parameter.properties, 'Name'));
      if (name === undefined) continue;
      const last = name.split('/').filter(Boolean).pop() ?? name;
      if (!isSecretName(last.replace(/\$\{[^}]*\}/g, ''))) continue;
      const type = candidates(get(parameter.properties, 'Type'), template);
      if (!type || type.values.length !== 1 || !plainTypes.includes(String(type.values[0]))) continue;
      const value = get(parameter.properties, 'Value');
      if (!isLiteralSecretValue(value)) continue;
      context.report({ path: [...parameter.path, 'Properties', 'Value'], messageId: 'plain', data: { name, type: String(type.values[0]) } });
    }
  },
};

export default rule;

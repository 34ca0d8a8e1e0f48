import { get } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * SSM001: `AWS::SSM::Parameter` with `Type: SecureString`. CloudFormation can create only String
 * and StringList parameters ("SecureString isn't currently supported for CloudFormation
 * templates"), so the stack fails. Create the parameter outside the stack and read it with
 * `{{resolve:ssm-secure:name}}`, or use Secrets Manager. Types are data in the
 * `ssm.parameter-store` note. Sources: Systems Manager API PutParameter (Type); CloudFormation
 * User Guide "Get a secure string value from Systems Manager Parameter Store" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SSM001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SSM::Parameter'],
    title: { en: 'SecureString via CloudFormation', ja: 'CloudFormation で SecureString を作成' },
    note: 'ssm.parameter-store',
    messages: {
      secure: {
        en: 'CloudFormation can\'t create SecureString parameters (only {types}). Create it outside the stack and read it with `{{resolve:ssm-secure:name}}`, or use Secrets Manager.',
        ja: 'CloudFormation は SecureString のパラメータを作成できません（作成できるのは {types} のみ）。スタックの外で作成して `{{resolve:ssm-secure:名前}}` で参照するか、Secrets Manager を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const secure = String(context.knowledge.value('ssm.parameter-store', 'secureString'));
    const types = (context.knowledge.value('ssm.parameter-store', 'cfnTypes') as string[]).join('/');
    for (const parameter of template.ofType('AWS::SSM::Parameter')) {
      const type = candidates(get(parameter.properties, 'Type'), template);
      if (!type) continue;
      const hits = type.values.filter((v) => v === secure).length;
      if (hits === 0) continue;
      context.report({ path: [...parameter.path, 'Properties', 'Type'], messageId: 'secure', data: { types }, downgrade: hits < type.values.length });
    }
  },
};

export default rule;

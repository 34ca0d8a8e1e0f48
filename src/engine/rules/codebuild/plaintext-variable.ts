import { get, isSeq, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import { isLiteralSecretValue, isSecretName } from '../buildspec/secrets';
import type { Rule } from '../types';

/**
 * CODEBUILD004: a secret-looking PLAINTEXT project environment variable. "We strongly discourage
 * the use of PLAINTEXT environment variables to store sensitive values, especially AWS secret key
 * IDs. PLAINTEXT environment variables can be displayed in plain text using the AWS CodeBuild
 * console and the AWS CLI. For sensitive values, we recommend you use an environment variable of
 * type PARAMETER_STORE or SECRETS_MANAGER" (CodeBuild API Reference, EnvironmentVariable.value). Same name and value
 * tests as BUILDSPEC007 (../buildspec/secrets.ts): a literal value, not a reference. Note
 * `ssm.parameter-store` (which of the two stores to pick; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CODEBUILD004',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodeBuild::Project'],
    title: { en: 'Secret-looking PLAINTEXT project variable', ja: '平文（PLAINTEXT）のシークレットらしいプロジェクト変数' },
    note: 'ssm.parameter-store',
    messages: {
      plaintext: {
        en: '`{name}` of `{project}` is a PLAINTEXT variable, visible in the console and the API. Use `Type: PARAMETER_STORE` (Value: the parameter name) or `SECRETS_MANAGER` (Value: the secret id) instead of the value itself.',
        ja: '`{project}` の `{name}` は平文（PLAINTEXT）の変数で、コンソールや API で見えます。値そのものではなく `Type: PARAMETER_STORE`（Value はパラメータ名）か `SECRETS_MANAGER`（Value はシークレット ID）を使ってください。',
      },
    },
  },
  check(context) {
    const model = context.template;
    if (!model) return;
    for (const project of model.ofType('AWS::CodeBuild::Project')) {
      const variables = get(get(project.properties, 'Environment'), 'EnvironmentVariables');
      if (!isSeq(variables)) continue;
      variables.items.forEach((variable, index) => {
        const name = stringOf(get(variable, 'Name'));
        if (!name || !isSecretName(name)) return;
        const typeNode = get(variable, 'Type');
        if (typeNode !== undefined) {
          const type = candidates(typeNode, model);
          if (!type || type.values.some((t) => t !== 'PLAINTEXT')) return;
        }
        if (!isLiteralSecretValue(get(variable, 'Value'))) return;
        context.report({
          path: [...project.path, 'Properties', 'Environment', 'EnvironmentVariables', index, 'Value'],
          messageId: 'plaintext',
          data: { name, project: project.name },
        });
      });
    }
  },
};

export default rule;

import { envVariables } from '../../model/buildspec';
import type { Rule } from '../types';
import { isLiteralSecretValue, isSecretName } from './secrets';
import { moveToParameterStoreFix } from './move-secret-fix';

/**
 * BUILDSPEC007: a secret-looking plain-text variable in `env.variables`. "We strongly discourage
 * the storing of sensitive values … in environment variables. Environment variables can be
 * displayed in plain text using tools such as the CodeBuild console and the AWS CLI. For
 * sensitive values, we recommend that you use parameter-store or secrets-manager mapping
 * instead" (CodeBuild User Guide, "Build specification reference", env/variables). The note
 * (ssm.parameter-store, secretsmanager.secrets) says which of the two to pick. The name and value
 * tests live in ./secrets.ts. The fix moves the entry to `env.parameter-store` under a
 * placeholder parameter name (./move-secret-fix.ts).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC007',
    severity: 'warning',
    kinds: ['buildspec'],
    title: { en: 'Plaintext secret in env.variables', ja: 'env.variables に平文のシークレット' },
    note: 'ssm.parameter-store',
    messages: {
      plaintext: {
        en: 'Plain-text variables are visible in the console and the API, and are not masked in build logs. Move `{key}` to `env.parameter-store` (SecureString) or `env.secrets-manager` (`{key}: secret-id:json-key`). Parameter Store is cheaper when no rotation is needed; Secrets Manager if you need rotation.',
        ja: '平文の変数はコンソールや API で見え、ビルドログでもマスクされません。`{key}` は `env.parameter-store`（SecureString）か `env.secrets-manager`（`{key}: secret-id:json-key`）に移してください。ローテーションが不要ならパラメータストアのほうがコスパがよく、ローテーションが必要なら Secrets Manager を使います。',
      },
    },
  },
  check(context) {
    for (const variable of envVariables(context.root, 'variables')) {
      if (!isSecretName(variable.name) || !isLiteralSecretValue(variable.value)) continue;
      const fix = moveToParameterStoreFix(context.doc, variable.name);
      context.report({ path: variable.path, target: 'key', messageId: 'plaintext', data: { key: variable.name }, fixes: fix ? [fix] : [] });
    }
  },
};

export default rule;

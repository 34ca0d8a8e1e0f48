import { isScalar } from '../../parse/tree';
import { envVariables } from '../../model/buildspec';
import type { Rule } from '../types';

/** Parts of `secret-id:json-key:version-stage:version-id`. */
const PARTS = 4;
/** `arn:partition:secretsmanager:region:account:secret:name` is one secret id with six colons. */
const ARN = /^arn:[^:]*:secretsmanager:[^:]*:[^:]*:secret:[^:]+/;

/**
 * BUILDSPEC011: a malformed `env.secrets-manager` reference. The value is
 * `secret-id:json-key:version-stage:version-id`, where only the secret id (a name, or an ARN for
 * another account's secret) is required and "If you use version-stage, don't specify version-id"
 * (CodeBuild User Guide, "Build specification reference", env/secrets-manager). An empty value,
 * an empty secret id or more than four parts fails the build. Note `secretsmanager.secrets`.
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC011',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'Malformed secrets-manager reference', ja: 'secrets-manager の参照形式が不正' },
    note: 'secretsmanager.secrets',
    messages: {
      malformed: {
        en: '`{key}`: use `secret-id:json-key:version-stage:version-id` (only secret-id required; an ARN for a secret in another account); found `{value}`.',
        ja: '`{key}`: `secret-id:json-key:version-stage:version-id` の形式で指定します（必須は secret-id のみ。別アカウントのシークレットは ARN）。現在: `{value}`。',
      },
    },
  },
  check(context) {
    for (const variable of envVariables(context.root, 'secrets-manager')) {
      const value = variable.value;
      const text = isScalar(value) && value.value !== null ? String(value.value).trim() : '';
      if (wellFormed(text)) continue;
      context.report({ path: variable.path, target: value && !(isScalar(value) && value.value === null) ? 'value' : 'key', messageId: 'malformed', data: { key: variable.name, value: text || '(empty)' } });
    }
  },
};

function wellFormed(text: string): boolean {
  if (text === '') return false;
  const arn = ARN.exec(text);
  const id = arn ? arn[0] : text.split(':')[0];
  if (id.trim() === '') return false;
  const rest = text.slice(id.length);
  const parts = 1 + (rest === '' ? 0 : rest.slice(1).split(':').length);
  return rest === '' || (rest.startsWith(':') && parts <= PARTS);
}

export default rule;

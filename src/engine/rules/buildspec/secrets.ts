import { isScalar, type Node } from '../../parse/tree';

/**
 * What "looks like a secret" for plain-text variables (BUILDSPEC007; the same test as LAMBDA012
 * and CODEBUILD004 in spec §3). One place, so every rule agrees.
 */

/** Names that suggest a secret: password, secret, token, API key, private key, credential. */
export const SECRET_NAME = /(pass(word)?|secret|token|api[_-]?key|private[_-]?key|credential)/i;

/**
 * A last name segment that says the variable holds a *reference* to a secret, not the secret
 * (`DB_SECRET_ARN`, `TOKEN_URL`, `GITHUB_TOKEN_PARAMETER_NAME`), or a setting about it.
 */
const REFERENCE_SUFFIX = /(^|[_-])(arn|id|name|path|param|parameter|url|uri|endpoint|file|region|enabled|type|header|length|ttl)$/i;

/** Does the variable name look like it holds a secret? */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name);
}

/**
 * Is the value a non-empty literal, i.e. the secret itself? Not: empty, a `$VAR`/`${…}` or
 * `{{resolve:…}}` reference, an ARN or a Parameter Store path (a name of where the secret is),
 * or a yes/no switch.
 */
export function isLiteralSecretValue(node: Node | null | undefined): boolean {
  if (!isScalar(node) || node.value === null || typeof node.value === 'boolean') return false;
  const text = String(node.value).trim();
  if (text === '') return false;
  if (text.includes('$') || text.includes('{{resolve:')) return false;
  if (/^arn:aws[a-z-]*:/i.test(text)) return false;
  if (/^\/\S+$/.test(text)) return false;
  if (/^(true|false|yes|no|on|off)$/i.test(text)) return false;
  return true;
}

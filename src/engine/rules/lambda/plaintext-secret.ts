import { isMap, isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { propertySites } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA012: an environment variable whose key looks like a secret (PASSWORD, SECRET, TOKEN,
 * API_KEY…) holds a non-empty literal string. Lambda encrypts variables at rest with KMS, but the
 * value is visible to anyone who can read the function configuration and sits in the template.
 * Keys that only point at a secret (`…_ARN`, `…_NAME`, `…_PARAMETER`…) and values that are ARNs,
 * paths or `{{resolve:…}}` references are not flagged; intrinsics (`Ref` to a parameter…) are not
 * literals and are left alone. Patterns from `lambda.env-encryption-at-rest` (Lambda Developer
 * Guide "Data protection in AWS Lambda"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA012',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: FUNCTION_TYPES,
    title: { en: 'Secret-looking plaintext environment variable', ja: '秘密情報らしき環境変数が平文' },
    note: 'lambda.env-encryption-at-rest',
    messages: {
      plaintext: {
        en: '`{key}` looks like a secret stored in plain text. Environment variables are KMS-encrypted at rest but visible in the console and API and in this template. Keep it in Secrets Manager or Parameter Store (SecureString) and read it at run time, or at least use a `{{resolve:secretsmanager:…}}` reference.',
        ja: '`{key}` は平文で書かれた秘密情報のようです。環境変数は保管時に KMS で暗号化されますが、コンソールや API、このテンプレートから見えます。Secrets Manager か Parameter Store（SecureString）に保存して実行時に読むか、少なくとも `{{resolve:secretsmanager:…}}` 参照を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const secretKey = new RegExp(String(k.value('lambda.env-encryption-at-rest', 'secretKeyPattern')), 'i');
    const referenceKey = new RegExp(String(k.value('lambda.env-encryption-at-rest', 'referenceKeyPattern')), 'i');
    const referenceValue = new RegExp(String(k.value('lambda.env-encryption-at-rest', 'referenceValuePattern')), 'i');
    for (const site of propertySites(template, 'Environment')) {
      if (!isMap(site.node)) continue;
      const variables = site.node.pairs.find((p) => p.key.value === 'Variables')?.value;
      if (!isMap(variables)) continue;
      for (const pair of variables.pairs) {
        const key = String(pair.key.value);
        if (!secretKey.test(key) || referenceKey.test(key)) continue;
        const value = pair.value;
        if (!isScalar(value) || typeof value.value !== 'string') continue;
        const text = value.value.trim();
        if (text === '' || referenceValue.test(text) || text.includes('{{resolve:')) continue;
        context.report({ path: [...site.path, 'Variables', key], target: 'key', messageId: 'plaintext', data: { key } });
      }
    }
  },
};

export default rule;

import { isMap } from '../../parse/tree';
import { removePair } from '../../edits';
import type { Rule } from '../types';
import { propertySites } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA013: an environment variable whose key Lambda reserves (`_HANDLER`, `_X_AMZN_TRACE_ID`,
 * `AWS_REGION`, the credential variables…). Lambda rejects the configuration ("Lambda was unable
 * to configure your environment variables because the environment variables you have provided
 * contains reserved keys"). List from `xray.lambda` values (Lambda Developer Guide "Defined
 * runtime environment variables"; verified 2026-11-21). Fix: remove the entry.
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA013',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: FUNCTION_TYPES,
    title: { en: 'Reserved environment variable set', ja: '予約済みの環境変数を設定している' },
    note: 'xray.lambda',
    messages: {
      reserved: {
        en: '`{key}` is reserved by the Lambda runtime (e.g. `_X_AMZN_TRACE_ID` carries the X-Ray trace header) and cannot be set: Lambda rejects the function configuration.',
        ja: '`{key}` は Lambda ランタイムの予約済み環境変数（例：`_X_AMZN_TRACE_ID` は X-Ray のトレースヘッダー）で、設定できません。Lambda は関数の設定を拒否します。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const reserved = new Set(context.knowledge.value('xray.lambda', 'reservedEnvironmentVariables') as string[]);
    for (const site of propertySites(template, 'Environment')) {
      if (!isMap(site.node)) continue;
      const variables = site.node.pairs.find((p) => p.key.value === 'Variables')?.value;
      if (!isMap(variables)) continue;
      for (const pair of variables.pairs) {
        const key = String(pair.key.value);
        if (!reserved.has(key)) continue;
        const edit = removePair(context.doc, variables, key);
        context.report({
          path: [...site.path, 'Variables', key],
          target: 'key',
          messageId: 'reserved',
          data: { key },
          fixes: edit ? [{ title: { en: `Remove ${key}`, ja: `${key} を削除` }, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};

export default rule;

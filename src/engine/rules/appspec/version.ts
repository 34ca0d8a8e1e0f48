import { get, isMap, isScalar, pairOf } from '../../parse/tree';
import { versionMatches } from '../../model/appspec';
import { sourceOf } from '../../edits';
import type { Rule } from '../types';

/**
 * APPSPEC001: the AppSpec `version` is missing or not `0.0`. "Currently, the only allowed value is
 * 0.0. It is reserved by CodeDeploy for future use" (CodeDeploy User Guide, "AppSpec 'version'
 * section"); any other value and the revision is rejected. YAML reads `0.0` as the number 0, so
 * the number 0 and the string "0.0" both pass. The value lives in the note `codedeploy.appspec`.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC001',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Missing or invalid AppSpec version', ja: 'AppSpec の version がない、または不正' },
    note: 'codedeploy.appspec',
    messages: {
      missing: {
        en: 'The AppSpec needs `version: {expected}` (the only value CodeDeploy accepts).',
        ja: 'AppSpec には `version: {expected}` が必要です（CodeDeploy が受け付ける唯一の値）。',
      },
      invalid: {
        en: 'AppSpec `version` must be `{expected}` (found `{value}`).',
        ja: 'AppSpec の `version` は `{expected}` でなければなりません（現在: `{value}`）。',
      },
    },
  },
  check(context) {
    const root = context.root;
    if (!isMap(root)) return;
    const expected = String(context.knowledge.value('codedeploy.appspec', 'version'));
    const pair = pairOf(root, 'version');
    if (!pair) {
      context.report({ path: ['version'], messageId: 'missing', data: { expected } });
      return;
    }
    const node = get(root, 'version');
    if (versionMatches(node, expected)) return;
    const value = node ? sourceOf(context.doc, node).trim() || '(empty)' : '(empty)';
    context.report({
      path: ['version'],
      target: node ? 'value' : 'key',
      messageId: 'invalid',
      data: { expected, value },
      fixes: isScalar(node) && node.end > node.start
        ? [{ title: { en: `Set version to ${expected}`, ja: `version を ${expected} にする` }, edits: [{ start: node.start, end: node.end, newText: expected }], preferred: true }]
        : [],
    });
  },
};

export default rule;

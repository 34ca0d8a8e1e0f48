import { get, isMap, isScalar, pairOf } from '../../parse/tree';
import { versionMatches } from '../../model/appspec';
import { sourceOf } from '../../edits';
import type { Rule } from '../types';
import { appspecFacts } from './facts';

/**
 * APPSPEC001: the AppSpec `version` is missing or not `0.0`. "Currently, the only allowed value is
 * 0.0. It is reserved by CodeDeploy for future use" (CodeDeploy User Guide, "AppSpec 'version'
 * section"); any other value and the revision is rejected. YAML reads `0.0` as the number 0, so
 * the number 0 passes. The string "0.0" passes for Lambda and ECS (the User Guide: "specify
 * version with a string"), but not on EC2/On-Premises: the CodeDeploy agent validates the AppSpec
 * with `supported_versions = [0.0]` and `[0.0].include?(version)` (aws/aws-codedeploy-agent,
 * application_specification.rb), so a quoted `"0.0"` is "an invalid version value" there; the fix
 * unquotes it. The value lives in the note `codedeploy.appspec` (verified 2026-11-21).
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
      quoted: {
        en: 'The CodeDeploy agent on EC2/On-Premises instances compares `version` with the number {expected}, so the string `{value}` is rejected ("invalid version value"). Write `version: {expected}` without quotes.',
        ja: 'EC2/オンプレミスの CodeDeploy エージェントは `version` を数値の {expected} と比べるため、文字列 `{value}` は拒否されます（invalid version value）。引用符なしで `version: {expected}` と書いてください。',
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
    if (versionMatches(node, expected)) {
      const onServer = (context.knowledge.value('codedeploy.appspec', 'versionMustBeNumberOn') as string[]).includes(appspecFacts(root, context.knowledge).platform ?? '');
      if (onServer && isScalar(node) && typeof node.value === 'string') {
        context.report({
          path: ['version'],
          target: 'value',
          messageId: 'quoted',
          data: { expected, value: sourceOf(context.doc, node).trim() },
          fixes: [{ title: { en: `Write version as the number ${expected}`, ja: `version を数値の ${expected} にする` }, edits: [{ start: node.start, end: node.end, newText: expected }], preferred: true }],
        });
      }
      return;
    }
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

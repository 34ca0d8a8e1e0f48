import { get, isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { approvalActions } from './codepipeline-approvals';

/**
 * CP001: a pipeline action with `ActionTypeId.Category: Approval` whose Owner, Provider or Version
 * isn't the manual approval action type `{Category: Approval, Owner: AWS, Provider: Manual,
 * Version: "1"}` — the only Approval action type CodePipeline offers. CodePipeline rejects the
 * pipeline. `Version: 1` written as a number is accepted (CloudFormation passes it as "1"); values
 * written as intrinsics are not checked. Fix: set the expected value. The action type is data in
 * the `codepipeline.manual-approval` note. Source: CodePipeline User Guide, pipeline structure
 * reference (valid action types and providers), verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'CP001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodePipeline::Pipeline'],
    title: { en: 'Malformed manual approval action', ja: '手動承認アクションの形式が誤っている' },
    note: 'codepipeline.manual-approval',
    messages: {
      field: {
        en: 'Manual approval actions use `{Category: Approval, Owner: AWS, Provider: Manual, Version: \'1\'}`: `{field}` is `{value}`, expected `{expected}`.',
        ja: '手動承認アクションは `{Category: Approval, Owner: AWS, Provider: Manual, Version: \'1\'}` です。`{field}` が `{value}` になっています（正しくは `{expected}`）。',
      },
      missing: {
        en: 'Manual approval actions use `{Category: Approval, Owner: AWS, Provider: Manual, Version: \'1\'}`: `{field}` is missing.',
        ja: '手動承認アクションは `{Category: Approval, Owner: AWS, Provider: Manual, Version: \'1\'}` です。`{field}` がありません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const expected = context.knowledge.value('codepipeline.manual-approval', 'actionType') as Record<string, string>;
    const json = context.doc.format === 'json';
    for (const approval of approvalActions(template, expected.Category)) {
      for (const field of ['Owner', 'Provider', 'Version']) {
        const node = get(approval.typeId, field);
        const want = expected[field];
        if (node === undefined) {
          context.report({ path: [...approval.path, 'ActionTypeId'], target: 'key', messageId: 'missing', data: { field } });
          continue;
        }
        if (!isScalar(node) || node.value === null) continue;
        if (String(node.value) === want) continue;
        // Version is text ("1"): quote it in YAML too, or a YAML reader would see a number.
        const text = json || field === 'Version' ? JSON.stringify(want) : want;
        context.report({
          path: [...approval.path, 'ActionTypeId', field],
          messageId: 'field',
          data: { field, value: String(node.value), expected: want },
          fixes: [{ title: { en: `Set ${field} to ${want}`, ja: `${field} を ${want} にする` }, edits: [{ start: node.start, end: node.end, newText: text }], preferred: true }],
        });
      }
    }
  },
};

export default rule;

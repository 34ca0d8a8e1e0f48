import { at } from '../../parse/tree';
import type { Rule } from '../types';
import { approvalActions } from './codepipeline-approvals';

/**
 * CP002: a manual approval action without `Configuration.NotificationArn`. The study note's
 * pattern is "add an approval stage and notify via SNS": without a topic nobody is told that an
 * approval is pending (it fails after 7 days). Info. Source: CodePipeline User Guide, "Add a
 * manual approval action to a stage" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CP002',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodePipeline::Pipeline'],
    title: { en: 'Approval without notification', ja: '通知のない承認アクション' },
    note: 'codepipeline.manual-approval',
    messages: {
      noTopic: {
        en: 'Add `NotificationArn` (an SNS topic) so reviewers are notified when approval is pending (pipeline `{pipeline}`, action `{action}`).',
        ja: '承認待ちをレビュー担当者に通知できるよう、`NotificationArn`（SNS トピック）を追加してください（パイプライン `{pipeline}`、アクション `{action}`）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const category = String((context.knowledge.value('codepipeline.manual-approval', 'actionType') as Record<string, string>).Category);
    for (const approval of approvalActions(template, category)) {
      if (at(approval.action, ['Configuration', 'NotificationArn']) !== undefined) continue;
      const name = at(approval.action, ['Name']);
      context.report({
        path: [...approval.path, 'ActionTypeId'],
        target: 'key',
        messageId: 'noTopic',
        data: { pipeline: approval.pipeline, action: name?.type === 'scalar' ? String(name.value) : '?' },
      });
    }
  },
};

export default rule;

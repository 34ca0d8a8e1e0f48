import { allows, POLICY_TYPES } from '../../model/lambda-iam';
import { executionRole } from '../../model/lambda-iam';
import type { Rule } from '../types';
import { deadLetterOf, targetOf } from './dead-letter';
import { lambdaFunctions } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA005: the function's execution role, defined in the template, does not allow sending to
 * its dead-letter queue (`sqs:SendMessage` for SQS, `sns:Publish` for SNS). Lambda delivers
 * failed asynchronous events with the execution role, so they are lost. SAM-generated roles get
 * this permission from SAM and are not checked. Permission reading is conservative (see
 * model/lambda-iam.ts). Source: `lambda.dlq`, Lambda Developer Guide "Capturing records of Lambda
 * asynchronous invocations" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA005',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [...FUNCTION_TYPES, ...POLICY_TYPES],
    title: { en: 'Execution role cannot write to the DLQ', ja: '実行ロールにデッドレターキューへの書き込み権限がない' },
    note: 'lambda.dlq',
    messages: {
      missing: {
        en: '`{function}` cannot deliver failed events to `{dlq}`: its execution role `{role}` lacks `{action}`.',
        ja: '`{function}` は失敗したイベントを `{dlq}` に送れません。実行ロール `{role}` に `{action}` がありません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const fn of lambdaFunctions(template)) {
      const dlq = deadLetterOf(template, fn);
      if (!dlq) continue;
      const target = targetOf(template, dlq.targetNode);
      if (!target || target.kind === 'other' || (target.kind === 'sqs' && target.fifo)) continue;
      const role = executionRole(template, fn, context.knowledge);
      if (!role || role.generated) continue;
      const action = target.kind === 'sqs' ? 'sqs:SendMessage' : 'sns:Publish';
      if (allows(role.permissions, action, { resource: target.resource?.name, arn: target.arn }) !== 'no') continue;
      context.report({
        path: role.path,
        messageId: 'missing',
        data: { function: fn.name, dlq: target.resource?.name ?? target.arn ?? '', role: role.name, action },
      });
    }
  },
};

export default rule;

import type { Rule } from '../types';
import { deadLetterOf, targetOf } from './dead-letter';
import { lambdaFunctions } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA004: a function's dead-letter queue is not a standard SQS queue or an SNS topic. Lambda
 * accepts only those two as `DeadLetterConfig.TargetArn` (CloudFormation DeadLetterConfig: "The
 * ARN of an Amazon SQS queue or Amazon SNS topic"; FIFO queues are not supported as a function
 * DLQ), and SAM `DeadLetterQueue.Type` must be `SQS` or `SNS`. Source: `lambda.dlq` (verified
 * 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA004',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: FUNCTION_TYPES,
    title: { en: 'Dead-letter target is not SQS or SNS', ja: 'デッドレターキューの送信先が SQS/SNS ではない' },
    note: 'lambda.dlq',
    messages: {
      notQueueOrTopic: {
        en: 'A Lambda dead-letter queue must be a standard SQS queue or an SNS topic; `{target}` is a {description}.',
        ja: 'Lambda のデッドレターキューは標準 SQS キューか SNS トピックでなければなりません。`{target}` は {description} です。',
      },
      fifo: {
        en: 'A Lambda dead-letter queue must be a standard SQS queue or an SNS topic; `{target}` is a FIFO queue.',
        ja: 'Lambda のデッドレターキューは標準 SQS キューか SNS トピックでなければなりません。`{target}` は FIFO キューです。',
      },
      samType: {
        en: 'SAM `DeadLetterQueue.Type` must be `SQS` or `SNS` (found `{value}`).',
        ja: 'SAM の `DeadLetterQueue.Type` は `SQS` か `SNS` です（現在: `{value}`）。',
      },
      typeMismatch: {
        en: '`DeadLetterQueue.Type` is `{declared}` but `{target}` is an {actual} target: SAM grants and configures the wrong kind.',
        ja: '`DeadLetterQueue.Type` は `{declared}` ですが、`{target}` は {actual} です。SAM が付与する権限と設定が合いません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const seen = new Set<string>();
    for (const fn of lambdaFunctions(template)) {
      const dlq = deadLetterOf(template, fn);
      if (!dlq) continue;
      const key = dlq.path.join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      const declared = dlq.declaredType;
      if (declared && declared.value !== undefined && declared.value !== 'SQS' && declared.value !== 'SNS') {
        context.report({ path: declared.path, messageId: 'samType', data: { value: declared.value } });
        continue;
      }
      const target = targetOf(template, dlq.targetNode);
      if (!target) continue;
      const name = target.resource?.name ?? target.arn ?? '';
      if (target.kind === 'other') {
        context.report({ path: dlq.targetPath, messageId: 'notQueueOrTopic', data: { target: name, description: target.description } });
      } else if (target.kind === 'sqs' && target.fifo) {
        context.report({ path: dlq.targetPath, messageId: 'fifo', data: { target: name } });
      } else if (declared?.value && declared.value.toLowerCase() !== target.kind) {
        context.report({ path: declared.path, messageId: 'typeMismatch', data: { declared: declared.value, target: name, actual: target.kind.toUpperCase() } });
      }
    }
  },
};

export default rule;

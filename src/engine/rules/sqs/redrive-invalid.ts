import { get } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';
import { isFifo, redrivePolicies } from './queue-facts';

/**
 * SQS009: a RedrivePolicy SQS rejects: `maxReceiveCount` missing or outside 1–1,000, or a
 * dead-letter queue whose type (FIFO or standard) differs from the source queue's. Source: SQS
 * Developer Guide, "Using dead-letter queues in Amazon SQS" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS009',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SQS::Queue'],
    title: { en: 'Invalid redrive (DLQ) configuration', ja: 'リドライブ（DLQ）設定が不正' },
    note: 'lambda.dlq',
    messages: {
      missingCount: {
        en: 'RedrivePolicy of `{queue}` needs `maxReceiveCount` ({min}–{max}): how many receives before a message moves to the dead-letter queue.',
        ja: '`{queue}` の RedrivePolicy には `maxReceiveCount`（{min}～{max}）が必要です。何回受信されたらデッドレターキューに移すかを指定します。',
      },
      countRange: {
        en: 'maxReceiveCount must be {min}–{max}; found {value}.',
        ja: 'maxReceiveCount は {min}～{max} で指定します（現在の値: {value}）。',
      },
      fifoMismatch: {
        en: 'Dead-letter queue `{dlq}` is {dlqType} but `{queue}` is {queueType}. A FIFO queue\'s dead-letter queue must also be FIFO, and a standard queue\'s must be standard.',
        ja: 'デッドレターキュー `{dlq}` は{dlqType}ですが、`{queue}` は{queueType}です。FIFO キューの DLQ は FIFO、標準キューの DLQ は標準キューである必要があります。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const min = context.knowledge.number('lambda.dlq', 'maxReceiveCount', 'min');
    const max = context.knowledge.number('lambda.dlq', 'maxReceiveCount', 'max');
    for (const queue of template.ofType('AWS::SQS::Queue')) {
      for (const policy of redrivePolicies(queue)) {
        const count = get(policy.node, 'maxReceiveCount');
        if (count === undefined) {
          context.report({ path: policy.path, target: 'key', messageId: 'missingCount', data: { queue: queue.name, min, max } });
        } else {
          const n = numberCandidates(count, template);
          const bad = n?.values.find((v) => v < min || v > max);
          if (n && bad !== undefined) {
            context.report({
              path: policy.inline ? policy.path : [...policy.path, 'maxReceiveCount'],
              messageId: 'countRange',
              data: { min, max, value: bad },
              downgrade: n.choice && n.values.some((v) => v >= min && v <= max),
            });
          }
        }
        if (policy.inline) continue;
        const target = template.referenced(get(policy.node, 'deadLetterTargetArn'));
        const dlq = target ? template.resources.get(target.name) : undefined;
        if (!dlq || dlq.type !== 'AWS::SQS::Queue') continue;
        const sourceFifo = isFifo(template, queue);
        const dlqFifo = isFifo(template, dlq);
        if (sourceFifo === undefined || dlqFifo === undefined || sourceFifo === dlqFifo) continue;
        const label = (fifo: boolean) => (fifo ? 'FIFO' : 'standard');
        context.report({
          path: [...policy.path, 'deadLetterTargetArn'],
          messageId: 'fifoMismatch',
          data: { queue: queue.name, dlq: dlq.name, queueType: label(sourceFifo), dlqType: label(dlqFifo) },
        });
      }
    }
  },
};

export default rule;

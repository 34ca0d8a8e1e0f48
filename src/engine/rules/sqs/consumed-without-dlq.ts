import { get } from '../../parse/tree';
import { sqsConsumers, EVENT_SOURCE_TYPES } from '../../model/links';
import type { Rule } from '../types';

/**
 * SQS011: a queue that feeds Lambda has no dead-letter queue. Messages that keep failing are
 * retried until the retention period ends; the function's own DeadLetterConfig does not apply to
 * SQS-sourced messages (the DLQ must be the queue's RedrivePolicy). Source: Lambda Developer
 * Guide, "Handling errors for an SQS event source in Lambda" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS011',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EVENT_SOURCE_TYPES,
    title: { en: 'Lambda-consumed queue without a DLQ', ja: 'Lambda が処理するキューに DLQ がない' },
    note: 'lambda.dlq',
    messages: {
      noDlq: {
        en: 'Queue `{queue}` feeds `{function}` but has no dead-letter queue: failing messages are retried until the retention period ends. Add a RedrivePolicy (the function\'s DeadLetterConfig does not apply to SQS-sourced messages).',
        ja: 'キュー `{queue}` は `{function}` が処理しますが、デッドレターキューがありません。失敗し続けるメッセージは保持期間が終わるまで再試行されます。RedrivePolicy を追加してください（関数の DeadLetterConfig は SQS からのメッセージには適用されません）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const reported = new Set<string>();
    for (const link of sqsConsumers(template)) {
      if (reported.has(link.queue.name) || get(link.queue.properties, 'RedrivePolicy') !== undefined) continue;
      reported.add(link.queue.name);
      context.report({ path: link.queue.path, messageId: 'noDlq', data: { queue: link.queue.name, function: link.fn.name } });
    }
  },
};

export default rule;

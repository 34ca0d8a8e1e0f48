import { get } from '../../parse/tree';
import { seconds } from '../../messages';
import type { Rule } from '../types';
import { queueNumber, redrivePolicies } from './queue-facts';

/**
 * SQS010: a dead-letter queue that keeps messages no longer than its source. For standard queues
 * a moved message keeps its original enqueue timestamp, so it can expire in the DLQ almost at
 * once. AWS advises a DLQ retention longer than the source's. Source: SQS Developer Guide,
 * "Using dead-letter queues in Amazon SQS" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS010',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SQS::Queue'],
    title: { en: 'DLQ retention not longer than the source queue\'s', ja: 'DLQ の保持期間が元キュー以下' },
    note: 'sqs.retention',
    messages: {
      retention: {
        en: 'Dead-letter queue `{dlq}` keeps messages {dlqRetention}, not longer than its source `{queue}` ({queueRetention}). For standard queues the original enqueue time is kept, so moved messages can expire almost at once. Give the DLQ a longer retention (up to 14 days).',
        ja: 'デッドレターキュー `{dlq}` の保持期間 {dlqRetention} が、元のキュー `{queue}`（{queueRetention}）以下です。標準キューでは元のエンキュー時刻が引き継がれるため、移動したメッセージがすぐに期限切れになることがあります。DLQ の保持期間を長く（最大 14 日）してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const fallback = context.knowledge.number('sqs.retention', 'default');
    for (const queue of template.ofType('AWS::SQS::Queue')) {
      const dlqNames = new Set(redrivePolicies(queue).map((policy) => template.referenced(get(policy.node, 'deadLetterTargetArn'))?.name));
      for (const name of dlqNames) {
        const dlq = name ? template.resources.get(name) : undefined;
        if (!dlq || dlq.type !== 'AWS::SQS::Queue' || dlq === queue) continue;
        const source = queueNumber(template, queue, 'MessageRetentionPeriod', fallback);
        const target = queueNumber(template, dlq, 'MessageRetentionPeriod', fallback);
        if (source === undefined || target === undefined || target > source) continue;
        const dlqRetention = get(dlq.properties, 'MessageRetentionPeriod');
        context.report({
          path: dlqRetention ? [...dlq.path, 'Properties', 'MessageRetentionPeriod'] : dlq.path,
          messageId: 'retention',
          data: { dlq: dlq.name, queue: queue.name, dlqRetention: seconds(target), queueRetention: seconds(source) },
        });
      }
    }
  },
};

export default rule;

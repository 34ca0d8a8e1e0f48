import { get } from '../../parse/tree';
import { sqsConsumers } from '../../model/links';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * SQS012: a queue without a Lambda consumer uses short polling (ReceiveMessageWaitTimeSeconds
 * unset or 0). If consumers often receive nothing, long polling (up to 20 s) cuts requests and
 * cost. Lambda long-polls by itself, so Lambda-consumed queues are skipped. Cost advice, off by
 * default: most queues in real templates are consumed outside the template. Source: SQS Developer
 * Guide, "Amazon SQS short and long polling" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS012',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::Lambda::EventSourceMapping',
      'AWS::Lambda::Function',
      'AWS::SQS::Queue',
      'AWS::Serverless::Function',
    ],
    title: { en: 'Short polling on a queue with no Lambda consumer', ja: 'Lambda 以外が処理するキューでショートポーリング' },
    note: 'sqs.short-polling',
    enabledByDefault: false,
    messages: {
      shortPolling: {
        en: 'Queue `{queue}` uses short polling (0 s). If consumers often get empty responses, long polling (ReceiveMessageWaitTimeSeconds up to {max}) cuts the number of requests and the cost.',
        ja: 'キュー `{queue}` はショートポーリング（0秒）です。0件の応答が多発するなら、ロングポーリング（ReceiveMessageWaitTimeSeconds 最大 {max} 秒）でリクエスト数とコストを削減できます。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const consumed = new Set(sqsConsumers(template).map((link) => link.queue));
    const max = context.knowledge.number('sqs.long-polling', 'max');
    for (const queue of template.ofType('AWS::SQS::Queue')) {
      if (consumed.has(queue)) continue;
      const wait = get(queue.properties, 'ReceiveMessageWaitTimeSeconds');
      if (wait) {
        const n = numberCandidates(wait, template);
        if (!n || n.values.some((v) => v !== 0)) continue;
      }
      context.report({ path: wait ? [...queue.path, 'Properties', 'ReceiveMessageWaitTimeSeconds'] : queue.path, messageId: 'shortPolling', data: { queue: queue.name, max } });
    }
  },
};

export default rule;

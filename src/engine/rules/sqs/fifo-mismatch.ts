import { get, isScalar, stringOf } from '../../parse/tree';
import { insertNested } from '../../edits';
import type { Rule } from '../types';
import { isFifo } from './queue-facts';

const FIFO_ONLY = ['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'];

/**
 * SQS008: FIFO settings that disagree. A FIFO queue's name must end in `.fifo`, a `.fifo` name
 * needs `FifoQueue: true`, and deduplication/throughput settings exist only on FIFO queues; SQS
 * rejects the queue otherwise. Source: SQS Developer Guide, "Amazon SQS FIFO queues" and
 * CreateQueue attributes (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS008',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SQS::Queue'],
    title: { en: 'FIFO attribute mismatch', ja: 'FIFO 属性の不一致' },
    note: 'sqs.fifo',
    messages: {
      nameSuffix: {
        en: 'Queue `{queue}` is a FIFO queue, so its QueueName must end in `.fifo` (found `{name}`).',
        ja: 'キュー `{queue}` は FIFO キューなので、QueueName は `.fifo` で終わる必要があります（現在: `{name}`）。',
      },
      notFifo: {
        en: 'QueueName `{name}` ends in `.fifo`, but `{queue}` does not set `FifoQueue: true`. SQS creates FIFO queues only with both.',
        ja: 'QueueName `{name}` は `.fifo` で終わっていますが、`{queue}` に `FifoQueue: true` がありません。FIFO キューには両方が必要です。',
      },
      fifoOnly: {
        en: '`{property}` is a FIFO-only setting, but `{queue}` is a standard queue. Set `FifoQueue: true` (and a `.fifo` name) or remove it. (Deduplication IDs suppress duplicates within a 5-minute window.)',
        ja: '`{property}` は FIFO キュー専用の設定ですが、`{queue}` は標準キューです。`FifoQueue: true`（と `.fifo` の名前）を設定するか、削除してください（重複削除 ID は 5 分以内の重複を排除します）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const suffix = String(context.knowledge.value('sqs.fifo', 'nameSuffix'));
    for (const queue of template.ofType('AWS::SQS::Queue')) {
      const fifo = isFifo(template, queue);
      if (fifo === undefined) continue;
      const nameNode = get(queue.properties, 'QueueName');
      const name = stringOf(nameNode);
      const namePath = [...queue.path, 'Properties', 'QueueName'];
      if (fifo && name !== undefined && !name.endsWith(suffix) && isScalar(nameNode)) {
        const at = nameNode.quoted && /['"]$/.test(context.doc.text.slice(nameNode.start, nameNode.end)) ? nameNode.end - 1 : nameNode.end;
        context.report({
          path: namePath, messageId: 'nameSuffix', data: { queue: queue.name, name },
          fixes: [{ title: { en: `Rename to ${name}${suffix}`, ja: `${name}${suffix} に変更` }, edits: [{ start: at, end: at, newText: suffix }], preferred: true }],
        });
      }
      if (!fifo && name?.endsWith(suffix) && queue.properties) {
        context.report({
          path: namePath, messageId: 'notFifo', data: { queue: queue.name, name },
          fixes: get(queue.properties, 'FifoQueue') ? [] : [{
            title: { en: 'Add FifoQueue: true', ja: 'FifoQueue: true を追加' },
            edits: [insertNested(context.doc, queue.properties, ['FifoQueue'], 'true')],
            preferred: true,
          }],
        });
      }
      if (!fifo) {
        for (const property of FIFO_ONLY) {
          if (get(queue.properties, property) === undefined) continue;
          context.report({ path: [...queue.path, 'Properties', property], target: 'key', messageId: 'fifoOnly', data: { queue: queue.name, property } });
        }
      }
    }
  },
};

export default rule;

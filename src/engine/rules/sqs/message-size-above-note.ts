import { get } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * SQS013: MaximumMessageSize above 256 KiB. The study note says messages are up to 256 KB; since
 * August 2025 SQS accepts up to 1 MiB. Larger messages work, but producers, consumers and any
 * Lambda event source must handle them, and each 64 KiB chunk is billed as one request. Source:
 * AWS What's New / Compute Blog on 1 MiB payloads (spec FC-01; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS013',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SQS::Queue'],
    title: { en: 'Message size above 256 KiB', ja: 'メッセージサイズが 256 KiB 超' },
    note: 'sqs.message-size',
    messages: {
      large: {
        en: 'MaximumMessageSize {value} is above {noteLimit} bytes (the 256 KB in the study note). Payloads up to 1 MiB have been supported since August 2025; check that producers, consumers and any Lambda event source handle them — each 64 KiB chunk is billed as one request.',
        ja: 'MaximumMessageSize {value} はノートにある 256KB（{noteLimit} バイト）を超えています。2025年8月以降は最大 1 MiB まで扱えますが、プロデューサー・コンシューマー・Lambda イベントソースが対応しているか確認してください（64 KiB ごとに 1 リクエストとして課金）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const noteLimit = context.knowledge.number('sqs.message-size', 'noteLimit');
    const max = context.knowledge.number('sqs.message-size', 'max');
    for (const queue of template.ofType('AWS::SQS::Queue')) {
      const node = get(queue.properties, 'MaximumMessageSize');
      const n = node ? numberCandidates(node, template) : undefined;
      const large = n?.values.find((v) => v > noteLimit && v <= max);
      if (large === undefined) continue;
      context.report({ path: [...queue.path, 'Properties', 'MaximumMessageSize'], messageId: 'large', data: { value: large, noteLimit } });
    }
  },
};

export default rule;

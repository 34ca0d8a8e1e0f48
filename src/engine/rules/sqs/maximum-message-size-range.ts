import { rangeRule } from '../shared/range';

/**
 * SQS005: `AWS::SQS::Queue.MaximumMessageSize` outside the range SQS accepts. CreateQueue and
 * SetQueueAttributes reject it, so the stack fails. The range lives in the note `sqs.message-size`
 * (SQS API Reference, CreateQueue attributes; verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'SQS005',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'MaximumMessageSize out of range', ja: 'MaximumMessageSize が範囲外' },
    note: 'sqs.message-size',
    messages: {
      outOfRange: {
        en: 'MaximumMessageSize must be {min}–{max} bytes (1 KiB–1 MiB); found {value}. For bigger payloads use the SQS Extended Client Library (S3-backed, up to 2 GB).',
        ja: 'MaximumMessageSize は {min}～{max} バイト（1 KiB～1 MiB）です（現在の値: {value}）。それより大きいメッセージは SQS 拡張クライアントライブラリ（S3 経由、最大 2 GB）を使います。',
      },
    },
  },
  resourceTypes: ['AWS::SQS::Queue'],
  property: 'MaximumMessageSize',
  limits: (k) => ({
    min: k.number('sqs.message-size', 'min'),
    max: k.number('sqs.message-size', 'max'),
    default: k.number('sqs.message-size', 'default'),
  }),
});

import { rangeRule } from '../shared/range';

/**
 * SQS004: `AWS::SQS::Queue.ReceiveMessageWaitTimeSeconds` outside the range SQS accepts. CreateQueue and
 * SetQueueAttributes reject it, so the stack fails. The range lives in the note `sqs.long-polling`
 * (SQS API Reference, CreateQueue attributes; verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'SQS004',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'ReceiveMessageWaitTimeSeconds out of range', ja: 'ReceiveMessageWaitTimeSeconds が範囲外' },
    note: 'sqs.long-polling',
    messages: {
      outOfRange: {
        en: 'Long polling waits at most {max} seconds: ReceiveMessageWaitTimeSeconds must be {min}–{max}; found {value}.',
        ja: 'ロングポーリングは最大で {max} 秒間待機します。ReceiveMessageWaitTimeSeconds は {min}～{max} です（現在の値: {value}）。',
      },
    },
  },
  resourceTypes: ['AWS::SQS::Queue'],
  property: 'ReceiveMessageWaitTimeSeconds',
  limits: (k) => ({
    min: k.number('sqs.long-polling', 'min'),
    max: k.number('sqs.long-polling', 'max'),
    default: k.number('sqs.long-polling', 'default'),
  }),
});

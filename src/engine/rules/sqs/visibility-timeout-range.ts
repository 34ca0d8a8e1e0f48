import { rangeRule } from '../shared/range';

/**
 * SQS001: `AWS::SQS::Queue.VisibilityTimeout` outside the range SQS accepts. CreateQueue and
 * SetQueueAttributes reject it, so the stack fails. The range lives in the note `sqs.visibility-timeout`
 * (SQS API Reference, CreateQueue attributes; verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'SQS001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'VisibilityTimeout out of range', ja: 'VisibilityTimeout が範囲外' },
    note: 'sqs.visibility-timeout',
    messages: {
      outOfRange: {
        en: 'VisibilityTimeout must be {min}–{max} seconds (0 s–12 h); found {value}.',
        ja: 'VisibilityTimeout は {min}～{max} 秒（0秒 ～ 12時間）の範囲で指定します（現在の値: {value}）。',
      },
    },
  },
  resourceTypes: ['AWS::SQS::Queue'],
  property: 'VisibilityTimeout',
  limits: (k) => ({
    min: k.number('sqs.visibility-timeout', 'min'),
    max: k.number('sqs.visibility-timeout', 'max'),
    default: k.number('sqs.visibility-timeout', 'default'),
  }),
});

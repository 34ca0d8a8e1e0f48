import { rangeRule } from '../shared/range';

/**
 * SQS002: `AWS::SQS::Queue.MessageRetentionPeriod` outside the range SQS accepts. CreateQueue and
 * SetQueueAttributes reject it, so the stack fails. The range lives in the note `sqs.retention`
 * (SQS API Reference, CreateQueue attributes; verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'SQS002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'MessageRetentionPeriod out of range', ja: 'MessageRetentionPeriod（保持期間）が範囲外' },
    note: 'sqs.retention',
    messages: {
      outOfRange: {
        en: 'MessageRetentionPeriod must be {min}–{max} seconds (1 minute–14 days; default {default} = 4 days); found {value}.',
        ja: 'MessageRetentionPeriod（保持期間）は {min}～{max} 秒（1分～14日、デフォルト {default} 秒 = 4日）です（現在の値: {value}）。',
      },
    },
  },
  resourceTypes: ['AWS::SQS::Queue'],
  property: 'MessageRetentionPeriod',
  limits: (k) => ({
    min: k.number('sqs.retention', 'min'),
    max: k.number('sqs.retention', 'max'),
    default: k.number('sqs.retention', 'default'),
  }),
});

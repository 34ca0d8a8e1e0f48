import { rangeRule } from '../shared/range';

/**
 * SQS003: `AWS::SQS::Queue.DelaySeconds` outside the range SQS accepts. CreateQueue and
 * SetQueueAttributes reject it, so the stack fails. The range lives in the note `sqs.delay-queue`
 * (SQS API Reference, CreateQueue attributes; verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'SQS003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'DelaySeconds out of range', ja: 'DelaySeconds（遅延キュー）が範囲外' },
    note: 'sqs.delay-queue',
    messages: {
      outOfRange: {
        en: 'DelaySeconds (delay queue) must be {min}–{max} seconds (up to 15 minutes); found {value}.',
        ja: 'DelaySeconds（遅延キュー）は {min}～{max} 秒（最大 15 分）です（現在の値: {value}）。',
      },
    },
  },
  resourceTypes: ['AWS::SQS::Queue'],
  property: 'DelaySeconds',
  limits: (k) => ({
    min: k.number('sqs.delay-queue', 'min'),
    max: k.number('sqs.delay-queue', 'max'),
    default: k.number('sqs.delay-queue', 'default'),
  }),
});

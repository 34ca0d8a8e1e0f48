import type { Rule } from '../types';
import { queueTimings, reportTiming, violations } from './consumer-timeouts';
import { EVENT_SOURCE_TYPES } from '../../model/links';

/**
 * SQS006: a queue's visibility timeout is shorter than the timeout of a Lambda function that
 * consumes it. Lambda validates this when the event source mapping is created or updated and
 * returns an error ("Your function's timeout must be less than or equal to the queue's visibility
 * timeout"), so the stack fails. An unset VisibilityTimeout counts as the default 30 s.
 * Source: AWS Lambda Developer Guide, "Creating and configuring an Amazon SQS event source
 * mapping" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS006',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EVENT_SOURCE_TYPES,
    title: { en: 'Visibility timeout shorter than the consuming Lambda timeout', ja: '可視性タイムアウトが Lambda のタイムアウトより短い' },
    note: 'sqs.visibility-timeout',
    messages: {
      set: {
        en: 'Queue `{queue}` has a visibility timeout of {visibility}, but its consumer `{function}` may run {timeout}. Lambda rejects this event source mapping (the function timeout must not exceed the queue\'s visibility timeout). Set VisibilityTimeout ≥ {timeout}; AWS recommends ≥ {multiplier} × {timeout} = {recommended}.',
        ja: 'キュー `{queue}` の可視性タイムアウトは {visibility} ですが、コンシューマー `{function}` は最大 {timeout} 実行されます。関数のタイムアウトが可視性タイムアウトを超えると、Lambda はイベントソースマッピングの作成を拒否します。VisibilityTimeout を {timeout} 以上にしてください（AWS の推奨は {multiplier} 倍の {recommended} 以上）。',
      },
      unset: {
        en: 'Queue `{queue}` leaves VisibilityTimeout unset, so the default {default} applies, but its consumer `{function}` may run {timeout}. Lambda rejects this event source mapping (the function timeout must not exceed the queue\'s visibility timeout). Set VisibilityTimeout to at least {recommended} ({multiplier} × {timeout}, as AWS recommends).',
        ja: 'キュー `{queue}` は VisibilityTimeout が未設定のため、デフォルトの {default} が適用されますが、コンシューマー `{function}` は最大 {timeout} 実行されます。関数のタイムアウトが可視性タイムアウトを超えると、Lambda はイベントソースマッピングの作成を拒否します。VisibilityTimeout を {recommended}（{timeout} の {multiplier} 倍、AWS 推奨）以上に設定してください。',
      },
    },
  },
  check(context) {
    for (const timing of queueTimings(context)) {
      reportTiming(context, timing, violations(timing, (v, t) => v < t));
    }
  },
};

export default rule;

import type { Rule } from '../types';
import { queueTimings, reportTiming, violations } from './consumer-timeouts';
import { EVENT_SOURCE_TYPES } from '../../model/links';

/**
 * SQS007: the visibility timeout is at least the consumer's timeout but below 6 × it. AWS
 * recommends ≥ 6 × the function timeout so that Lambda can retry throttled batches before the
 * messages reappear; below that, messages can be processed twice. Deploys fine, hence a warning.
 * Source: AWS Lambda Developer Guide, "Creating and configuring an Amazon SQS event source
 * mapping"; SQS Developer Guide, "Configuring an Amazon SQS queue to trigger an AWS Lambda
 * function" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SQS007',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EVENT_SOURCE_TYPES,
    title: { en: 'Visibility timeout below 6 × the consumer timeout', ja: '可視性タイムアウトがコンシューマーのタイムアウトの 6 倍未満' },
    note: 'sqs.visibility-timeout',
    messages: {
      set: {
        en: 'Queue `{queue}` has a visibility timeout of {visibility}, less than {multiplier} × the timeout of its consumer `{function}` ({timeout}) = {recommended}. When Lambda retries throttled batches, messages can reappear and be processed twice. Set VisibilityTimeout ≥ {recommended}.',
        ja: 'キュー `{queue}` の可視性タイムアウト {visibility} は、コンシューマー `{function}` のタイムアウト（{timeout}）の {multiplier} 倍 = {recommended} 未満です。Lambda がスロットリングされたバッチをリトライする間にメッセージが再表示され、二重処理されることがあります。VisibilityTimeout を {recommended} 以上にしてください。',
      },
      unset: {
        en: 'Queue `{queue}` leaves VisibilityTimeout unset, so the default {default} applies: less than {multiplier} × the timeout of its consumer `{function}` ({timeout}) = {recommended}. When Lambda retries throttled batches, messages can reappear and be processed twice. Set VisibilityTimeout to {recommended}.',
        ja: 'キュー `{queue}` は VisibilityTimeout が未設定のため、デフォルトの {default} が適用されます。これはコンシューマー `{function}` のタイムアウト（{timeout}）の {multiplier} 倍 = {recommended} 未満です。Lambda がスロットリングされたバッチをリトライする間にメッセージが再表示され、二重処理されることがあります。VisibilityTimeout を {recommended} に設定してください。',
      },
    },
  },
  check(context) {
    for (const timing of queueTimings(context)) {
      if (violations(timing, (v, t) => v < t).some) continue;
      reportTiming(context, timing, violations(timing, (v, t) => v < t * timing.multiplier));
    }
  },
};

export default rule;

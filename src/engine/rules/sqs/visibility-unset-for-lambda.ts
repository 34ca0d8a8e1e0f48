import type { Rule } from '../types';
import { messageData, queueTimings, visibilityFix } from './consumer-timeouts';
import { EVENT_SOURCE_TYPES } from '../../model/links';

/**
 * SQS014 (not in the spec's list; added for the user's explicit wish): a Lambda-consumed queue
 * leaves VisibilityTimeout unset although the default (30 s) happens to cover 6 × the function
 * timeout today. The link between the two timeouts is then invisible: raising the function timeout
 * later silently breaks it. Said as information, with the recommended value and a quick fix.
 * SQS006/SQS007 cover the unset cases where the default is too short, so this rule stays quiet then.
 * Source: AWS Lambda Developer Guide, "Creating and configuring an Amazon SQS event source mapping".
 */
const rule: Rule = {
  meta: {
    id: 'SQS014',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EVENT_SOURCE_TYPES,
    title: { en: 'Lambda-consumed queue leaves VisibilityTimeout unset', ja: 'Lambda が処理するキューで VisibilityTimeout が未設定' },
    note: 'sqs.visibility-timeout',
    messages: {
      unset: {
        en: 'Queue `{queue}` feeds `{function}` (timeout {timeout}) but leaves VisibilityTimeout unset, so the default {default} applies. That is enough today, but the two timeouts are linked: AWS recommends ≥ {multiplier} × the function timeout = {recommended}. Set it explicitly so a longer function timeout later cannot silently break it.',
        ja: 'キュー `{queue}` は `{function}`（タイムアウト {timeout}）が処理しますが、VisibilityTimeout が未設定のため、デフォルトの {default} が適用されます。現状は足りていますが、2 つのタイムアウトは連動しています。AWS の推奨は関数タイムアウトの {multiplier} 倍 = {recommended} 以上です。後で関数のタイムアウトを延ばしても壊れないよう、明示的に設定してください。',
      },
    },
  },
  check(context) {
    for (const timing of queueTimings(context)) {
      if (!timing.unset) continue;
      const longest = Math.max(...timing.timeouts);
      if (timing.defaultVisibility < longest * timing.multiplier) continue;
      context.report({ path: timing.path, messageId: 'unset', data: messageData(timing), fixes: visibilityFix(context, timing) });
    }
  },
};

export default rule;

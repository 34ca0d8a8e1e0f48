import type { Rule } from './types';
import sqsVisibilityTimeoutRange from './sqs/visibility-timeout-range';
import sqsRetentionRange from './sqs/retention-range';
import sqsDelaySecondsRange from './sqs/delay-seconds-range';
import sqsReceiveWaitTimeRange from './sqs/receive-wait-time-range';
import sqsMaximumMessageSizeRange from './sqs/maximum-message-size-range';
import sqsVisibilityShorterThanConsumer from './sqs/visibility-shorter-than-consumer';
import sqsVisibilityBelowSixTimes from './sqs/visibility-below-six-times';
import sqsFifoMismatch from './sqs/fifo-mismatch';
import sqsRedriveInvalid from './sqs/redrive-invalid';
import sqsDlqRetention from './sqs/dlq-retention';
import sqsConsumedWithoutDlq from './sqs/consumed-without-dlq';
import sqsShortPolling from './sqs/short-polling';
import sqsMessageSizeAboveNote from './sqs/message-size-above-note';
import sqsVisibilityUnsetForLambda from './sqs/visibility-unset-for-lambda';
import lambdaTimeoutRange from './lambda/timeout-range';

/**
 * Every rule the engine runs, in id order. A test checks that each has fixtures, cites a note
 * that exists, and appears in the README's rule table.
 */
export const rules: readonly Rule[] = [
  sqsVisibilityTimeoutRange,
  sqsRetentionRange,
  sqsDelaySecondsRange,
  sqsReceiveWaitTimeRange,
  sqsMaximumMessageSizeRange,
  sqsVisibilityShorterThanConsumer,
  sqsVisibilityBelowSixTimes,
  sqsFifoMismatch,
  sqsRedriveInvalid,
  sqsDlqRetention,
  sqsConsumedWithoutDlq,
  sqsShortPolling,
  sqsMessageSizeAboveNote,
  sqsVisibilityUnsetForLambda,
  lambdaTimeoutRange,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

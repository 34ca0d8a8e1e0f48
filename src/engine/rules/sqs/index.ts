import type { Rule } from '../types';
import sqsVisibilityTimeoutRange from './visibility-timeout-range';
import sqsRetentionRange from './retention-range';
import sqsDelaySecondsRange from './delay-seconds-range';
import sqsReceiveWaitTimeRange from './receive-wait-time-range';
import sqsMaximumMessageSizeRange from './maximum-message-size-range';
import sqsVisibilityShorterThanConsumer from './visibility-shorter-than-consumer';
import sqsVisibilityBelowSixTimes from './visibility-below-six-times';
import sqsFifoMismatch from './fifo-mismatch';
import sqsRedriveInvalid from './redrive-invalid';
import sqsDlqRetention from './dlq-retention';
import sqsConsumedWithoutDlq from './consumed-without-dlq';
import sqsShortPolling from './short-polling';
import sqsMessageSizeAboveNote from './message-size-above-note';
import sqsVisibilityUnsetForLambda from './visibility-unset-for-lambda';

/** The sqs rules, in id order. */
export const sqsRules: readonly Rule[] = [
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
];

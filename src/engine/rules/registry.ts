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
import appspecVersion from './appspec/version';
import appspecUnknownEvent from './appspec/unknown-event';
import appspecReservedEvent from './appspec/reserved-event';
import appspecWrongPlatformEvent from './appspec/wrong-platform-event';
import appspecHookOrder from './appspec/hook-order';
import appspecScriptTimeout from './appspec/script-timeout';
import appspecEventTotalTimeout from './appspec/event-total-timeout';
import appspecMalformedServerHook from './appspec/malformed-server-hook';
import appspecMalformedFunctionHook from './appspec/malformed-function-hook';
import appspecOs from './appspec/os';
import appspecIncompleteResource from './appspec/incomplete-resource';
import appspecApplicationStop from './appspec/application-stop';
import appspecForeignSection from './appspec/foreign-section';
import buildspecVersion from './buildspec/version';
import buildspecOldVersion from './buildspec/old-version';
import buildspecUnknownPhase from './buildspec/unknown-phase';
import buildspecPhaseOrder from './buildspec/phase-order';
import buildspecPhaseWithoutCommands from './buildspec/phase-without-commands';
import buildspecRuntimeVersionsOutsideInstall from './buildspec/runtime-versions-outside-install';
import buildspecPlaintextSecret from './buildspec/plaintext-secret';
import buildspecReservedPrefix from './buildspec/reserved-prefix';
import buildspecSecretsManagerReference from './buildspec/secrets-manager-reference';
import buildspecArtifactsWithoutFiles from './buildspec/artifacts-without-files';

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
  // APPSPEC013 needs the workspace's deployment group (spec §2.1 linking): not implemented.
  appspecVersion,
  appspecUnknownEvent,
  appspecReservedEvent,
  appspecWrongPlatformEvent,
  appspecHookOrder,
  appspecScriptTimeout,
  appspecEventTotalTimeout,
  appspecMalformedServerHook,
  appspecMalformedFunctionHook,
  appspecOs,
  appspecIncompleteResource,
  appspecApplicationStop,
  appspecForeignSection,
  // BUILDSPEC009/010 need the linked AWS::CodeBuild::Project: not implemented.
  buildspecVersion,
  buildspecOldVersion,
  buildspecUnknownPhase,
  buildspecPhaseOrder,
  buildspecPhaseWithoutCommands,
  buildspecRuntimeVersionsOutsideInstall,
  buildspecPlaintextSecret,
  buildspecReservedPrefix,
  buildspecSecretsManagerReference,
  buildspecArtifactsWithoutFiles,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

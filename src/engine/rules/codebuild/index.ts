import type { Rule } from '../types';
import codebuildTimeoutRange from './timeout-range';
import codebuildQueuedTimeoutRange from './queued-timeout-range';
import codebuildArtifactEncryptionDisabled from './artifact-encryption-disabled';
import codebuildPlaintextVariable from './plaintext-variable';

/** The codebuild rules, in id order. */
export const codebuildRules: readonly Rule[] = [
  codebuildTimeoutRange,
  codebuildQueuedTimeoutRange,
  codebuildArtifactEncryptionDisabled,
  codebuildPlaintextVariable,
];

import type { Rule } from '../types';
import buildspecVersion from './version';
import buildspecOldVersion from './old-version';
import buildspecUnknownPhase from './unknown-phase';
import buildspecPhaseOrder from './phase-order';
import buildspecPhaseWithoutCommands from './phase-without-commands';
import buildspecRuntimeVersionsOutsideInstall from './runtime-versions-outside-install';
import buildspecPlaintextSecret from './plaintext-secret';
import buildspecReservedPrefix from './reserved-prefix';
import buildspecSecretsManagerReference from './secrets-manager-reference';
import buildspecArtifactsWithoutFiles from './artifacts-without-files';

/** The buildspec rules, in id order. */
export const buildspecRules: readonly Rule[] = [
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

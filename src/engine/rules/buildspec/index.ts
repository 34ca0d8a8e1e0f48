import type { Rule } from '../types';
import buildspecVersion from './version';
import buildspecOldVersion from './old-version';
import buildspecUnknownPhase from './unknown-phase';
import buildspecPhaseOrder from './phase-order';
import buildspecPhaseWithoutCommands from './phase-without-commands';
import buildspecRuntimeVersionsOutsideInstall from './runtime-versions-outside-install';
import buildspecPlaintextSecret from './plaintext-secret';
import buildspecReservedPrefix from './reserved-prefix';
import buildspecRoleCannotReadSecrets from './role-cannot-read-secrets';
import buildspecDockerWithoutPrivilegedMode from './docker-without-privileged-mode';
import buildspecSecretsManagerReference from './secrets-manager-reference';
import buildspecArtifactsWithoutFiles from './artifacts-without-files';

/** The buildspec rules, in id order. */
export const buildspecRules: readonly Rule[] = [
  buildspecVersion,
  buildspecOldVersion,
  buildspecUnknownPhase,
  buildspecPhaseOrder,
  buildspecPhaseWithoutCommands,
  buildspecRuntimeVersionsOutsideInstall,
  buildspecPlaintextSecret,
  buildspecReservedPrefix,
  buildspecRoleCannotReadSecrets,
  buildspecDockerWithoutPrivilegedMode,
  buildspecSecretsManagerReference,
  buildspecArtifactsWithoutFiles,
];

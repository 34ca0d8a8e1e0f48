import type { Rule } from '../types';
import lambdaTimeoutRange from './timeout-range';
import apiTimeout from './api-timeout';
import ephemeralStorageRange from './ephemeral-storage-range';
import dlqTarget from './dlq-target';
import dlqPermission from './dlq-permission';
import dlqPollOnly from './dlq-poll-only';
import esmPermission from './esm-permission';
import logsPermission from './logs-permission';
import xrayPermission from './xray-permission';
import runtimeBlocked from './runtime-blocked';
import runtimeDeprecated from './runtime-deprecated';
import plaintextSecret from './plaintext-secret';
import reservedEnvironmentVariable from './reserved-environment-variable';
import vpcNoEgress from './vpc-no-egress';
import codePackage from './code-package';
import edgeAssociation from './edge-association';

/** The lambda rules, in id order. */
export const lambdaRules: readonly Rule[] = [
  lambdaTimeoutRange,
  apiTimeout,
  ephemeralStorageRange,
  dlqTarget,
  dlqPermission,
  dlqPollOnly,
  esmPermission,
  logsPermission,
  xrayPermission,
  runtimeBlocked,
  runtimeDeprecated,
  plaintextSecret,
  reservedEnvironmentVariable,
  vpcNoEgress,
  codePackage,
  edgeAssociation,
];

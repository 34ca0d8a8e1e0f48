import type { Rule } from '../types';
import samMissingTransform from './missing-transform';
import samGlobalsUnsupported from './globals-unsupported';
import samDeploymentPreferenceWithoutAlias from './deployment-preference-without-alias';

/** The sam rules, in id order. */
export const samRules: readonly Rule[] = [
  samMissingTransform,
  samGlobalsUnsupported,
  samDeploymentPreferenceWithoutAlias,
];

import type { Rule } from '../types';
import lambdaTimeoutRange from './timeout-range';

/** The lambda rules, in id order. */
export const lambdaRules: readonly Rule[] = [
  lambdaTimeoutRange,
];

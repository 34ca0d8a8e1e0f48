import type { Rule } from '../types';

/** The cloudwatch rules, in id order. */
export const cloudwatchRules: readonly Rule[] = [
];

import type { Rule } from '../types';

/** The cfn rules, in id order. */
export const cfnRules: readonly Rule[] = [
];

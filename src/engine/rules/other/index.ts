import type { Rule } from '../types';

/** The other rules, in id order. */
export const otherRules: readonly Rule[] = [
];

import type { Rule } from '../types';

/** The esm rules, in id order. */
export const esmRules: readonly Rule[] = [
];

import type { Rule } from '../types';

/** The sam rules, in id order. */
export const samRules: readonly Rule[] = [
];

import type { Rule } from '../types';

/** The containers rules, in id order. */
export const containersRules: readonly Rule[] = [
];

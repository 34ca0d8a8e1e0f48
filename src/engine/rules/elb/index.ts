import type { Rule } from '../types';

/** The elb rules, in id order. */
export const elbRules: readonly Rule[] = [
];

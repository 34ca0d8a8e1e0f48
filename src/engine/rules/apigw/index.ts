import type { Rule } from '../types';

/** The apigw rules, in id order. */
export const apigwRules: readonly Rule[] = [
];

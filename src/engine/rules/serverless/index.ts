import type { Rule } from '../types';

/** The serverless rules, in id order. */
export const serverlessRules: readonly Rule[] = [
];

import type { Rule } from '../types';

/** The dynamodb rules, in id order. */
export const dynamodbRules: readonly Rule[] = [
];

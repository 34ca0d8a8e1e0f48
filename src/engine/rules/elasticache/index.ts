import type { Rule } from '../types';

/** The elasticache rules, in id order. */
export const elasticacheRules: readonly Rule[] = [
];

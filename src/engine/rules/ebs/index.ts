import type { Rule } from '../types';

/** The ebs rules, in id order. */
export const ebsRules: readonly Rule[] = [
];

import type { Rule } from '../types';

/** The ec2 rules, in id order. */
export const ec2Rules: readonly Rule[] = [
];

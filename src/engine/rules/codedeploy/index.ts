import type { Rule } from '../types';

/** The codedeploy rules, in id order. */
export const codedeployRules: readonly Rule[] = [
];

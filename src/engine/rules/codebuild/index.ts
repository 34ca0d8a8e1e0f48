import type { Rule } from '../types';

/** The codebuild rules, in id order. */
export const codebuildRules: readonly Rule[] = [
];

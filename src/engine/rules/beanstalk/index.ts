import type { Rule } from '../types';

/** The beanstalk rules, in id order. */
export const beanstalkRules: readonly Rule[] = [
];

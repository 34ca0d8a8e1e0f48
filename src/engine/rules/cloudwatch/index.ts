import type { Rule } from '../types';
import cloudwatchUnknownMetric from './unknown-metric';
import cloudwatchRecoverActionMetric from './recover-action-metric';

/** The cloudwatch rules, in id order. */
export const cloudwatchRules: readonly Rule[] = [
  cloudwatchUnknownMetric,
  cloudwatchRecoverActionMetric,
];

import type { Rule } from '../types';
import batchSizeRange from './batch-size-range';
import batchingWindow from './batching-window';

/** The esm rules, in id order. */
export const esmRules: readonly Rule[] = [
  batchSizeRange,
  batchingWindow,
];

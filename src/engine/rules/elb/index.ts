import type { Rule } from '../types';
import elbStickySessions from './sticky-sessions';
import elbAccessLogsDisabled from './access-logs-disabled';
import elbLogBucketNotWritable from './log-bucket-not-writable';
import elbTlsWithoutForwardSecrecy from './tls-without-forward-secrecy';

/** The elb rules, in id order. */
export const elbRules: readonly Rule[] = [
  elbStickySessions,
  elbAccessLogsDisabled,
  elbLogBucketNotWritable,
  elbTlsWithoutForwardSecrecy,
];

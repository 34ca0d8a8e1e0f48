import type { Rule } from '../types';
import s3NotificationsWithoutVersioning from './notifications-without-versioning';
import s3AccessLogsToSameBucket from './access-logs-to-same-bucket';

/** The s3 rules, in id order. */
export const s3Rules: readonly Rule[] = [
  s3NotificationsWithoutVersioning,
  s3AccessLogsToSameBucket,
];

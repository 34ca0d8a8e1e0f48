import type { Rule } from '../types';
import beanstalkRdsCoupled from './rds-coupled';
import beanstalkInvalidDeploymentPolicy from './invalid-deployment-policy';
import beanstalkSingleInstancePolicy from './single-instance-policy';
import beanstalkTrafficSplitting from './traffic-splitting';
import beanstalkAllAtOnce from './all-at-once';
import beanstalkRollingFullBatch from './rolling-full-batch';

/** The beanstalk rules, in id order. EB007 is a workspace check: see ebextensions-file.ts. */
export const beanstalkRules: readonly Rule[] = [
  beanstalkRdsCoupled,
  beanstalkInvalidDeploymentPolicy,
  beanstalkSingleInstancePolicy,
  beanstalkTrafficSplitting,
  beanstalkAllAtOnce,
  beanstalkRollingFullBatch,
];

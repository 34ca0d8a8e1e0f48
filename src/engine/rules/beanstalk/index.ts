import type { Rule, WorkspaceCheck } from '../types';
import beanstalkRdsCoupled from './rds-coupled';
import beanstalkInvalidDeploymentPolicy from './invalid-deployment-policy';
import beanstalkSingleInstancePolicy from './single-instance-policy';
import beanstalkTrafficSplitting from './traffic-splitting';
import beanstalkAllAtOnce from './all-at-once';
import beanstalkRollingFullBatch from './rolling-full-batch';
import beanstalkEbextensionsFile from './ebextensions-file';

/** The beanstalk rules, in id order. EB007 is a workspace check, listed below. */
export const beanstalkRules: readonly Rule[] = [
  beanstalkRdsCoupled,
  beanstalkInvalidDeploymentPolicy,
  beanstalkSingleInstancePolicy,
  beanstalkTrafficSplitting,
  beanstalkAllAtOnce,
  beanstalkRollingFullBatch,
];

/** Checks of workspace files by name (not per-file rules): EB007. */
export const beanstalkWorkspaceChecks: readonly WorkspaceCheck[] = [beanstalkEbextensionsFile];

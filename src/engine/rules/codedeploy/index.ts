import type { Rule } from '../types';
import codedeployInPlaceOnLambdaEcs from './in-place-on-lambda-ecs';
import codedeployNoAutoRollback from './no-auto-rollback';
import codedeployConfigPlatformMismatch from './config-platform-mismatch';

/** The codedeploy rules, in id order. */
export const codedeployRules: readonly Rule[] = [
  codedeployInPlaceOnLambdaEcs,
  codedeployNoAutoRollback,
  codedeployConfigPlatformMismatch,
];

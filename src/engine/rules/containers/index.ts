import type { Rule } from '../types';
import ecsPlacementField from './placement-field';
import ecsFargatePlacement from './fargate-placement';
import ecsSharedAsg from './shared-asg';
import ecsTaskRoleAgentConfig from './task-role-agent-config';
import eksTwoAz from './eks-two-az';

/** The containers rules, in id order. */
export const containersRules: readonly Rule[] = [
  ecsPlacementField,
  ecsFargatePlacement,
  ecsSharedAsg,
  ecsTaskRoleAgentConfig,
  eksTwoAz,
];

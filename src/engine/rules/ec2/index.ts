import type { Rule } from '../types';
import ec2HibernationUnencryptedRoot from './hibernation-unencrypted-root';
import ec2HibernationEncryptionNotVisible from './hibernation-encryption-not-visible';
import ec2HibernationUnsupportedType from './hibernation-unsupported-type';
import ec2HibernationAsgEcs from './hibernation-asg-ecs';
import ec2CpuOptionsBareMetal from './cpu-options-bare-metal';
import ec2RetiredAccelerators from './retired-accelerators';
import ec2Ipv6UnsupportedType from './ipv6-unsupported-type';
import ec2EbsOptimizedSetting from './ebs-optimized-setting';
import ec2PlacementGroupConstraints from './placement-group-constraints';
import ec2ClusterMixedTypes from './cluster-mixed-types';
import ec2SpotFleetLegacy from './spot-fleet-legacy';
import ec2PublicIpv4Charges from './public-ipv4-charges';
import ec2RecoveryWithInstanceStore from './recovery-with-instance-store';

/** The ec2 rules, in id order (EC2005 is in skipped.ts). */
export const ec2Rules: readonly Rule[] = [
  ec2HibernationUnencryptedRoot,
  ec2HibernationEncryptionNotVisible,
  ec2HibernationUnsupportedType,
  ec2HibernationAsgEcs,
  ec2CpuOptionsBareMetal,
  ec2RetiredAccelerators,
  ec2Ipv6UnsupportedType,
  ec2EbsOptimizedSetting,
  ec2PlacementGroupConstraints,
  ec2ClusterMixedTypes,
  ec2SpotFleetLegacy,
  ec2PublicIpv4Charges,
  ec2RecoveryWithInstanceStore,
];

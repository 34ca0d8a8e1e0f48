import type { Rule } from '../types';
import ebsIopsRatio from './iops-ratio';
import ebsIopsRange from './iops-range';
import ebsIoAboveNitro from './io-above-nitro';
import ebsIopsNotAllowed from './iops-not-allowed';
import ebsIopsMissing from './iops-missing';
import ebsGp2Volume from './gp2-volume';
import ebsMultiAttachType from './multi-attach-type';
import ebsMultiAttachInstance from './multi-attach-instance';
import ebsAttachedTwice from './attached-twice';
import ebsAzMismatch from './az-mismatch';
import ebsHddMisuse from './hdd-misuse';
import ebsUnencrypted from './unencrypted';

/** The ebs rules, in id order. */
export const ebsRules: readonly Rule[] = [
  ebsIopsRatio,
  ebsIopsRange,
  ebsIoAboveNitro,
  ebsIopsNotAllowed,
  ebsIopsMissing,
  ebsGp2Volume,
  ebsMultiAttachType,
  ebsMultiAttachInstance,
  ebsAttachedTwice,
  ebsAzMismatch,
  ebsHddMisuse,
  ebsUnencrypted,
];

import type { Rule } from '../types';
import ddbBillingModeThroughput from './billing-mode-throughput';
import ddbCapacityBelowOne from './capacity-below-one';
import ddbLsiInvalid from './lsi-invalid';
import ddbGsiQuota from './gsi-quota';
import ddbStreamConsumerWithoutStream from './stream-consumer-without-stream';
import ddbProvisionedWithoutAutoscaling from './provisioned-without-autoscaling';

/** The dynamodb rules, in id order (DDB004 is in skipped.ts). */
export const dynamodbRules: readonly Rule[] = [
  ddbBillingModeThroughput,
  ddbCapacityBelowOne,
  ddbLsiInvalid,
  ddbGsiQuota,
  ddbStreamConsumerWithoutStream,
  ddbProvisionedWithoutAutoscaling,
];

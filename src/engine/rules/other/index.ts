import type { Rule } from '../types';
import kinesisShardCountOnDemand from './kinesis-shardcount-on-demand';
import kinesisNoEncryption from './kinesis-no-encryption';
import kdaSql from './kda-sql';
import firehoseElasticsearch from './firehose-elasticsearch';
import cognitoSync from './cognito-sync';
import cognitoGuestWithoutRole from './cognito-guest-without-role';
import ssmSecureString from './ssm-securestring';
import ssmPlainSecret from './ssm-plain-secret';
import secretWithoutRotation from './secret-without-rotation';
import route53FailoverWithoutSetIdentifier from './route53-failover-without-set-identifier';
import route53PrimaryWithoutHealthCheck from './route53-primary-without-health-check';
import route53PrimaryWithoutSecondary from './route53-primary-without-secondary';
import natSingleZonal from './nat-single-zonal';
import codepipelineMalformedApproval from './codepipeline-malformed-approval';
import codepipelineApprovalWithoutNotification from './codepipeline-approval-without-notification';

/** The other rules, in id order (spec §3.17 order). */
export const otherRules: readonly Rule[] = [
  kinesisShardCountOnDemand,
  kinesisNoEncryption,
  kdaSql,
  firehoseElasticsearch,
  cognitoSync,
  cognitoGuestWithoutRole,
  ssmSecureString,
  ssmPlainSecret,
  secretWithoutRotation,
  route53FailoverWithoutSetIdentifier,
  route53PrimaryWithoutHealthCheck,
  route53PrimaryWithoutSecondary,
  natSingleZonal,
  codepipelineMalformedApproval,
  codepipelineApprovalWithoutNotification,
];

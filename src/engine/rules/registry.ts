import type { Rule, SkippedRule } from './types';
import { sqsRules } from './sqs';
import { lambdaRules } from './lambda';
import { esmRules } from './esm';
import { apigwRules } from './apigw';
import { cloudwatchRules } from './cloudwatch';
import { dynamodbRules } from './dynamodb';
import { elasticacheRules } from './elasticache';
import { elbRules } from './elb';
import { ebsRules } from './ebs';
import { ec2Rules } from './ec2';
import { containersRules } from './containers';
import { beanstalkRules } from './beanstalk';
import { samRules } from './sam';
import { cfnRules } from './cfn';
import { serverlessRules } from './serverless';
import { otherRules } from './other';
import { s3Rules } from './s3';
import { appspecRules } from './appspec';
import { codedeployRules } from './codedeploy';
import { buildspecRules } from './buildspec';
import { codebuildRules } from './codebuild';
import { skipped as ec2Skipped } from './ec2/skipped';
import { skipped as dynamodbSkipped } from './dynamodb/skipped';
import { skipped as beanstalkSkipped } from './beanstalk/skipped';

/**
 * Every rule the engine runs, grouped by service in the order of spec/notes-map.md §3. Each
 * service folder lists its own rules in its index.ts. A test checks that each rule has fixtures,
 * cites a note that exists, and appears in the README's rule table.
 */
export const rules: readonly Rule[] = [
  ...sqsRules,
  ...lambdaRules,
  ...esmRules,
  ...apigwRules,
  ...cloudwatchRules,
  ...dynamodbRules,
  ...elasticacheRules,
  ...elbRules,
  ...ebsRules,
  ...ec2Rules,
  ...containersRules,
  ...beanstalkRules,
  ...samRules,
  ...cfnRules,
  ...serverlessRules,
  ...otherRules,
  ...s3Rules,
  ...appspecRules,
  ...codedeployRules,
  ...buildspecRules,
  ...codebuildRules,
];

/** Rules of spec §3 that are deliberately not implemented, each with its reason (README table). */
export const skippedRules: readonly SkippedRule[] = [
  ...ec2Skipped,
  ...dynamodbSkipped,
  ...beanstalkSkipped,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

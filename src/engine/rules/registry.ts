import type { Rule, RuleMeta, SkippedRule, WorkspaceCheck } from './types';
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
import { beanstalkRules, beanstalkWorkspaceChecks } from './beanstalk';
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
];

/**
 * Checks of workspace files by path (EB007: `.ebextensions/*` files with the wrong extension). Not
 * in `rules`: they have no file kind, lint never runs them, and nothing that iterates `rules`
 * (lint plans, fixtures, the corpus sweep) sees them. The CLI's walk and the editor's workspace
 * scan run them through `checkWorkspaceFile`.
 */
export const workspaceChecks: readonly WorkspaceCheck[] = [
  ...beanstalkWorkspaceChecks,
];

/**
 * Every rule a user can see and configure: `rules` with each workspace check after the last rule
 * of its service (EB007 after EB006). What the README table, `iac-notes rules`, SARIF's rule
 * descriptors, note pages and `--rule` validation list.
 */
export const listedRules: ReadonlyArray<Rule | WorkspaceCheck> = (() => {
  const list: Array<Rule | WorkspaceCheck> = [...rules];
  const service = (id: string) => id.replace(/\d+$/, '');
  for (const check of workspaceChecks) {
    let at = list.length;
    for (let i = list.length - 1; i >= 0; i--) if (service(list[i].meta.id) === service(check.meta.id)) { at = i + 1; break; }
    list.splice(at, 0, check);
  }
  return list;
})();

export function isWorkspaceCheck(rule: Rule | WorkspaceCheck): rule is WorkspaceCheck {
  return 'directory' in rule;
}

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

/** The metadata of a rule or workspace check, by id. */
export function ruleMetaById(id: string): RuleMeta | undefined {
  return listedRules.find((rule) => rule.meta.id === id)?.meta;
}

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { getKnowledge } from '../../src/engine/knowledge';
import { escapeMarkdown } from '../../src/engine/render';
import { fixturesDir, repoRoot } from './paths';

/**
 * `iac-notes explain` (the built CLI) at the attach points of spec §2 and the value hovers of §5,
 * in both languages: the note the spec attaches there comes back, with its Japanese title in
 * Japanese and its English title in English.
 */
const file = path.join(fixturesDir, 'explain', 'attach-points.yaml');
const cli = path.join(repoRoot, 'dist', 'cli.js');

function explain(position: string, lang: 'en' | 'ja', format: 'json' | 'markdown') {
  const run = spawnSync(process.execPath, [cli, 'explain', `${file}:${position}`, '--lang', lang, '--format', format], { encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  return run.stdout;
}

const CASES: Array<[position: string, what: string, fact: string]> = [
  ['5:5', 'SAM Globals Function.Timeout', 'lambda.max-15-minutes'],
  ['8:11', 'resource type AWS::SQS::Queue', 'sqs.overview'],
  ['10:7', 'property VisibilityTimeout', 'sqs.visibility-timeout'],
  ['14:16', 'Runtime value', 'lambda.languages'],
  ['20:21', '!GetAtt (short form)', 'cfn.getatt'],
  ['24:22', 'instance type decoded (§5.1)', 'ec2.type.general'],
  ['28:25', 'VolumeType=gp2 in a block device mapping (§5.2)', 'ebs.gp2.profile'],
  ['32:20', 'BillingMode=PAY_PER_REQUEST (§5.2)', 'ddb.on-demand'],
  ['40:19', 'Beanstalk DeploymentPolicy=Immutable (§2.6)', 'eb.deploy.immutable'],
  ['45:21', 'alarm metric AWS/ApiGateway IntegrationLatency (§2.8)', 'apigw.metrics'],
  ['50:18', 'EndpointConfiguration.Types REGIONAL (§5.2)', 'apigw.endpoint-types'],
  ['53:21', '${AWS::AccountId} inside !Sub (§2.7)', 'cfn.accountid'],
];

describe('iac-notes explain at the attach points of spec §2 and §5, in both languages', () => {
  const knowledge = getKnowledge();
  for (const [position, what, fact] of CASES) {
    it(`${what} → ${fact}`, () => {
      const entry = knowledge.get(fact);
      assert.ok(entry, `no note covers ${fact}`);
      const json = JSON.parse(explain(position, 'en', 'json'));
      assert.ok(json.notes.includes(entry.id), `${position}: got ${json.notes.join(', ')}`);
      assert.ok(explain(position, 'en', 'markdown').includes(escapeMarkdown(entry.title.en)), 'English title');
      assert.ok(explain(position, 'ja', 'markdown').includes(escapeMarkdown(entry.title.ja)), 'Japanese title');
    });
  }
});

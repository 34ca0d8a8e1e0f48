import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { lintText } from '../../src/engine/lint';
import { listedRules, rules } from '../../src/engine/rules/registry';
import { toSarif, type SarifFile } from '../../src/cli/sarif';
import { fileNameOf } from './rule-fixtures.test';
import { fixturesDir, repoRoot } from './paths';

/** The SARIF 2.1.0 schema (rtm.5, the version GitHub code scanning accepts), from an npm package. */
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's language-tag pattern has a stray `]` that only non-Unicode regular expressions accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF is not valid:\n${(validate.errors ?? []).slice(0, 10).map((e) => `  ${e.instancePath} ${e.message}`).join('\n')}`);
}

/** Every bad rule fixture, linted: findings of every rule, a parse error, JSON and YAML files. */
function allBadFixtures(): SarifFile[] {
  const out: SarifFile[] = [];
  const dir = path.join(fixturesDir, 'rules');
  for (const ruleId of fs.readdirSync(dir)) {
    for (const name of fs.readdirSync(path.join(dir, ruleId)).filter((n) => n.startsWith('bad-') && !n.endsWith('.expect'))) {
      const text = fs.readFileSync(path.join(dir, ruleId, name), 'utf8');
      out.push({ path: path.join('test', 'fixtures', 'rules', ruleId, name), findings: lintText(text, fileNameOf(name), { rules: { [ruleId]: 'warning' } }).findings });
    }
  }
  out.push({ path: 'broken dir/テンプレート.yaml', findings: lintText('Resources:\n  Q: [unclosed\n', 'template.yaml').findings });
  return out;
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, in English and Japanese', () => {
    const files = allBadFixtures();
    assert.ok(files.reduce((n, f) => n + f.findings.length, 0) > rules.length, 'fixtures should produce many findings');
    assertValid(toSarif(files, 'en', '0.1.0', repoRoot));
    assertValid(toSarif(files, 'ja', '0.1.0', repoRoot));
  });

  it('the schema check catches what GitHub would reject (a level SARIF does not have, a 0 line)', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 901\n';
    const log = toSarif([{ path: 't.yaml', findings: lintText(text, 'template.yaml').findings }], 'en', '0.1.0') as { runs: Array<{ results: Array<{ level: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    assertValid(log);
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = 'info';
    assert.ok(!validate(badLevel));
    const badLine = structuredClone(log);
    badLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.ok(!validate(badLine));
  });

  it('describes each rule with its note as help and the note\'s AWS page as help URI', () => {
    const log = toSarif([], 'en', '0.1.0') as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help: { text: string; markdown?: string } }> } } }> };
    const descriptors = log.runs[0].tool.driver.rules;
    assert.strictEqual(descriptors.length, listedRules.length + 1, 'every rule and workspace check plus the syntax-error descriptor');
    assert.ok(descriptors.some((d) => d.id === 'EB007'), 'EB007 (a workspace check) has a descriptor');
    const sqs006 = descriptors.find((d) => d.id === 'SQS006')!;
    assert.match(sqs006.helpUri!, /^https:\/\/docs\.aws\.amazon\.com\//);
    assert.match(sqs006.help.markdown!, /visibility timeout/i);
  });

  it('results carry repo-relative, percent-encoded URIs, 1-based regions and the rule index', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 99999\n';
    const log = toSarif([{ path: path.join(repoRoot, 'stacks', 'my queue.yaml'), findings: lintText(text, 'template.yaml').findings }], 'en', '0.1.0', repoRoot) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
    };
    const result = log.runs[0].results.find((r) => r.ruleId === 'SQS001')!;
    assert.strictEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'stacks/my%20queue.yaml');
    assert.deepStrictEqual({ ...result.locations[0].physicalLocation.region }, { startLine: 5, startColumn: 26, endLine: 5, endColumn: 31 });
    assert.strictEqual(log.runs[0].tool.driver.rules[result.ruleIndex].id, 'SQS001');
  });

  it('the CLI writes valid SARIF for a directory (what the GitHub workflow in the README runs)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-sarif-'));
    fs.writeFileSync(path.join(dir, 'template.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 901\n');
    fs.writeFileSync(path.join(dir, 'buildspec.yml'), 'version: 0.1\nphases:\n  build:\n    commands: [make]\n');
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'lint', '--format', 'sarif', '.'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout);
    assertValid(log);
    const uris = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
    assert.deepStrictEqual([...new Set(uris)], ['buildspec.yml', 'template.yaml']);
  });

  it('stays valid with an EB007 finding (a workspace check: line 1, column 1, an empty region)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-sarif-'));
    fs.mkdirSync(path.join(dir, '.ebextensions'));
    fs.writeFileSync(path.join(dir, '.ebextensions', 'xray.conf'), 'option_settings: {}\n');
    fs.writeFileSync(path.join(dir, 'template.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 901\n');
    try {
      for (const lang of ['en', 'ja']) {
        const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'lint', '--format', 'sarif', '--lang', lang, '.'], { cwd: dir, encoding: 'utf8' });
        const log = JSON.parse(run.stdout);
        assertValid(log);
        const eb007 = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'EB007');
        assert.strictEqual(eb007.length, 1);
        assert.strictEqual(eb007[0].locations[0].physicalLocation.artifactLocation.uri, '.ebextensions/xray.conf');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

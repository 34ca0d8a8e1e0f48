import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixturesDir, repoRoot, sharedDir } from './paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('iac-notes CLI (the built dist/cli.js)', () => {
  const sqs006 = path.join(fixturesDir, 'rules', 'SQS006', 'bad-unset-sam-globals.yaml');

  it('lint --format json gives DESIGN §3 objects with 1-based positions and exits 1 on errors', () => {
    const { code, stdout } = run(['lint', '--format', 'json', sqs006]);
    assert.strictEqual(code, 1);
    const json = JSON.parse(stdout);
    assert.strictEqual(json.files.length, 1);
    assert.strictEqual(json.files[0].kind, 'sam');
    const d = json.files[0].diagnostics.find((x: { ruleId: string }) => x.ruleId === 'SQS006');
    assert.deepStrictEqual(
      { severity: d.severity, note: d.note, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
      { severity: 'error', note: 'sqs.visibility-timeout', line: 7, column: 3, endLine: 7, endColumn: 8 },
    );
    assert.match(d.message, /unset, so the default 30 s applies/);
  });

  it('lint text output is file:line:col severity message [RULE], in Japanese with LANG=ja_JP.UTF-8', () => {
    const { code, stdout } = run(['lint', sqs006], { LANG: 'ja_JP.UTF-8' });
    assert.strictEqual(code, 1);
    assert.match(stdout, /bad-unset-sam-globals\.yaml:7:3 error .*VisibilityTimeout が未設定のため、デフォルトの 30 s が適用されます.* \[SQS006\]/);
  });

  it('--rule turns a rule off and the exit code follows', () => {
    const { code, stdout } = run(['lint', '--rule', 'SQS006=off', '--format', 'json', sqs006]);
    assert.strictEqual(code, 0);
    assert.ok(!stdout.includes('"SQS006"'));
  });

  it('skips files that are none of the four kinds and walks directories', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-cli-'));
    fs.writeFileSync(path.join(dir, 'k8s.yaml'), 'apiVersion: v1\nkind: Pod\n');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.copyFileSync(sqs006, path.join(dir, 'node_modules', 'template.yaml'));
    try {
      const { code, stdout } = run(['lint', '--format', 'json', dir]);
      assert.strictEqual(code, 0);
      assert.deepStrictEqual(JSON.parse(stdout), { files: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line on stderr for usage and I/O errors', () => {
    for (const args of [['lint'], ['lint', '--format', 'xml', sqs006], ['lint', '/no/such/file.yaml'], ['frobnicate'], ['lint', '--rule', 'NOPE=off', sqs006], ['explain', 'x.yaml']]) {
      const { code, stderr } = run(args);
      assert.strictEqual(code, 2, `${args.join(' ')} → ${code}`);
      assert.strictEqual(stderr.trim().split('\n').length, 1, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, /^iac-notes: /);
    }
  });

  it('explain --format json names the note at a position, in either language', () => {
    const { code, stdout } = run(['explain', `${sqs006}:8:12`, '--format', 'json']);
    assert.strictEqual(code, 0);
    const json = JSON.parse(stdout);
    assert.deepStrictEqual({ kind: json.kind, notes: json.notes, path: json.path }, { kind: 'sam', notes: ['sqs.overview'], path: ['Resources', 'Inbox', 'Type'] });
    const ja = JSON.parse(run(['explain', `${sqs006}:8:12`, '--format', 'json', '--lang', 'ja']).stdout);
    assert.match(ja.markdown, /完全に管理されたメッセージキューイングサービス/);
    const nothing = JSON.parse(run(['explain', `${sqs006}:1:1`, '--format', 'json']).stdout);
    assert.ok(Array.isArray(nothing.notes));
  });

  it('lookup --format json ranks notes in both languages', () => {
    const en = JSON.parse(run(['lookup', 'visibility', '--format', 'json']).stdout);
    assert.strictEqual(en[0].id, 'sqs.visibility-timeout');
    const ja = JSON.parse(run(['lookup', '可視性', '--format', 'json']).stdout);
    assert.strictEqual(ja[0].id, 'sqs.visibility-timeout');
    assert.ok(typeof ja[0].score === 'number' && typeof ja[0].title === 'string');
  });

  it('rules --format json lists every rule with its note', () => {
    const list = JSON.parse(run(['rules', '--format', 'json']).stdout);
    const sqs006Rule = list.find((r: { id: string }) => r.id === 'SQS006');
    assert.deepStrictEqual({ severity: sqs006Rule.severity, kinds: sqs006Rule.kinds, note: sqs006Rule.note }, { severity: 'error', kinds: ['cloudformation', 'sam'], note: 'sqs.visibility-timeout' });
  });

  it('lints the whole real-world corpus without a crash (exit 0 or 1, JSON on stdout)', function () {
    this.timeout(120000);
    const corpus = path.join(sharedDir, 'corpus');
    const { code, stdout, stderr } = run(['lint', '--format', 'json', corpus]);
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
    const json = JSON.parse(stdout);
    assert.ok(json.files.length >= 550, `only ${json.files.length} files linted`);
  });

  it('a reader that closes the pipe early (| head) is not an error', () => {
    // Whether the reader is gone before the writer finishes is a race: try a few times.
    const once = `"${process.execPath}" "${cli}" lookup lambda | head -c 20 >/dev/null; "${process.execPath}" "${cli}" rules | head -c 20 >/dev/null`;
    const result = spawnSync('sh', ['-c', `${once}; ${once}; ${once}`], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
  });
});

describe('iac-notes lint: EB007 on .ebextensions files (a workspace check by name)', () => {
  let dir: string;
  const app = () => path.join(dir, 'app', '.ebextensions', 'app.conf');

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-eb007-'));
    const ebextensions = path.join(dir, 'app', '.ebextensions');
    fs.mkdirSync(ebextensions, { recursive: true });
    fs.writeFileSync(path.join(ebextensions, 'app.conf'), 'option_settings:\n  aws:elasticbeanstalk:xray:\n    XRayEnabled: true\n');
    fs.writeFileSync(path.join(ebextensions, 'ok.config'), 'option_settings:\n  aws:elasticbeanstalk:xray:\n    XRayEnabled: true\n');
    fs.writeFileSync(path.join(ebextensions, 'README.md'), '# What these files do\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('text: exactly one finding, at line 1, column 1 of app.conf; a warning, so exit 0', () => {
    const { code, stdout, stderr } = run(['lint', dir]);
    assert.strictEqual(code, 0, stderr);
    const lines = stdout.trim().split('\n');
    assert.strictEqual(lines.length, 1, stdout);
    assert.strictEqual(lines[0].startsWith(`${app()}:1:1 warning `), true, lines[0]);
    assert.match(lines[0], /`\.ebextensions\/app\.conf` is ignored\. Rename it to `\.ebextensions\/app\.config`.* \[EB007\]$/);
    assert.match(stderr, /1 file\(s\) checked, 1 finding\(s\), 0 error\(s\)/);
  });

  it('json: one file of kind none with one EB007 diagnostic at 1:1', () => {
    const { code, stdout } = run(['lint', '--format', 'json', '--lang', 'ja', dir]);
    assert.strictEqual(code, 0);
    const json = JSON.parse(stdout);
    assert.strictEqual(json.files.length, 1);
    assert.deepStrictEqual({ path: json.files[0].path, kind: json.files[0].kind }, { path: app(), kind: 'none' });
    assert.strictEqual(json.files[0].diagnostics.length, 1);
    const [d] = json.files[0].diagnostics;
    assert.deepStrictEqual(
      { ruleId: d.ruleId, severity: d.severity, note: d.note, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
      { ruleId: 'EB007', severity: 'warning', note: 'eb.ebextensions', line: 1, column: 1, endLine: 1, endColumn: 1 },
    );
    assert.match(d.message, /無視されます/);
  });

  it('sarif: one EB007 result at line 1 of app.conf, with its rule descriptor', () => {
    const { code, stdout } = run(['lint', '--format', 'sarif', dir]);
    assert.strictEqual(code, 0);
    const log = JSON.parse(stdout);
    const results = log.runs[0].results;
    assert.strictEqual(results.length, 1);
    assert.strictEqual(results[0].ruleId, 'EB007');
    assert.strictEqual(log.runs[0].tool.driver.rules[results[0].ruleIndex].id, 'EB007');
    assert.deepStrictEqual(results[0].locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.match(results[0].locations[0].physicalLocation.artifactLocation.uri, /app\/\.ebextensions\/app\.conf$/);
  });

  it('--rule EB007=off: nothing; EB007=error: exit 1', () => {
    const off = run(['lint', '--rule', 'EB007=off', '--format', 'json', dir]);
    assert.strictEqual(off.code, 0);
    assert.deepStrictEqual(JSON.parse(off.stdout), { files: [] });
    const error = run(['lint', '--rule', 'eb007=error', dir]);
    assert.strictEqual(error.code, 1);
    assert.match(error.stdout, /app\.conf:1:1 error .*\[EB007\]/);
  });

  it('checks a file named on the command line, and from inside the folder itself', () => {
    const named = JSON.parse(run(['lint', '--format', 'json', app(), path.join(dir, 'app', '.ebextensions', 'ok.config')]).stdout);
    assert.deepStrictEqual(named.files.map((f: { path: string; diagnostics: Array<{ ruleId: string }> }) => [f.path, f.diagnostics.map((d) => d.ruleId)]), [[app(), ['EB007']]]);
    const inside = spawnSync(process.execPath, [cli, 'lint', '.'], { cwd: path.dirname(app()), encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    assert.match(inside.stdout, /^app\.conf:1:1 warning .*\[EB007\]\n$/);
  });

  it('never reads a wrong-named .ebextensions file as a template (nor .ebextensions files of other names)', () => {
    const ebextensions = path.dirname(app());
    fs.writeFileSync(path.join(ebextensions, 'queue.yml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 901\n');
    try {
      const json = JSON.parse(run(['lint', '--format', 'json', '--rule', 'EB007=off', ebextensions]).stdout);
      assert.deepStrictEqual(json, { files: [] }, 'SQS findings on a file Elastic Beanstalk ignores');
    } finally {
      fs.rmSync(path.join(ebextensions, 'queue.yml'));
    }
  });
});

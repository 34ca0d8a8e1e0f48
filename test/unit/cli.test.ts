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

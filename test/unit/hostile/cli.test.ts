/**
 * The built CLI (dist/cli.js) on hostile files (issue 8): it exits 0 or 1 on anything it can
 * read (2 only for usage and I/O), never prints an internal error, keeps to a 512 MB heap, and
 * reports lines that exist.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../paths';
import { random } from './harness';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  // A heap limit makes a memory blow-up fail the test instead of the machine.
  const result = spawnSync(process.execPath, ['--max-old-space-size=512', cli, ...args], {
    encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Inbox:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 99999\n';

/** Hostile files by name: bytes, so invalid UTF-8 stays invalid on disk. */
function hostileFiles(): Record<string, Buffer> {
  const rng = random(0xc11);
  const bytes = Buffer.alloc(5000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
  const parts = ['AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'];
  for (let size = parts[0].length, i = 0; size < 20_000_000; i++) {
    const r = `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: ${i % 50_000}\n`;
    parts.push(r);
    size += r.length;
  }
  const big = parts.join('');
  return {
    'random/template.yaml': bytes,
    'random/appspec.yml': bytes,
    'random/buildspec.yml': bytes,
    'random/template.json': bytes,
    'invalid-utf8/template.yaml': Buffer.concat([Buffer.from(TEMPLATE.slice(0, 60)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xed, 0xa0, 0x80]), Buffer.from(TEMPLATE.slice(60))]),
    'invalid-utf8/appspec.yml': Buffer.from([0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x3a, 0x20, 0xc0, 0xaf, 0x0a, 0x6f, 0x73, 0x3a, 0xff, 0x0a]),
    'bom/template.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEMPLATE)]),
    'utf16/template.yaml': Buffer.from(`\ufeff${TEMPLATE}`, 'utf16le'),
    'crlf/template.yaml': Buffer.from(TEMPLATE.replace(/\n/g, '\r\n')),
    'cr/template.yaml': Buffer.from(TEMPLATE.replace(/\n/g, '\r')),
    'empty/template.yaml': Buffer.alloc(0),
    'empty/appspec.yml': Buffer.alloc(0),
    'empty/buildspec.yml': Buffer.from('# only a comment\n'),
    'multi/template.yaml': Buffer.from(`${TEMPLATE}---\n${TEMPLATE}`),
    'jsonc/template.json': Buffer.from('{\n  // comment\n  "Resources": {"Q": {"Type": "AWS::SQS::Queue",},},\n}\n'),
    'deep/template.yaml': Buffer.from(`Resources: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
    'deep/template.json': Buffer.from(`{"Resources": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`),
    'deep/buildspec.yml': Buffer.from(`version: 0.2\nphases:\n  build:\n    commands:\n      ${'- '.repeat(20_000)}make\n`),
    'bomb/buildspec.yml': Buffer.from(`version: 0.2\nx:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 9 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]\n`).join('')}phases:\n  build:\n    commands: *a9\n`),
    'confused/template.yaml': Buffer.from('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: 42\n    Properties: "x"\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: !Ref {a: b}\n      RedrivePolicy: !GetAtt\n'),
    'confused/appspec.yml': Buffer.from('version: 0.0\nos: linux\nhooks: AfterInstall\n'),
    'confused/buildspec.yml': Buffer.from('version: 0.2\nphases:\n  - install\n  - build\n'),
    'long-line/template.yaml': Buffer.from(`AWSTemplateFormatVersion: "2010-09-09"\nDescription: ${'x'.repeat(2_000_000)}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {VisibilityTimeout: 99999}\n`),
    'huge/template.yaml': Buffer.from(big),
  };
}

describe('hostile input: the CLI (dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;
  let files: Record<string, Buffer>;

  before(function () {
    if (!fs.existsSync(cli)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-hostile-'));
    files = hostileFiles();
    for (const [name, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), bytes);
    }
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lints a folder of hostile files: exit 0 or 1, JSON on stdout, no internal error, lines that exist', () => {
    const { code, signal, stdout, stderr } = run(['lint', '--format', 'json', dir]);
    assert.ok(code === 0 || code === 1, `exit ${code} (${signal}): ${stderr}`);
    assert.ok(!/internal error/.test(stderr), stderr);
    const json = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ line: number; column: number; endLine: number; ruleId: string }> }> };
    for (const file of json.files) {
      const text = fs.readFileSync(file.path, 'utf8').replace(/^\ufeff/, '');
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const d of file.diagnostics) {
        assert.ok(d.line >= 1 && d.line <= lineCount && d.endLine >= d.line && d.endLine <= lineCount, `${file.path}: ${d.ruleId} at line ${d.line}-${d.endLine} of ${lineCount}`);
        assert.ok(d.column >= 1, `${file.path}: ${d.ruleId} at column ${d.column}`);
      }
    }
    assert.match(stderr, /skipped .*huge[\\/]template\.yaml: 19\.\d MB is more than the 2 MB IaC Notes reads/);
  });

  it('puts the SQS001 finding on the line of VisibilityTimeout whatever the line endings, BOM or encoding damage', () => {
    const { stdout } = run(['lint', '--format', 'json', ...['bom', 'crlf', 'cr', 'invalid-utf8'].map((d) => path.join(dir, d, 'template.yaml'))]);
    const json = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ line: number; column: number; ruleId: string }> }> };
    for (const name of ['bom', 'crlf', 'cr']) {
      const file = json.files.find((f) => f.path.includes(`${path.sep}${name}${path.sep}`));
      const d = file?.diagnostics.find((x) => x.ruleId === 'SQS001');
      assert.deepStrictEqual(d && { line: d.line, column: d.column }, { line: 6, column: 26 }, `${name}: ${JSON.stringify(file)}`);
    }
  });

  it('text and SARIF output survive the same files (the big ones aside)', () => {
    const small = fs.readdirSync(dir).filter((d) => d !== 'huge' && d !== 'long-line').map((d) => path.join(dir, d));
    for (const format of ['text', 'sarif']) {
      const { code, stdout, stderr } = run(['lint', '--format', format, '--lang', 'ja', ...small]);
      assert.ok(code === 0 || code === 1, `${format}: exit ${code}: ${stderr}`);
      assert.ok(!/internal error/.test(stderr), stderr);
      if (format === 'sarif') assert.strictEqual(JSON.parse(stdout).version, '2.1.0');
    }
  });

  it('explain at hostile positions: exit 0, or 2 for a file it cannot read', () => {
    const cases: Array<[string, number]> = [
      [`${path.join(dir, 'confused', 'template.yaml')}:5:5`, 0],
      [`${path.join(dir, 'confused', 'template.yaml')}:99999:99999`, 0],
      [`${path.join(dir, 'deep', 'template.yaml')}:1:10000`, 0],
      [`${path.join(dir, 'random', 'appspec.yml')}:0:0`, 0],
      [`${path.join(dir, 'nope.yaml')}:1:1`, 2],
      [`${dir}:1:1`, 2],
    ];
    for (const [where, expected] of cases) {
      const { code, stderr } = run(['explain', where]);
      assert.strictEqual(code, expected, `explain ${where}: exit ${code}: ${stderr}`);
      assert.ok(!/internal error/.test(stderr), stderr);
    }
  });

  it('lookup with hostile queries exits 0', () => {
    for (const query of ['(*\\ AND OR', 'a'.repeat(50_000), '可視性'.repeat(1000)]) {
      const { code, stderr } = run(['lookup', '--', query]);
      assert.strictEqual(code, 0, `lookup ${JSON.stringify(query.slice(0, 20))}: exit ${code}: ${stderr}`);
    }
  });

  it('a device is an I/O error (exit 2), not an endless read', function () {
    if (process.platform === 'win32' || !fs.existsSync('/dev/zero')) this.skip();
    const { code, stderr } = run(['lint', '/dev/zero']);
    assert.strictEqual(code, 2, stderr);
    assert.match(stderr, /not a regular file/);
  });
});

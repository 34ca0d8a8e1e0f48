/**
 * The security properties SECURITY.md declares (issue 8), checked where they can be: in the
 * manifest, the built extension bundle and the editor sources.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

const bundle = path.join(repoRoot, 'dist', 'extension.js');

function editorSources(): Array<[string, string]> {
  const files = [path.join(repoRoot, 'src', 'extension.ts'), ...fs.readdirSync(path.join(repoRoot, 'src', 'vscode')).map((f) => path.join(repoRoot, 'src', 'vscode', f))];
  return files.map((f) => [path.relative(repoRoot, f), fs.readFileSync(f, 'utf8')]);
}

describe('security properties (SECURITY.md)', () => {
  it('the manifest declares untrusted and virtual workspace support', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('the extension bundle loads only vscode and Node built-ins that spawn, fetch and evaluate nothing', function () {
    if (!fs.existsSync(bundle)) this.skip();
    const text = fs.readFileSync(bundle, 'utf8');
    const modules = new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepStrictEqual([...modules].filter((m) => !['vscode', 'buffer', 'process'].includes(m)), [], `unexpected modules: ${[...modules].join(', ')}`);
    // Modules are checked above through require(); "http" alone is also an API Gateway protocol name.
    for (const forbidden of ['child_process', 'worker_threads', 'new Function(', 'eval(']) {
      assert.ok(!text.includes(forbidden), `the bundle contains ${forbidden}`);
    }
  });

  it('hover Markdown trusts only the openNote command and renders no HTML', () => {
    const sources = editorSources();
    const trusted = sources.flatMap(([file, text]) => [...text.matchAll(/isTrusted\s*=\s*([^;]+);/g)].map((m) => [file, m[1].trim()]));
    assert.ok(trusted.length > 0, 'no MarkdownString sets isTrusted');
    for (const [file, value] of trusted) assert.strictEqual(value, "{ enabledCommands: ['iacNotes.openNote'] }", file);
    for (const [file, text] of sources) {
      assert.doesNotMatch(text, /supportHtml\s*=\s*true/, file);
      assert.doesNotMatch(text, /isTrusted\s*=\s*true/, file);
    }
  });

  it('no webview without a Content-Security-Policy; no network, process or file access from the editor code', () => {
    for (const [file, text] of editorSources()) {
      if (/createWebviewPanel|registerWebviewViewProvider/.test(text)) assert.match(text, /Content-Security-Policy/, `${file} creates a webview without a CSP`);
      assert.doesNotMatch(text, /from '(child_process|http|https|net|fs)'|require\(/, file);
    }
  });
});

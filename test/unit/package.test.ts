import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

/**
 * What the .vsix ships, as `vsce ls` (the packager itself) reports it: the bundles, the manifest,
 * the grammar, the icon and the docs, nothing else (no sources, tests, notes sources or maps).
 */
describe('the packaged extension (.vsix contents)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  let files: string[] = [];

  before(function () {
    this.timeout(60000);
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    files = run.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  });

  it('contains exactly what ships', () => {
    assert.deepStrictEqual(files, [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/extension.js', 'dist/web/extension.js', 'images/icon.png',
      'l10n/bundle.l10n.ja.json', 'package.json', 'package.nls.ja.json', 'package.nls.json',
      'syntaxes/cloudformation.injection.tmLanguage.json',
    ].sort());
  });

  it('ships every file the manifest points at', () => {
    const wanted = [manifest.main, manifest.browser, manifest.icon, manifest.bin['iac-notes'], ...manifest.contributes.grammars.map((g: { path: string }) => g.path)]
      .map((p: string) => p.replace(/^\.\//, ''))
      .map((p: string) => (p.startsWith('dist/') && !p.endsWith('.js') ? `${p}.js` : p));
    for (const file of wanted) assert.ok(files.includes(file), `${file} is referenced by package.json but not packaged`);
  });

  it('localises every contributed string: each %key% exists in package.nls.json and package.nls.ja.json', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const keys = [...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 0, 'package.json has no %key% references');
    assert.strictEqual(manifest.l10n, './l10n');
    for (const file of ['package.nls.json', 'package.nls.ja.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
      for (const key of keys) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `${file} lacks ${key}`);
    }
    for (const command of manifest.contributes.commands) assert.match(command.title, /^%.+%$/, `${command.command} has a literal title`);
    assert.ok(fs.existsSync(path.join(repoRoot, 'l10n', 'bundle.l10n.ja.json')));
  });

  it('carries Marketplace metadata and declares what it is safe to run on', () => {
    for (const key of ['displayName', 'description', 'publisher', 'icon', 'repository', 'license', 'categories', 'keywords']) {
      assert.ok(manifest[key], `package.json lacks ${key}`);
    }
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(manifest.capabilities.virtualWorkspaces, true);
  });

  it('the web bundle needs nothing but the vscode API (no Node built-ins in a web worker)', () => {
    const bundle = fs.readFileSync(path.join(repoRoot, 'dist', 'web', 'extension.js'), 'utf8');
    const required = [...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepStrictEqual([...new Set(required)], ['vscode']);
    assert.doesNotMatch(bundle, /\bprocess\.(env|cwd|platform)\b/, 'process is undefined in a web worker');
  });
});

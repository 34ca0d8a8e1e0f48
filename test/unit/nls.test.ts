import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

/**
 * The extension's own UI in English and Japanese: every string the manifest contributes is a
 * `%key%` found in package.nls.json and package.nls.ja.json, and every runtime `vscode.l10n.t`
 * string has a Japanese translation in l10n/bundle.l10n.ja.json.
 */
describe('English and Japanese UI strings', () => {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
  const manifest = read('package.json');
  const en: Record<string, string> = read('package.nls.json');
  const ja: Record<string, string> = read('package.nls.ja.json');

  function contributedStrings(): string[] {
    const out: string[] = [manifest.displayName, manifest.description];
    for (const c of manifest.contributes.commands) out.push(c.title, c.category);
    out.push(manifest.contributes.configuration.title);
    for (const p of Object.values(manifest.contributes.configuration.properties) as Array<Record<string, unknown>>) {
      for (const field of ['description', 'markdownDescription']) if (typeof p[field] === 'string') out.push(p[field] as string);
      if (Array.isArray(p.enumDescriptions)) out.push(...(p.enumDescriptions as string[]));
    }
    return out;
  }

  it('every contributed string is a %key% with English and Japanese text', () => {
    for (const text of contributedStrings()) {
      const match = /^%(.+)%$/.exec(text);
      assert.ok(match, `"${text}" is not localised (use a %key% from package.nls.json)`);
      assert.ok(en[match[1]], `package.nls.json lacks ${match[1]}`);
      assert.ok(ja[match[1]], `package.nls.ja.json lacks ${match[1]}`);
    }
  });

  it('the two manifest bundles have the same keys, and the Japanese one is Japanese', () => {
    assert.deepStrictEqual(Object.keys(ja).sort(), Object.keys(en).sort());
    assert.match(ja['command.lookUpNote'], /[\u3040-\u30ff\u4e00-\u9faf]/);
  });

  it('every runtime vscode.l10n.t string has a Japanese translation', () => {
    assert.strictEqual(manifest.l10n, './l10n');
    const bundle: Record<string, string> = read('l10n/bundle.l10n.ja.json');
    const dir = path.join(repoRoot, 'src', 'vscode');
    const used = new Set<string>();
    for (const file of [...fs.readdirSync(dir).map((f) => path.join(dir, f)), path.join(repoRoot, 'src', 'extension.ts')]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 0);
    for (const s of used) assert.ok(bundle[s], `l10n/bundle.l10n.ja.json lacks "${s}"`);
  });
});

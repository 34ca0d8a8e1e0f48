/**
 * Isolation in the editor (issue 8), checked in the source: no popups anywhere, every provider
 * method and command runs behind a guard that logs to the "IaC Notes" output channel. The
 * behaviour itself is tested in VS Code by test/integration/isolation.test.ts.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

const sources = [path.join(repoRoot, 'src', 'extension.ts'), ...fs.readdirSync(path.join(repoRoot, 'src', 'vscode')).map((f) => path.join(repoRoot, 'src', 'vscode', f))];

describe('editor isolation (source checks)', () => {
  /** Commands the user runs that report their result in a message (not a failure). */
  const RESULT_MESSAGES = new Set(['yaml-tags.ts']);

  it('never shows an error or warning popup, and information only as the result of a command the user ran', () => {
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\.show(Error|Warning)Message\s*\(/, path.basename(file));
      if (!RESULT_MESSAGES.has(path.basename(file))) assert.doesNotMatch(text, /\.showInformationMessage\s*\(/, path.basename(file));
    }
  });

  it('every provide… method runs inside guarded()', () => {
    let methods = 0;
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^ {2}(provide[A-Za-z]+)\([^)]*\)[^{]*\{\n([\s\S]*?)\n {2}\}/gm)) {
        methods++;
        assert.match(match[2], /guarded\(/, `${path.basename(file)}: ${match[1]} is not guarded`);
      }
    }
    assert.ok(methods >= 3, `found only ${methods} provider methods`);
  });

  it('every command and event handler is guarded', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'src', 'extension.ts'), 'utf8');
    const commands = [...text.matchAll(/registerCommand\('([^']+)',([^\n]*)/g)];
    assert.ok(commands.length >= 3);
    for (const [, id, rest] of commands) assert.match(rest, /guardedCommand\(/, id);
    for (const [line] of text.matchAll(/vscode\.workspace\.onDid[A-Za-z]+\([^\n]*/g)) assert.match(line, /guardedHandler\(/, line);
  });
});

/**
 * Note content is sanitised at build time (issue 8, SECURITY.md): scripts/build-knowledge.js
 * rejects what a hover must never render. These are its checks, called directly.
 */
import * as assert from 'assert';
import * as path from 'path';
import { repoRoot } from './paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unsafeMarkdown, unsafeFrontMatter } = require(path.join(repoRoot, 'scripts', 'build-knowledge.js')) as {
  unsafeMarkdown: (text: string) => string | undefined;
  unsafeFrontMatter: (data: unknown) => string[];
};

describe('knowledge sanitising (scripts/build-knowledge.js)', () => {
  it('accepts ordinary note Markdown: emphasis, code, https links, Japanese, prose with colons', () => {
    for (const text of [
      '**可視性タイムアウト**は `VisibilityTimeout`（0〜43,200 秒）。詳しくは [AWS](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html)。',
      'Run this command: `aws sqs get-queue-attributes`. The data: a JSON map.\n\n- one\n- two\n\n> quoted',
      '[ref]: https://docs.aws.amazon.com/x.html\n\nSee [ref].',
    ]) assert.strictEqual(unsafeMarkdown(text), undefined, text);
  });

  it('rejects raw HTML, HTML comments, images and autolinks', () => {
    for (const text of ['<b>x</b>', 'a <img src=x onerror=alert(1)>', '<!-- hidden -->', '![x](https://example.com/t.png)', '![x][ref]', '<https://example.com>', '<script>alert(1)</script>']) {
      assert.ok(unsafeMarkdown(text), text);
    }
  });

  it('rejects command:, javascript:, data:, file:, vscode: and http: links, also as definitions', () => {
    for (const text of [
      '[open](command:workbench.action.terminal.new)',
      '[x](command:iacNotes.openNote?%5B%22a%22%5D)',
      '[x](javascript:alert(1))', '[x]( JavaScript:alert(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](file:///etc/passwd)', '[x](vscode://settings)', '[x](http://example.com)', '[x](https://ok.example/a) and [y](#anchor)',
      '[ref]: command:workbench.action.quit', '[ref]: http://example.com', 'bare command:workbench.action.quit',
    ]) assert.ok(unsafeMarkdown(text), text);
  });

  it('rejects control and bidirectional-override characters (spoofed text)', () => {
    for (const text of ['a\u202eb', 'a\u2066b', 'a\u0007b', 'a\u001bb']) assert.ok(unsafeMarkdown(text), JSON.stringify(text));
  });

  it('checks front matter: plain https URLs in docs and corrections, Markdown in corrections, control characters anywhere', () => {
    const good = {
      title: { en: 'T', ja: 'T' }, docs: [{ title: 'AWS', url: 'https://docs.aws.amazon.com/a.html#b' }],
      correction: { fc: 'FC-01', verdict: 'outdated', en: 'Now 1 MiB.', ja: '現在は 1 MiB。', source: { title: 'AWS', url: 'https://aws.amazon.com/x' } },
    };
    assert.deepStrictEqual(unsafeFrontMatter(good), []);
    const bad = {
      title: { en: 'T\u202e', ja: 'T' }, docs: [{ title: 'AWS', url: 'https://docs.aws.amazon.com/a.html) [x](command:y' }],
      correction: { fc: 'FC-01', verdict: '<b>x</b>', en: '[x](command:y)', ja: 'ok', source: { title: 'AWS', url: 'https://a b' } },
    };
    const problems = unsafeFrontMatter(bad).join('\n');
    for (const field of ['title.en', 'docs.0.url', 'correction.source.url', 'correction.en', 'correction.verdict']) assert.match(problems, new RegExp(`"${field.replace(/\./g, '\\.')}"`), problems);
  });
});

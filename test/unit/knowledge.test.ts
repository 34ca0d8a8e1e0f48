import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getKnowledge } from '../../src/engine/knowledge';
import { listedRules, rules, skippedRules, workspaceChecks } from '../../src/engine/rules/registry';
import { notePages } from '../../src/engine/note-pages';
import { ruleTable, TABLE_END, TABLE_START } from '../../src/engine/rules/table';
import { fixturesDir, repoRoot } from './paths';

describe('knowledge and rule registry', () => {
  const knowledge = getKnowledge();
  const factIds = fs.readFileSync(path.join(repoRoot, 'test', 'data', 'fact-ids.txt'), 'utf8').trim().split('\n');

  it('has only fact ids of the spec (notes-map §1)', () => {
    for (const entry of knowledge.entries) {
      for (const fact of entry.covers) assert.ok(factIds.includes(fact), `${entry.file}: "${fact}" is not a fact id of notes-map §1`);
    }
  });

  it('covers every fact of the notes (notes-map §1): 276 of 276', () => {
    const missing = factIds.filter((id) => !knowledge.get(id));
    assert.deepStrictEqual(missing, [], `${missing.length} of ${factIds.length} fact ids have no note`);
  });

  it('shows every §4 finding (46 fact checks that flag a problem) beside the original claim, in both languages', () => {
    const flagged = fs.readFileSync(path.join(repoRoot, 'test', 'data', 'fact-checks.tsv'), 'utf8')
      .split('\n').filter((line) => /^FC-/.test(line)).map((line) => line.split('\t')[0]);
    assert.strictEqual(flagged.length, 46);
    const shown = new Set<string>();
    for (const entry of knowledge.entries) {
      for (const c of entry.correction ? [entry.correction] : []) {
        if (!c.en || !c.ja || !c.source.url) continue;
        for (const fc of `${c.fc} ${c.en}`.match(/FC-\d\d/g) ?? []) shown.add(fc);
      }
    }
    const missing = flagged.filter((fc) => !shown.has(fc));
    assert.deepStrictEqual(missing, [], `fact checks without a correction in any note: ${missing.join(', ')}`);
  });

  it('shows a correction wherever the note is not current', () => {
    for (const entry of knowledge.entries) {
      if (entry.status !== 'current') assert.ok(entry.correction?.en && entry.correction.ja && entry.correction.source.url, `${entry.id} lacks a correction`);
    }
  });

  it('every rule cites an existing note, has a good and a bad fixture, and is in the README table', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const ids = new Set<string>();
    for (const rule of rules) {
      const { id } = rule.meta;
      assert.ok(!ids.has(id), `duplicate rule id ${id}`);
      ids.add(id);
      assert.ok(knowledge.get(rule.meta.note), `${id} cites missing note "${rule.meta.note}"`);
      const dir = path.join(fixturesDir, 'rules', id);
      const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
      assert.ok(files.some((f) => f.startsWith('good-')), `${id} has no good-* fixture`);
      assert.ok(files.some((f) => f.startsWith('bad-')), `${id} has no bad-* fixture`);
      assert.ok(rule.meta.title.en && rule.meta.title.ja, `${id} needs an English and a Japanese title`);
      for (const [messageId, message] of Object.entries(rule.meta.messages)) {
        assert.ok(message.en && message.ja, `${id}.${messageId} needs en and ja`);
      }
      assert.match(readme, new RegExp(`\\| \`${id}\` \\| ${rule.meta.severity} \\|`), `${id} is missing from the README rule table (or its severity there is wrong)`);
    }
    for (const dir of fs.readdirSync(path.join(fixturesDir, 'rules'))) assert.ok(ids.has(dir), `fixtures for unknown rule ${dir}`);
  });

  it('every workspace check (EB007) cites an existing note, has no file kind, and is in the README table', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    assert.ok(workspaceChecks.length > 0);
    for (const check of workspaceChecks) {
      const { id } = check.meta;
      assert.ok(!rules.some((r) => r.meta.id === id), `${id} is both a rule and a workspace check`);
      assert.ok(!skippedRules.some((r) => r.id === id), `${id} is live and still listed as skipped`);
      assert.deepStrictEqual(check.meta.kinds, [], `${id}: lint would run a workspace check with a file kind`);
      assert.ok(knowledge.get(check.meta.note), `${id} cites missing note "${check.meta.note}"`);
      for (const [messageId, message] of Object.entries(check.meta.messages)) assert.ok(message.en && message.ja, `${id}.${messageId} needs en and ja`);
      assert.match(readme, new RegExp(`\\| \`${id}\` \\| ${check.meta.severity} \\| yes \\| \`${check.directory.replace('.', '\\.')}/\\*\` \\|`), `${id} is missing from the README rule table`);
    }
  });

  it('the README rule table is the one the registry generates (npm run readme)', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    assert.ok(start >= 0 && end > start, 'README.md lacks the rule table markers');
    assert.strictEqual(readme.slice(start + TABLE_START.length, end).trim(), ruleTable(listedRules, skippedRules));
  });

  it('docs/notes has one generated page per service, in sync with knowledge/ (npm run docs)', () => {
    const dir = path.join(repoRoot, 'docs', 'notes');
    const pages = notePages(knowledge, listedRules);
    const onDisk = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort() : [];
    assert.deepStrictEqual(onDisk, [...pages.keys()].sort(), 'run `npm run docs`');
    for (const [name, content] of pages) {
      assert.ok(fs.readFileSync(path.join(dir, name), 'utf8') === content, `docs/notes/${name} is out of date: run \`npm run docs\``);
    }
  });

  it('a note page shows the note in both languages, the rules that cite it and where it applies', () => {
    const page = notePages(knowledge, listedRules).get('sqs.md')!;
    assert.match(page, /## 可視性タイムアウト/);
    assert.match(page, /## SQS visibility timeout/);
    assert.match(page, /- SQS006/);
    assert.match(page, /property `VisibilityTimeout` of `AWS::SQS::Queue`/);
    assert.match(page, /`AWS::SQS::Queue` のプロパティ `VisibilityTimeout`/);
  });
});

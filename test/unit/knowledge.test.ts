import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getKnowledge } from '../../src/engine/knowledge';
import { rules } from '../../src/engine/rules/registry';
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

  it('ships every sqs, codedeploy and codebuild fact and the Lambda timeout facts (foundation scope)', () => {
    const wanted = factIds.filter((id) => /^(sqs|codedeploy|codebuild)\./.test(id) || id === 'lambda.max-15-minutes');
    const missing = wanted.filter((id) => !knowledge.get(id));
    assert.deepStrictEqual(missing, []);
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

  it('the README rule table is the one the registry generates (npm run readme)', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    assert.ok(start >= 0 && end > start, 'README.md lacks the rule table markers');
    assert.strictEqual(readme.slice(start + TABLE_START.length, end).trim(), ruleTable(rules));
  });
});

#!/usr/bin/env node
// Writes the generated documentation from the compiled engine (run after `npm run compile-tests`):
// the README's rule table and the note pages in docs/notes/.
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const out = (p) => require(path.join(root, 'out/src/engine', p));
const { ruleTable, TABLE_START, TABLE_END } = out('rules/table.js');
const { listedRules, skippedRules } = out('rules/registry.js');
const { getKnowledge } = out('knowledge/index.js');
const { notePages } = out('note-pages.js');

const readme = path.join(root, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const start = text.indexOf(TABLE_START);
const end = text.indexOf(TABLE_END);
if (start < 0 || end < start) {
  console.error('README.md: rule table markers not found');
  process.exit(1);
}
const next = `${text.slice(0, start + TABLE_START.length)}\n${ruleTable(listedRules, skippedRules)}\n${text.slice(end)}`;
if (next !== text) fs.writeFileSync(readme, next);
console.log(`README.md: ${listedRules.length} rules in the table, ${skippedRules.length} skipped`);

const notesDir = path.join(root, 'docs', 'notes');
fs.mkdirSync(notesDir, { recursive: true });
const pages = notePages(getKnowledge(), listedRules);
for (const name of fs.readdirSync(notesDir)) {
  if (name.endsWith('.md') && !pages.has(name)) fs.unlinkSync(path.join(notesDir, name));
}
for (const [name, content] of pages) fs.writeFileSync(path.join(notesDir, name), content);
console.log(`docs/notes: ${pages.size} pages`);

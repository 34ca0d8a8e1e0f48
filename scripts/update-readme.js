#!/usr/bin/env node
// Rewrites the rule table in README.md from the rule registry (run after `npm run compile-tests`).
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const { ruleTable, TABLE_START, TABLE_END } = require(path.join(root, 'out/src/engine/rules/table.js'));
const { rules } = require(path.join(root, 'out/src/engine/rules/registry.js'));
const file = path.join(root, 'README.md');
const text = fs.readFileSync(file, 'utf8');
const start = text.indexOf(TABLE_START);
const end = text.indexOf(TABLE_END);
if (start < 0 || end < start) {
  console.error('README.md: rule table markers not found');
  process.exit(1);
}
const next = `${text.slice(0, start + TABLE_START.length)}\n${ruleTable(rules)}\n${text.slice(end)}`;
if (next !== text) fs.writeFileSync(file, next);
console.log(`README.md: ${rules.length} rules in the table`);

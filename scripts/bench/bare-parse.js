#!/usr/bin/env node
// The baseline of the cold benchmark: a fresh `node` that loads the `yaml` package and parses
// each file (or each .yaml/.yml/.json/.template file under a folder) with `parseDocument`.
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require(path.join(__dirname, '..', '..', 'node_modules', 'yaml'));

function collect(input, out) {
  if (fs.statSync(input).isDirectory()) {
    for (const entry of fs.readdirSync(input, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(input, entry.name);
      if (entry.isDirectory()) { if (entry.name !== 'node_modules' && entry.name !== '.git') collect(full, out); } else if (entry.isFile() && /\.(ya?ml|json|template)$/i.test(entry.name)) out.push(full);
    }
  } else out.push(input);
  return out;
}

let count = 0;
for (const file of process.argv.slice(2).flatMap((input) => collect(input, []))) {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  count += doc.errors.length;
}
process.stdout.write(`${count}\n`);

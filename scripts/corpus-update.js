#!/usr/bin/env node
// `npm run corpus:update`: lints ../shared/corpus with every rule on and rewrites the committed
// snapshot test/data/corpus-counts.json (the corpus sweep test compares against it), printing
// what changed. Runs the compiled test helper (npm run compile-tests first; the npm script does).
'use strict';

const path = require('path');
const { diff, readSnapshot, snapshotFile, sweep, writeResult } = require(path.join(__dirname, '..', 'out', 'test', 'unit', 'corpus-counts.js'));

const before = readSnapshot();
const { counts, crashes, ms } = sweep();
if (crashes.length > 0) {
  console.error(`corpus: ${crashes.length} crash(es); the snapshot is not written:\n  ${crashes.join('\n  ')}`);
  process.exit(1);
}
writeResult(counts, snapshotFile);
const changes = before ? diff(before, counts) : ['(new snapshot)'];
console.log(`corpus: ${counts.files} files in ${ms} ms → ${path.relative(process.cwd(), snapshotFile)}`);
console.log(changes.length ? `  ${changes.join('\n  ')}` : '  no change');

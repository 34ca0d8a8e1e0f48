/**
 * The corpus sweep in CI (issue 8): lint all of ../shared/corpus with every rule on, assert that
 * nothing crashed, write the per-rule counts to test-results/corpus-counts.json, and compare them
 * with the committed test/data/corpus-counts.json. A changed count fails with the diff, so the
 * change in noise is part of the reviewed commit: `npm run corpus:update` rewrites the snapshot.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { corpusDir, diff, readSnapshot, resultFile, snapshotFile, sweep, writeResult } from './corpus-counts';

describe('corpus sweep (../shared/corpus)', function () {
  this.timeout(180_000);

  it('lints every corpus file without a crash, and the per-rule counts match test/data/corpus-counts.json', function () {
    if (!fs.existsSync(corpusDir)) this.skip();
    const { counts, crashes, ms } = sweep();
    writeResult(counts);
    assert.deepStrictEqual(crashes, [], `${crashes.length} crash(es) on the corpus`);
    assert.ok(counts.files > 500, `only ${counts.files} corpus files read`);
    const snapshot = readSnapshot();
    assert.ok(snapshot, `no snapshot at ${snapshotFile}: run \`npm run corpus:update\``);
    const changes = diff(snapshot, counts);
    console.log(`      corpus: ${counts.files} files in ${ms} ms; counts written to ${resultFile}`);
    if (changes.length > 0) {
      assert.fail(`The corpus counts changed (snapshot → now):\n        ${changes.join('\n        ')}\n      If the change is intended, run \`npm run corpus:update\` and commit test/data/corpus-counts.json with it.`);
    }
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectKind } from '../../src/engine/detect';
import { parse } from '../../src/engine/parse';
import { sharedDir } from './paths';

const KIND: Record<string, string> = { cfn: 'cloudformation', sam: 'sam', buildspec: 'buildspec', appspec: 'appspec' };

describe('kind detection', () => {
  it('agrees with the corpus manifest for at least 99% of its files (and lists each disagreement)', () => {
    const corpus = path.join(sharedDir, 'corpus');
    const rows = fs.readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
    const disagreements: string[] = [];
    for (const row of rows) {
      const [kind, rel] = row.split('\t');
      const doc = parse(fs.readFileSync(path.join(corpus, rel), 'utf8'), rel);
      const detection = detectKind(rel, doc.tree);
      if (detection.kind !== KIND[kind]) disagreements.push(`${rel}: manifest ${KIND[kind]}, detected ${detection.kind} because ${detection.reason}`);
    }
    if (disagreements.length) console.log(`    disagreements:\n      ${disagreements.join('\n      ')}`);
    assert.ok(rows.length >= 560, `expected the 560-file corpus, found ${rows.length}`);
    assert.ok(disagreements.length <= rows.length * 0.01, `${disagreements.length} disagreements:\n${disagreements.join('\n')}`);
  });

  it('says why, and recognises unusual names by content', () => {
    const buildspec = detectKind('ci/build.yml', parse('version: 0.2\nphases:\n  build:\n    commands: [make]\n').tree);
    assert.strictEqual(buildspec.kind, 'buildspec');
    assert.match(buildspec.reason, /phases/);
    const appspec = detectKind('deploy/spec.yml', parse('version: 0.0\nos: linux\nfiles: []\n').tree);
    assert.strictEqual(appspec.kind, 'appspec');
    assert.strictEqual(detectKind('k8s/deployment.yaml', parse('apiVersion: apps/v1\nkind: Deployment\n').tree).kind, 'none');
    assert.strictEqual(detectKind('appspec.yml', undefined).kind, 'appspec');
  });
});

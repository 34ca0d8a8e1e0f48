import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/engine/lint';
import { parse } from '../../src/engine/parse';
import { rules } from '../../src/engine/rules/registry';
import { sharedDir } from './paths';

/**
 * The same template written in YAML and in JSON gets the same findings (issue 4): every pair of
 * twins in the corpus (`x.yaml` beside `x.json`) and the benchmark templates, with every rule on.
 * Findings are compared by rule and path, since lines differ between the two formats.
 */
const everyRule = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity]));

function findingsOf(file: string): string[] {
  const result = lint(parse(fs.readFileSync(file, 'utf8'), file), { rules: everyRule, today: '2026-11-21' });
  return result.findings.map((f) => `${f.ruleId} ${JSON.stringify(f.path)}`).sort();
}

function twins(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        for (const ext of ['.yaml', '.yml']) {
          const yaml = full.slice(0, -'.json'.length) + ext;
          if (fs.existsSync(yaml)) out.push([yaml, full]);
        }
      }
    }
  };
  walk(path.join(sharedDir, 'corpus'));
  for (const size of ['small', 'medium', 'large']) out.push([path.join(sharedDir, 'bench', `${size}.yaml`), path.join(sharedDir, 'bench', `${size}.json`)]);
  return out;
}

describe('YAML and JSON twins give the same findings', () => {
  const pairs = twins();
  it('finds the twins (corpus and bench)', () => assert.ok(pairs.length >= 30, `only ${pairs.length} pairs`));
  for (const [yaml, json] of pairs) {
    it(path.relative(sharedDir, yaml).replace(/\.ya?ml$/, '.{yaml,json}'), () => {
      const a = findingsOf(yaml);
      const b = findingsOf(json);
      if (a.some((f) => f.startsWith('PARSE')) || b.some((f) => f.startsWith('PARSE'))) return;
      assert.deepStrictEqual(a, b);
    });
  }
});

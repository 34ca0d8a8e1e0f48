import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../src/engine/lint';
import { rules } from '../../src/engine/rules/registry';
import { readExpectations } from './expectations';
import { WorkspaceIndex } from '../../src/engine/workspace';
import { fixturesDir } from './paths';

const ruleFixtures = path.join(fixturesDir, 'rules');

/**
 * A fixture runs with the default rule set plus its own rule switched on (some rules are off by
 * default), and its expectations list every finding: a fixture also proves no other rule fires.
 * Fixtures are judged on FIXTURE_DAY.
 */
/** Fixtures are judged on a fixed day, so date-based rules (Lambda runtimes) keep their verdicts. */
export const FIXTURE_DAY = '2026-11-21';

function optionsFor(ruleId: string, workspace?: WorkspaceIndex) {
  const rule = rules.find((r) => r.meta.id === ruleId);
  return { rules: rule ? { [ruleId]: rule.meta.severity } : {}, workspace, today: FIXTURE_DAY };
}

/**
 * Cross-file rules (BUILDSPEC009/010, APPSPEC013) need the other file: `bad-x.appspec.yml` is
 * linted with the workspace of its sidecar `bad-x.workspace.yaml` (a template named
 * `template.yaml` beside it), when there is one.
 */
function workspaceFor(file: string): WorkspaceIndex | undefined {
  const sidecar = path.join(path.dirname(file), `${path.basename(file).split('.')[0]}.workspace.yaml`);
  if (!fs.existsSync(sidecar)) return undefined;
  return WorkspaceIndex.from([{ fileName: 'template.yaml', text: fs.readFileSync(sidecar, 'utf8') }]);
}

/** `bad-missing-version.buildspec.yml` is linted as `buildspec.yml`; `bad-unset.yaml` keeps its name. */
export function fileNameOf(fixture: string): string {
  const rest = fixture.slice(fixture.indexOf('.') + 1);
  return rest.includes('.') ? rest : fixture;
}

describe('rule fixtures (inline expectations)', () => {
  for (const dir of fs.readdirSync(ruleFixtures).sort()) {
    describe(dir, () => {
      for (const name of fs.readdirSync(path.join(ruleFixtures, dir)).filter((n) => !n.endsWith('.expect') && !n.includes('.workspace.')).sort()) {
        const file = path.join(ruleFixtures, dir, name);
        it(name, () => {
          const text = fs.readFileSync(file, 'utf8');
          const result = lintText(text, fileNameOf(name), optionsFor(dir, workspaceFor(file)));
          assert.notStrictEqual(result.kind, 'none', `${name}: not recognised as a template, buildspec or appspec`);
          const actual = result.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).sort();
          if (name.startsWith('good-')) {
            assert.deepStrictEqual(actual, [], `${name} must produce no findings:\n${result.findings.map((f) => `  ${f.range.start.line + 1}: ${f.ruleId} ${f.message}`).join('\n')}`);
            return;
          }
          const expected = readExpectations(file, text);
          assert.ok(expected.some((e) => e.ruleId === dir), `${name}: a bad fixture must expect at least one ${dir}`);
          assert.deepStrictEqual(actual, expected.map((e) => `${e.line + 1} ${e.ruleId}`).sort(), `${name}: findings differ from the expectations:\n${result.findings.map((f) => `  ${f.range.start.line + 1}: ${f.ruleId} ${f.message}`).join('\n')}`);
          for (const e of expected.filter((x) => x.start !== undefined)) {
            const hit = result.findings.find((f) => f.ruleId === e.ruleId && f.range.start.line === e.line && f.range.start.character === e.start && f.range.end.character === e.end);
            assert.ok(hit, `${name}: no ${e.ruleId} spanning line ${e.line + 1} columns ${e.start}-${e.end}`);
          }
        });
      }
    });
  }
});

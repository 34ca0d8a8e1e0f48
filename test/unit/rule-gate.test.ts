/**
 * The resource-type gate (issue 7): lint does not run a rule whose `meta.resourceTypes` are all
 * absent from the template. That is only safe if such a rule would have said nothing, and if the
 * declared list names every type the rule reads. Both are checked here on the corpus, the bench
 * templates, the examples and every rule fixture, by running each rule on its own, ungated, with a
 * fresh template model (the models cache per template, so a shared one would hide what a rule asks).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectKind, getKnowledge, lint, parse, rules } from '../../src/engine';
import { TemplateModel } from '../../src/engine/model/template';
import type { Report, Rule } from '../../src/engine/rules/types';
import { candidateFiles, corpusDir } from './corpus-counts';
import { fixturesDir, repoRoot, sharedDir } from './paths';

const FIXTURE_DAY = '2026-11-21';

interface Template {
  name: string;
  doc: ReturnType<typeof parse>;
  kind: 'cloudformation' | 'sam';
}

function templates(): Template[] {
  const dirs = [corpusDir, path.join(sharedDir, 'bench'), path.join(repoRoot, 'examples'), path.join(fixturesDir, 'rules')];
  const out: Template[] = [];
  for (const dir of dirs.filter((d) => fs.existsSync(d))) {
    for (const file of candidateFiles(dir)) {
      const doc = parse(fs.readFileSync(file, 'utf8'), file);
      if (!doc.tree || doc.errors.length > 0) continue;
      const kind = detectKind(file, doc.tree).kind;
      if (kind === 'cloudformation' || kind === 'sam') out.push({ name: path.relative(repoRoot, file), doc, kind });
    }
  }
  return out;
}

/** Runs one rule alone on a fresh model; returns its reports and the types it asked the model for. */
function runAlone(rule: Rule, t: Template): { reports: Report[]; asked: Set<string> } {
  const template = new TemplateModel(t.doc);
  const asked = new Set<string>();
  const ofType = template.ofType.bind(template);
  template.ofType = (...types: string[]) => {
    for (const type of types) asked.add(type);
    return ofType(...types);
  };
  const reports: Report[] = [];
  rule.check({ doc: t.doc, kind: t.kind, root: t.doc.tree!, knowledge: getKnowledge(), template, today: FIXTURE_DAY, report: (r) => reports.push(r) });
  return { reports, asked };
}

describe('resource-type gate of the template rules', function () {
  this.timeout(120_000);
  const gated = rules.filter((rule) => rule.meta.resourceTypes);
  let all: Template[];

  before(function () {
    all = templates();
  });

  it('is declared by most template rules, with well-formed type names', function () {
    assert.ok(gated.length >= 100, `only ${gated.length} rules declare resourceTypes`);
    for (const rule of gated) {
      assert.ok(rule.meta.kinds.every((k) => k === 'cloudformation' || k === 'sam'), `${rule.meta.id}: resourceTypes on a rule that is not a template rule`);
      for (const type of rule.meta.resourceTypes!) assert.match(type, /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, `${rule.meta.id}: ${type}`);
    }
  });

  it('skips only rules that would have reported nothing', function () {
    assert.ok(all.length > 400, `only ${all.length} templates read`);
    const wrong: string[] = [];
    let skipped = 0;
    for (const t of all) {
      const present = new Set(new TemplateModel(t.doc).types());
      for (const rule of gated) {
        if (!rule.meta.kinds.includes(t.kind) || rule.meta.resourceTypes!.some((type) => present.has(type))) continue;
        skipped++;
        const { reports } = runAlone(rule, t);
        if (reports.length > 0) wrong.push(`${rule.meta.id} on ${t.name}: ${reports.length} report(s) at ${reports[0].path.join('.')}`);
      }
    }
    assert.ok(skipped > 10_000, `only ${skipped} rule runs skipped`);
    assert.deepStrictEqual(wrong, []);
  });

  it('declares every resource type each rule reads', function () {
    const missing = new Map<string, Set<string>>();
    for (const t of all) {
      for (const rule of gated) {
        if (!rule.meta.kinds.includes(t.kind)) continue;
        for (const type of runAlone(rule, t).asked) {
          if (rule.meta.resourceTypes!.includes(type)) continue;
          if (!missing.has(rule.meta.id)) missing.set(rule.meta.id, new Set());
          missing.get(rule.meta.id)!.add(type);
        }
      }
    }
    assert.deepStrictEqual(Object.fromEntries([...missing].map(([id, types]) => [id, [...types].sort()])), {});
  });

  it('changes no finding: lint gives the same findings as every rule run ungated', function () {
    // The fixtures of the gated rules, linted normally, against each rule run alone on them.
    for (const t of all.filter((x) => x.name.startsWith(path.join('test', 'fixtures')))) {
      const linted = lint(t.doc, { today: FIXTURE_DAY, rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])) });
      const byRule = new Map<string, number>();
      for (const f of linted.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      for (const rule of gated.filter((r) => r.meta.kinds.includes(t.kind))) {
        const alone = runAlone(rule, t).reports.length;
        // Suppression comments can only lower lint's count; a gate that hid findings would too,
        // so fixtures with suppressions are compared with ≤ and the rest exactly.
        const got = byRule.get(rule.meta.id) ?? 0;
        if (/iac-notes-disable/.test(t.doc.text)) assert.ok(got <= alone, `${rule.meta.id} on ${t.name}`);
        else assert.strictEqual(got, alone, `${rule.meta.id} on ${t.name}: lint ${got}, alone ${alone}`);
      }
    }
  });
});

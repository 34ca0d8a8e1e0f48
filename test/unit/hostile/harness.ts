/**
 * Shared machinery of the hostile-input suite: a seeded random generator (every run sees the same
 * inputs, so a failure reproduces), the seed files, and `exercise`, which pushes one text through
 * everything a user or a file can reach: lint (every rule switched on), hover at random offsets,
 * every quick fix (applied, then the result linted again) and the checks that findings land on
 * lines that exist.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hover, lint, parse, rules, type Finding, type SeverityOverride } from '../../../src/engine';
import type { TextEdit } from '../../../src/engine/types';
import { fixturesDir, sharedDir } from '../paths';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

export interface Rng {
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** Every rule at its own severity, including those off by default: hostile input meets all of them. */
export const ALL_RULES_ON: Record<string, SeverityOverride> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity]));

export const corpusDir = path.join(sharedDir, 'corpus');
const CANDIDATE = /\.(ya?ml|json|template)$/i;

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && CANDIDATE.test(entry.name)) out.push(full);
  }
}

/** The corpus files, sorted, so a seed always picks the same ones. */
export function corpusFiles(): string[] {
  const out: string[] = [];
  walk(corpusDir, out);
  return out;
}

/** The rule fixtures (realistic files that do have findings and fixes). */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  walk(path.join(fixturesDir, 'rules'), out);
  return out;
}

/** Applies edits the way VS Code does: all offsets refer to the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].end <= sorted[i - 1].start, `overlapping edits ${JSON.stringify(sorted[i])} and ${JSON.stringify(sorted[i - 1])}`);
  }
  return sorted.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

export interface ExerciseOptions {
  /** Random hover offsets besides the start of each finding. */
  hovers?: number;
  seed?: number;
  /** Apply every quick fix and lint the result (default true). */
  fixes?: boolean;
  lang?: 'en' | 'ja' | 'both';
}

export interface Exercised {
  findings: Finding[];
  kind: string;
  ruleErrors: string[];
}

/**
 * Lints, hovers and fixes `text` and checks what comes back. Fails with the input's name on any
 * exception, on a rule that threw (lint survives it, but the rule is still broken), on a finding
 * outside the document, and on a fix whose edits fall outside it.
 */
export function exercise(name: string, text: string, fileName: string, options: ExerciseOptions = {}): Exercised {
  const ruleErrors: string[] = [];
  const onRuleError = (id: string, error: unknown) => ruleErrors.push(`${id}: ${(error as Error)?.stack ?? error}`);
  const lintOptions = { rules: ALL_RULES_ON, onRuleError, lang: options.lang ?? 'en' };
  let doc;
  let result;
  try {
    doc = parse(text, fileName);
    result = lint(doc, lintOptions);
  } catch (error) {
    assert.fail(`${name}: lint threw ${(error as Error)?.stack ?? error}`);
  }
  assert.deepStrictEqual(ruleErrors, [], `${name}: a rule threw`);
  const length = doc.text.length;
  for (const f of result.findings) {
    const where = `${name}: ${f.ruleId} at ${f.start}-${f.end}`;
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= length, `${where}: offsets outside the text (length ${length})`);
    assert.ok(f.range.start.line < doc.lines.lineCount && f.range.end.line < doc.lines.lineCount, `${where}: line beyond the last line`);
    assert.deepStrictEqual(f.range.start, doc.lines.positionAt(f.start), `${where}: range.start does not match start`);
    assert.deepStrictEqual(f.range.end, doc.lines.positionAt(f.end), `${where}: range.end does not match end`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${where}: empty message`);
  }

  const rng = random(options.seed ?? 1);
  const detection = { kind: result.kind, reason: result.reason };
  // Findings beyond the first 50 are sampled: 14,000 findings need not mean 14,000 hovers.
  const sampled = result.findings.length <= 50 ? result.findings : Array.from({ length: 50 }, () => rng.pick(result.findings));
  const offsets = sampled.map((f) => f.start);
  for (let i = 0; i < (options.hovers ?? 20); i++) offsets.push(rng.int(length + 2) - 1);
  for (const offset of offsets) {
    try {
      const h = hover(doc, offset, { lang: options.lang ?? 'en' }, detection);
      if (h) {
        assert.strictEqual(typeof h.markdown, 'string');
        assert.ok(h.start >= 0 && h.start <= h.end && h.end <= length, `${name}: hover at ${offset} spans ${h.start}-${h.end}`);
      }
    } catch (error) {
      assert.fail(`${name}: hover at offset ${offset} threw ${(error as Error)?.stack ?? error}`);
    }
  }

  if (options.fixes !== false) {
    const withFixes = result.findings.filter((f) => f.fixes.length > 0);
    // Each fix re-lints the whole text: at most 12 of them, sampled, on a file with many.
    const fixing = withFixes.length <= 12 ? withFixes : Array.from({ length: 12 }, () => rng.pick(withFixes));
    for (const f of fixing) {
      for (const fix of f.fixes) {
        for (const e of fix.edits) {
          assert.ok(e.start >= 0 && e.start <= e.end && e.end <= length, `${name}: ${f.ruleId} fix "${fix.title.en}" edits ${e.start}-${e.end} of ${length}`);
        }
        const fixed = applyEdits(doc.text, fix.edits);
        const again: string[] = [];
        try {
          lint(parse(fixed, fileName), { rules: ALL_RULES_ON, onRuleError: (id, e) => again.push(`${id}: ${(e as Error)?.stack ?? e}`) });
        } catch (error) {
          assert.fail(`${name}: linting after ${f.ruleId} fix "${fix.title.en}" threw ${(error as Error)?.stack ?? error}`);
        }
        assert.deepStrictEqual(again, [], `${name}: a rule threw after ${f.ruleId} fix "${fix.title.en}"`);
      }
    }
  }
  return { findings: result.findings, kind: result.kind, ruleErrors };
}

/** `bad-x.buildspec.yml` is linted as `buildspec.yml` (as in rule-fixtures.test.ts); other names stay. */
export function lintNameOf(file: string): string {
  const base = path.basename(file);
  const rest = base.slice(base.indexOf('.') + 1);
  return rest.includes('.') ? rest : base;
}

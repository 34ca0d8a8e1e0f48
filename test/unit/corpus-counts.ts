/**
 * The corpus sweep (issue 8): every file of ../shared/corpus linted with every rule on, counting
 * findings per rule so a change in noise shows in review. `npm run corpus:update` rewrites the
 * committed snapshot test/data/corpus-counts.json; corpus-sweep.test.ts compares against it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText, rules } from '../../src/engine';
import type { SeverityOverride } from '../../src/engine/types';
import { repoRoot, sharedDir } from './paths';

export const corpusDir = path.join(sharedDir, 'corpus');
export const snapshotFile = path.join(repoRoot, 'test', 'data', 'corpus-counts.json');
export const resultFile = path.join(repoRoot, 'test-results', 'corpus-counts.json');

export interface RuleCount {
  findings: number;
  /** Files with at least one finding of the rule. */
  files: number;
  /** False for rules that are off unless a user turns them on (counted with every rule on). */
  default: boolean;
}

export interface CorpusCounts {
  files: number;
  kinds: Record<string, number>;
  rules: Record<string, RuleCount>;
}

export interface Sweep {
  counts: CorpusCounts;
  /** `file: what threw`, for lint itself and for each rule that threw (lint survives those). */
  crashes: string[];
  ms: number;
}

const CANDIDATE = /\.(ya?ml|json|template)$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && CANDIDATE.test(entry.name)) out.push(full);
  }
}

/** The files under `dir` that may be templates (YAML, JSON, `.template`), in a stable order. */
export function candidateFiles(dir: string): string[] {
  const files: string[] = [];
  walk(dir, files);
  return files;
}

export function sweep(dir = corpusDir): Sweep {
  const files = candidateFiles(dir);
  const allOn: Record<string, SeverityOverride> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity]));
  const byDefault = new Map(rules.map((r) => [r.meta.id, r.meta.enabledByDefault !== false]));
  const counts: CorpusCounts = { files: 0, kinds: {}, rules: {} };
  // Every rule is listed, with 0 when it finds nothing: a new rule shows in the diff either way.
  for (const rule of rules) counts.rules[rule.meta.id] = { findings: 0, files: 0, default: rule.meta.enabledByDefault !== false };
  const crashes: string[] = [];
  const t0 = Date.now();
  for (const file of files) {
    const name = path.relative(dir, file);
    let result;
    try {
      result = lintText(fs.readFileSync(file, 'utf8'), file, {
        rules: allOn,
        onRuleError: (id, error) => crashes.push(`${name}: rule ${id} threw ${(error as Error)?.stack ?? error}`),
      });
    } catch (error) {
      crashes.push(`${name}: lint threw ${(error as Error)?.stack ?? error}`);
      continue;
    }
    counts.files++;
    counts.kinds[result.kind] = (counts.kinds[result.kind] ?? 0) + 1;
    const seen = new Set<string>();
    for (const finding of result.findings) {
      const count = (counts.rules[finding.ruleId] ??= { findings: 0, files: 0, default: byDefault.get(finding.ruleId) ?? true });
      count.findings++;
      if (!seen.has(finding.ruleId)) { seen.add(finding.ruleId); count.files++; }
    }
  }
  return { counts: sorted(counts), crashes, ms: Date.now() - t0 };
}

function sorted(counts: CorpusCounts): CorpusCounts {
  const order = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return { files: counts.files, kinds: order(counts.kinds), rules: order(counts.rules) };
}

/** One rule per line, so a review diff shows exactly which rule's count moved. */
export function format(counts: CorpusCounts): string {
  const kinds = Object.entries(counts.kinds).map(([k, n]) => `    ${JSON.stringify(k)}: ${n}`).join(',\n');
  const ruleLines = Object.entries(counts.rules).map(([id, c]) => `    ${JSON.stringify(id)}: ${JSON.stringify(c)}`).join(',\n');
  return `{\n  "files": ${counts.files},\n  "kinds": {\n${kinds}\n  },\n  "rules": {\n${ruleLines}\n  }\n}\n`;
}

/** Lines that differ between the snapshot and this run, e.g. `SQS012: 40 → 52 findings (default off)`. */
export function diff(before: CorpusCounts, after: CorpusCounts): string[] {
  const out: string[] = [];
  if (before.files !== after.files) out.push(`files: ${before.files} → ${after.files}`);
  for (const kind of new Set([...Object.keys(before.kinds), ...Object.keys(after.kinds)])) {
    if (before.kinds[kind] !== after.kinds[kind]) out.push(`kind ${kind}: ${before.kinds[kind] ?? 0} → ${after.kinds[kind] ?? 0} files`);
  }
  for (const id of [...new Set([...Object.keys(before.rules), ...Object.keys(after.rules)])].sort()) {
    const a = before.rules[id];
    const b = after.rules[id];
    if (a?.findings === b?.findings && a?.files === b?.files && a?.default === b?.default) continue;
    const state = (b ?? a)!.default ? '' : ' (off by default)';
    out.push(`${id}: ${a?.findings ?? 0} → ${b?.findings ?? 0} findings, in ${a?.files ?? 0} → ${b?.files ?? 0} files${state}${a && b && a.default !== b.default ? `, default ${a.default ? 'on' : 'off'} → ${b.default ? 'on' : 'off'}` : ''}`);
  }
  return out;
}

export function readSnapshot(): CorpusCounts | undefined {
  return fs.existsSync(snapshotFile) ? (JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as CorpusCounts) : undefined;
}

export function writeResult(counts: CorpusCounts, file = resultFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, format(counts));
}

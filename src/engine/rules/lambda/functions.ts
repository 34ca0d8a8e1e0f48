import type { Knowledge } from '../../knowledge';
import { get, type Node } from '../../parse/tree';
import { FUNCTION_TYPES } from '../../model/lambda-links';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { candidates } from '../../model/values';

/** Helpers shared by the LAMBDA rules. */

export function lambdaFunctions(template: TemplateModel): Resource[] {
  return template.ofType(...FUNCTION_TYPES);
}

export function isSam(fn: Resource): boolean {
  return fn.type === 'AWS::Serverless::Function';
}

/** A property of a function, falling back to `Globals.Function` for SAM functions. */
export function effective(template: TemplateModel, fn: Resource, key: string): { node: Node; path: Path; fromGlobals: boolean } | undefined {
  return template.effective(fn, key, isSam(fn) ? 'Function' : undefined);
}

/**
 * Every place a function property is written: each function's own value and, once, the SAM
 * `Globals.Function` value (checked when at least one SAM function could inherit it).
 */
export function propertySites(template: TemplateModel, key: string): Array<{ node: Node; path: Path; fn?: Resource }> {
  const out: Array<{ node: Node; path: Path; fn?: Resource }> = [];
  for (const fn of lambdaFunctions(template)) {
    const pair = fn.properties?.pairs.find((p) => p.key.value === key);
    if (pair?.value) out.push({ node: pair.value, path: [...fn.path, 'Properties', key], fn });
  }
  const global = get(get(template.globals, 'Function'), key);
  if (global) out.push({ node: global, path: ['Globals', 'Function', key] });
  return out;
}

export interface RuntimeLifecycle {
  deprecated?: string;
  blockCreate?: string;
  blockUpdate?: string;
  successor?: string;
}

export type RuntimeStatus =
  | { state: 'update-blocked'; date: string; info: RuntimeLifecycle }
  | { state: 'deprecated'; date: string; info: RuntimeLifecycle }
  | { state: 'deprecating'; date: string; days: number; info: RuntimeLifecycle }
  | { state: 'supported' | 'unknown' };

/**
 * Where a runtime stands on `day` (YYYY-MM-DD, UTC), from the lifecycle table of the note
 * `lambda.languages`: past its "block function update" date, deprecated, within
 * `warnDays` of deprecation, supported, or unknown (not in the table).
 */
export function runtimeStatus(knowledge: Knowledge, runtime: string, day: string): RuntimeStatus {
  const table = knowledge.value('lambda.languages', 'runtimes') as Record<string, RuntimeLifecycle>;
  const warnDays = knowledge.number('lambda.languages', 'warnDaysBeforeDeprecation');
  const info = Object.prototype.hasOwnProperty.call(table, runtime) ? table[runtime] : undefined;
  if (!info) return { state: 'unknown' };
  if (info.blockUpdate && info.blockUpdate <= day) return { state: 'update-blocked', date: info.blockUpdate, info };
  if (info.deprecated && info.deprecated <= day) return { state: 'deprecated', date: info.deprecated, info };
  if (info.deprecated) {
    const days = Math.round((Date.parse(`${info.deprecated}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
    if (days <= warnDays) return { state: 'deprecating', date: info.deprecated, days, info };
  }
  return { state: 'supported' };
}

/** The successor to name in a message: the table's, else the newest runtime of the same family. */
export function successorOf(knowledge: Knowledge, runtime: string, info: RuntimeLifecycle): string {
  if (info.successor) return info.successor;
  const family = /^[a-z]+/.exec(runtime)?.[0] ?? runtime;
  const table = knowledge.value('lambda.languages', 'runtimes') as Record<string, RuntimeLifecycle>;
  const newest = Object.entries(table)
    .filter(([id, entry]) => id.startsWith(family) && id !== runtime && !entry.successor)
    .sort((a, b) => (b[1].deprecated ?? '').localeCompare(a[1].deprecated ?? ''))[0];
  return newest?.[0] ?? 'a supported runtime';
}

/**
 * Every `Runtime` of the template (functions and SAM Globals) whose candidates are all literal
 * runtime names, each judged on `day`: what LAMBDA010 and LAMBDA011 read. `choice` is true when an
 * `Fn::If` or a parameter offers several runtimes.
 */
export function runtimeVerdicts(template: TemplateModel, knowledge: Knowledge, day: string): Array<{
  path: Path;
  choice: boolean;
  verdicts: Array<{ runtime: string; status: RuntimeStatus }>;
}> {
  const out = [];
  for (const site of propertySites(template, 'Runtime')) {
    const c = candidates(site.node, template);
    if (!c) continue;
    const runtimes = c.values.filter((v): v is string => typeof v === 'string');
    if (runtimes.length !== c.values.length) continue;
    out.push({ path: site.path, choice: c.choice, verdicts: runtimes.map((runtime) => ({ runtime, status: runtimeStatus(knowledge, runtime, day) })) });
  }
  return out;
}

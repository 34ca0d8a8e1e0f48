import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import {
  checkWorkspaceFile, detectKind, hover, isWorkspaceCheck, langFromEnv, lint, listedRules, lookup, parse, ruleMetaById,
  workspaceCheckDirectories, type Finding, type ParsedDocument, type SeverityOverride,
} from './engine';
import { MAX_DOCUMENT_CHARS } from './engine/parse';
import type { Lang } from './engine/types';
import { collectFiles, type CollectedFile } from './cli/files';
import { WorkspaceIndex } from './engine/workspace';
import { toSarif } from './cli/sarif';

const VERSION = '0.1.0';

const USAGE = `Usage:
  iac-notes lint [--format text|json|sarif] [--lang en|ja] [--rule ID=off|info|warning|error]... PATH...
  iac-notes explain FILE:LINE:COL [--lang en|ja] [--format markdown|json]
  iac-notes lookup QUERY... [--lang en|ja] [--format text|json]
  iac-notes rules [--format text|json]
`;

/** A usage or I/O problem: one line on stderr, exit code 2. */
class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') { process.stdout.write(`${VERSION}\n`); return 0; }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      lang: { type: 'string' },
      rule: { type: 'string', multiple: true },
    },
  });
  const lang = readLang(values.lang);
  switch (command) {
    case 'lint': return runLint(positionals, lang, oneOf(values.format, ['text', 'json', 'sarif'], 'text'), readRules(values.rule ?? []));
    case 'explain': return runExplain(positionals, lang, oneOf(values.format, ['markdown', 'json'], 'markdown'));
    case 'lookup': return runLookup(positionals, lang, oneOf(values.format, ['text', 'json'], 'text'));
    case 'rules': return runRules(lang, oneOf(values.format, ['text', 'json'], 'text'));
    default: throw new UsageError(`unknown command "${command}" (expected lint, explain, lookup or rules)`);
  }
}

function readLang(value: string | undefined): Lang {
  if (value === undefined) return langFromEnv(process.env);
  if (value !== 'en' && value !== 'ja') throw new UsageError(`--lang must be en or ja, not "${value}"`);
  return value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function readRules(specs: string[]): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  for (const spec of specs) {
    const match = /^([A-Za-z0-9_]+)=(off|info|warning|error)$/.exec(spec);
    if (!match) throw new UsageError(`--rule takes ID=off|info|warning|error, not "${spec}"`);
    const id = match[1].toUpperCase();
    if (!ruleMetaById(id)) throw new UsageError(`--rule: unknown rule "${id}" (see: iac-notes rules)`);
    out[id] = match[2] as SeverityOverride;
  }
  return out;
}

/** Files larger than this are not even read (the engine parses at most MAX_DOCUMENT_CHARS). */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** The file's text; undefined (with a note on stderr) when it is too large to read. */
function readText(file: string, lang: Lang): string | undefined {
  try {
    const stat = fs.statSync(file);
    // A device or FIFO (/dev/zero, /dev/stdin) would never end: only regular files are read.
    if (!stat.isFile()) throw new UsageError(`cannot read ${file}: not a regular file`);
    if (stat.size > MAX_READ_BYTES) { noteTooLarge(file, stat.size, lang); return undefined; }
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Says once on stderr that a file was too large to check (it is neither a finding nor a usage error). */
function noteTooLarge(file: string, bytes: number, lang: Lang): void {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  const limit = (MAX_DOCUMENT_CHARS / (1024 * 1024)).toFixed(0);
  process.stderr.write(lang === 'ja'
    ? `iac-notes: ${file} は ${mb} MB あり、読み取れる上限（${limit} MB）を超えるためチェックしませんでした\n`
    : `iac-notes: skipped ${file}: ${mb} MB is more than the ${limit} MB IaC Notes reads\n`);
}

function runLint(paths: string[], lang: Lang, format: 'text' | 'json' | 'sarif', overrides: Record<string, SeverityOverride>): number {
  if (paths.length === 0) throw new UsageError('lint needs at least one file or directory');
  let files: CollectedFile[];
  try {
    files = collectFiles(paths, new Set(workspaceCheckDirectories()));
  } catch (error) {
    throw new UsageError(`cannot read ${(error as NodeJS.ErrnoException).path ?? paths.join(' ')}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const results: Array<{ path: string; kind: string; findings: Finding[] }> = [];
  let errors = 0;
  // Workspace checks first, by name alone (EB007: an `.ebextensions` file that is not `*.config`).
  // A file they claim is not a template: it is never read or linted, and its findings (if its
  // rule is on) sit at line 1, column 1, with the kind `none`.
  const claimed = new Map<string, Finding[]>();
  const texts = new Map<string, string>();
  for (const file of files) {
    const checked = checkWorkspaceFile(path.resolve(file.path), { lang, rules: overrides });
    if (checked.claimed) { claimed.set(file.path, checked.findings); continue; }
    if (!file.lint) continue;
    const text = readText(file.path, lang);
    if (text !== undefined) texts.set(file.path, text);
  }
  // The files given (directories walked) are the workspace: a buildspec finds its CodeBuild
  // project and an AppSpec its deployment group among the templates linted with it.
  // Only templates that may define projects or groups are parsed for it, and each of those once:
  // the document is kept for its lint below.
  const workspace = new WorkspaceIndex();
  const parsed = new Map<string, ParsedDocument>();
  for (const [fileName, text] of texts) {
    if (!WorkspaceIndex.isCandidate(text)) continue;
    const doc = parse(text, fileName);
    parsed.set(fileName, doc);
    workspace.set(fileName, text, doc);
  }
  for (const { path: file } of files) {
    const byName = claimed.get(file);
    if (byName) {
      if (byName.length > 0) results.push({ path: file, kind: 'none', findings: byName });
      errors += byName.filter((f) => f.severity === 'error').length;
      continue;
    }
    const text = texts.get(file);
    if (text === undefined) continue;
    const doc = parsed.get(file) ?? parse(text, file);
    if (doc.tooLarge) noteTooLarge(file, Buffer.byteLength(text), lang);
    const result = lint(doc, { lang, rules: overrides, workspace });
    if (result.kind === 'none') continue;
    results.push({ path: file, kind: result.kind, findings: result.findings });
    errors += result.findings.filter((f) => f.severity === 'error').length;
  }
  if (format === 'json') {
    const json = {
      files: results.map((r) => ({
        path: r.path,
        kind: r.kind,
        diagnostics: r.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          note: f.note,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        })),
      })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(results, lang, VERSION), null, 2)}\n`);
  } else {
    let total = 0;
    for (const r of results) {
      for (const f of r.findings) {
        total++;
        process.stdout.write(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message.replace(/\n/g, ' ')} [${f.ruleId}]\n`);
      }
    }
    const summary = lang === 'ja'
      ? `${results.length} ファイルをチェック、${total} 件の指摘（エラー ${errors} 件）`
      : `${results.length} file(s) checked, ${total} finding(s), ${errors} error(s)`;
    process.stderr.write(`${summary}\n`);
  }
  return errors > 0 ? 1 : 0;
}

function runExplain(args: string[], lang: Lang, format: 'markdown' | 'json'): number {
  if (args.length !== 1) throw new UsageError('explain takes one FILE:LINE:COL');
  const match = /^(.*):(\d+):(\d+)$/.exec(args[0]);
  if (!match) throw new UsageError(`explain needs FILE:LINE:COL with 1-based numbers, not "${args[0]}"`);
  const [, file, line, column] = match;
  const text = readText(file, lang);
  if (text === undefined) return 2;
  const doc = parse(text, file);
  const detection = detectKind(file, doc.tree);
  const offset = doc.lines.offsetAt({ line: Number(line) - 1, character: Number(column) - 1 });
  const result = hover(doc, offset, { lang }, detection);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ kind: detection.kind, path: result?.path ?? [], notes: result?.notes ?? [], markdown: result?.markdown ?? '' }, null, 2)}\n`);
  } else if (result) {
    process.stdout.write(`${result.markdown}\n`);
  } else {
    process.stderr.write(lang === 'ja' ? `この位置に該当するノートはありません（${detection.kind}）。\n` : `No note applies at this position (${detection.kind}).\n`);
  }
  return 0;
}

function runLookup(words: string[], lang: Lang, format: 'text' | 'json'): number {
  if (words.length === 0) throw new UsageError('lookup needs a query');
  const hits = lookup(words.join(' '));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(hits.map((h) => ({ id: h.id, title: h.title[lang], score: h.score })), null, 2)}\n`);
  } else {
    for (const h of hits) process.stdout.write(`${h.score.toFixed(3)}  ${h.id}  ${h.title[lang]} — ${h.summary[lang]}\n`);
    if (hits.length === 0) process.stderr.write(lang === 'ja' ? '該当するノートはありません。\n' : 'No note matches.\n');
  }
  return 0;
}

function runRules(lang: Lang, format: 'text' | 'json'): number {
  // Workspace checks (EB007) have no file kind: `files` says what they look at instead.
  const list = listedRules.map((r) => ({
    id: r.meta.id, severity: r.meta.severity, kinds: [...r.meta.kinds], ...(isWorkspaceCheck(r) ? { files: `${r.directory}/*` } : {}),
    title: r.meta.title[lang], note: r.meta.note, enabledByDefault: r.meta.enabledByDefault !== false,
  }));
  if (format === 'json') process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  else for (const r of list) process.stdout.write(`${r.id.padEnd(13)} ${r.severity.padEnd(8)} ${(r.files ?? r.kinds.join(',')).padEnd(26)} ${r.title}${r.enabledByDefault ? '' : ' (off by default)'}\n`);
  return 0;
}

function run(): void {
  // `iac-notes lint . | head`: a reader that goes away is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let code: number;
  try {
    code = main(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? (error as Error).message
      : `internal error: ${(error as Error).stack ?? error}`;
    process.stderr.write(`iac-notes: ${message.split('\n')[0]}\n`);
    if (!(error instanceof UsageError) && !(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`${(error as Error).stack}\n`);
    code = 2;
  }
  process.exitCode = code;
}

run();

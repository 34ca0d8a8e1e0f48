import * as vscode from 'vscode';
import { detectKind, lint, MAX_DOCUMENT_CHARS, parse, type Detection, type LintResult, type ParsedDocument, type WorkspaceIndex } from '../engine';
import type { Settings } from './settings';

interface CacheEntry {
  version: number;
  doc: ParsedDocument;
  detection: Detection;
  lint?: { key: string; result: LintResult };
}

const LANGUAGES = new Set(['yaml', 'json', 'jsonc']);

/**
 * Above this many characters a document gets no diagnostics, only notes on hover (parsed on
 * demand, once per version). The limit is a lint time, about 0.4 s on the extension host after
 * every pause in typing, on a host shared with every other extension; measured
 * (docs/BENCHMARKS.md), YAML lints at about 0.8–1 ms per KB and JSON at about 0.15–0.2 ms per KB.
 * So YAML stops at 512 KB (large.yaml, 10,500 lines and 294 KB, stays below it) and JSON at the
 * engine's own ceiling of 2 MiB (large.json, 547 KB, lints in about 0.1 s). CloudFormation itself
 * accepts at most 1 MB (from S3), 51,200 bytes inline.
 */
export const LARGE_DOCUMENT_CHARS = { yaml: 512 * 1024, json: MAX_DOCUMENT_CHARS } as const;

/**
 * The large-file limit of this document: JSON's when the engine will read it as JSON (a `json`
 * or `jsonc` language, or text that starts with `{`, as parse() decides), else YAML's.
 */
export function largeDocumentLimit(document: vscode.TextDocument): number {
  const json = document.languageId === 'json' || document.languageId === 'jsonc' || (document.lineCount > 0 && /^\uFEFF?\s*\{/.test(document.lineAt(0).text));
  return json ? LARGE_DOCUMENT_CHARS.json : LARGE_DOCUMENT_CHARS.yaml;
}

/** The document's length in characters, without copying its text. */
export function documentLength(document: vscode.TextDocument): number {
  if (document.lineCount === 0) return 0;
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * Parses each document once per version and shares the result between diagnostics, hover and
 * code actions. Files that are not YAML or JSON are never parsed.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** The workspace's templates (src/vscode/workspace.ts), for buildspec and AppSpec rules that need them; unset when scanning is off. */
  workspace: WorkspaceIndex | undefined;

  static isCandidate(document: vscode.TextDocument): boolean {
    return LANGUAGES.has(document.languageId);
  }

  get(document: vscode.TextDocument): CacheEntry | undefined {
    if (!DocumentCache.isCandidate(document)) return undefined;
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached;
    const doc = parse(document.getText(), document.uri.path);
    const entry: CacheEntry = { version: document.version, doc, detection: detectKind(document.uri.path, doc.tree) };
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * The lint result if this version is already parsed (code actions use it: while the user
   * types they get nothing until the debounced lint has run, instead of a lint per keystroke).
   */
  lintIfParsed(document: vscode.TextDocument, settings: Settings, onRuleError: (id: string, e: unknown) => void): LintResult | undefined {
    const cached = this.entries.get(document.uri.toString());
    if (!cached || cached.version !== document.version) return undefined;
    return this.lint(document, settings, onRuleError);
  }

  /**
   * The lint result for this version and these settings, computed at most once. Undefined above
   * the large-file limit, whoever asks: a hover parses such a document, and nothing may then lint it.
   */
  lint(document: vscode.TextDocument, settings: Settings, onRuleError: (id: string, e: unknown) => void): LintResult | undefined {
    if (documentLength(document) > largeDocumentLimit(document)) return undefined;
    const entry = this.get(document);
    if (!entry) return undefined;
    const linked = entry.detection.kind === 'buildspec' || entry.detection.kind === 'appspec' ? this.workspace : undefined;
    const key = `${settings.lang}|${JSON.stringify(settings.rules)}|${linked ? linked.version : '-'}`;
    if (entry.lint?.key === key) return entry.lint.result;
    const result = lint(entry.doc, { lang: settings.lang, rules: settings.rules, onRuleError, workspace: linked }, entry.detection);
    entry.lint = { key, result };
    return result;
  }

  /** The kind detected for an open document's current version (without parsing it again), if cached. */
  kindOf(document: vscode.TextDocument): Detection['kind'] | undefined {
    return this.entries.get(document.uri.toString())?.detection.kind;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }
}

import * as vscode from 'vscode';
import { detectKind, lint, parse, type Detection, type LintResult, type ParsedDocument, type WorkspaceIndex } from '../engine';
import type { Settings } from './settings';

interface CacheEntry {
  version: number;
  doc: ParsedDocument;
  detection: Detection;
  lint?: { key: string; result: LintResult };
}

const LANGUAGES = new Set(['yaml', 'json', 'jsonc']);

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

  /** The lint result for this version and these settings, computed at most once. */
  lint(document: vscode.TextDocument, settings: Settings, onRuleError: (id: string, e: unknown) => void): LintResult | undefined {
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

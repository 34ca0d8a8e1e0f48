import * as vscode from 'vscode';
import type { Finding } from '../engine';
import { DocumentCache, documentLength, largeDocumentLimit } from './documents';
import { logError, outputChannel } from './log';
import type { Settings } from './settings';
import { failIfArmed } from './test-hooks';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The longest wait after a keystroke, however slow the last lint was. */
const MAX_DEBOUNCE_MS = 3000;

export function toRange(finding: Finding): vscode.Range {
  return new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
}

/** A finding as a diagnostic: source `iac-notes`, code the rule id linked to the note's AWS page. */
export function toDiagnostic(finding: Finding, docsUrl: (note: string) => string | undefined): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'iac-notes';
  const url = finding.note ? docsUrl(finding.note) : undefined;
  diagnostic.code = url ? { value: finding.ruleId, target: vscode.Uri.parse(url) } : finding.ruleId;
  return diagnostic;
}

/**
 * Keeps the "iac-notes" diagnostics of open documents current: at once when a document opens,
 * debounced while the user types (a newer keystroke cancels the pending run), cleared on close.
 * The debounce grows with the document: never less than twice its last lint, so typing in a
 * 10,000-line template is not interrupted by a lint after every short pause. Documents above
 * their format's LARGE_DOCUMENT_CHARS get no diagnostics (notes on hover only) and one status-bar message.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('iac-notes');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long the last lint of each document took (ms), for the debounce. */
  private readonly lastLintMs = new Map<string, number>();
  /** Documents already told about the large-file policy (one status message each). */
  private readonly toldLarge = new Set<string>();

  constructor(private readonly cache: DocumentCache, private readonly settings: () => Settings, private readonly docsUrl: (note: string) => string | undefined) {}

  schedule(document: vscode.TextDocument, immediately = false): void {
    if (!DocumentCache.isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = immediately ? 0 : Math.min(MAX_DEBOUNCE_MS, Math.max(this.settings().debounceMs, 2 * (this.lastLintMs.get(key) ?? 0)));
    const version = document.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (document.isClosed || document.version !== version) return;
      this.refresh(document);
    }, delay));
  }

  refresh(document: vscode.TextDocument): void {
    try {
      failIfArmed('diagnostics');
      const settings = this.settings();
      if (!settings.lintEnabled) { this.collection.delete(document.uri); return; }
      const size = documentLength(document);
      const limit = largeDocumentLimit(document);
      if (size > limit) { this.largeDocument(document, size, limit, settings); return; }
      const t0 = Date.now();
      const result = this.cache.lint(document, settings, (id, error) => logError(`rule ${id} on ${document.uri.path}`, error));
      this.lastLintMs.set(document.uri.toString(), Date.now() - t0);
      if (!result || result.kind === 'none') { this.collection.delete(document.uri); return; }
      this.collection.set(document.uri, result.findings.map((f) => toDiagnostic(f, this.docsUrl)));
    } catch (error) {
      logError(`lint ${document.uri.path}`, error);
      this.collection.delete(document.uri);
    }
  }

  /** No diagnostics, and once per document a status-bar message (never a popup) saying why. */
  private largeDocument(document: vscode.TextDocument, size: number, limitChars: number, settings: Settings): void {
    this.collection.delete(document.uri);
    const key = document.uri.toString();
    if (this.toldLarge.has(key)) return;
    this.toldLarge.add(key);
    const name = document.uri.path.split('/').pop() ?? document.uri.path;
    const kb = Math.round(size / 1024);
    const limit = Math.round(limitChars / 1024);
    const message = settings.lang === 'ja'
      ? `IaC Notes: ${name} は ${kb} KB あるため診断を省略しています（上限 ${limit} KB）。ホバーのノートは表示されます。`
      : `IaC Notes: ${name} is ${kb} KB, so it gets no diagnostics (limit ${limit} KB); notes still show on hover.`;
    vscode.window.setStatusBarMessage(message, 15_000);
    outputChannel().appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  clear(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    this.lastLintMs.delete(document.uri.toString());
    this.toldLarge.delete(document.uri.toString());
    this.collection.delete(document.uri);
    this.cache.forget(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
  }
}

import * as vscode from 'vscode';
import type { Finding } from '../engine';
import { DocumentCache } from './documents';
import { logError } from './log';
import type { Settings } from './settings';
import { failIfArmed } from './test-hooks';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(finding: Finding): vscode.Range {
  return new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
}

/**
 * Keeps the "iac-notes" diagnostics of open documents current: at once when a document opens,
 * debounced while the user types (a newer keystroke cancels the pending run), cleared on close.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('iac-notes');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly cache: DocumentCache, private readonly settings: () => Settings, private readonly docsUrl: (note: string) => string | undefined) {}

  schedule(document: vscode.TextDocument, immediately = false): void {
    if (!DocumentCache.isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = immediately ? 0 : this.settings().debounceMs;
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
      const result = this.cache.lint(document, settings, (id, error) => logError(`rule ${id} on ${document.uri.path}`, error));
      if (!result || result.kind === 'none') { this.collection.delete(document.uri); return; }
      this.collection.set(document.uri, result.findings.map((f) => this.toDiagnostic(f)));
    } catch (error) {
      logError(`lint ${document.uri.path}`, error);
      this.collection.delete(document.uri);
    }
  }

  private toDiagnostic(finding: Finding): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = 'iac-notes';
    const url = finding.note ? this.docsUrl(finding.note) : undefined;
    diagnostic.code = url ? { value: finding.ruleId, target: vscode.Uri.parse(url) } : finding.ruleId;
    return diagnostic;
  }

  clear(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    this.collection.delete(document.uri);
    this.cache.forget(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
  }
}

import * as vscode from 'vscode';
import { PARSE_ERROR_ID, type Finding } from '../engine';
import { DocumentCache } from './documents';
import { toRange } from './diagnostics';
import { guarded, logError } from './log';
import type { Settings } from './settings';
import { failIfArmed } from './test-hooks';

/** The rule id of one of our diagnostics (its code, plain or with the note's link). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** "Open note: <id>" for a diagnostic, in the display language. */
export function openNoteAction(note: string, diagnostic: vscode.Diagnostic, lang: 'en' | 'ja'): vscode.CodeAction {
  const open = new vscode.CodeAction(lang === 'ja' ? `ノートを開く: ${note}` : `Open note: ${note}`, vscode.CodeActionKind.QuickFix);
  open.command = { command: 'iacNotes.openNote', title: 'Open note', arguments: [note] };
  open.diagnostics = [diagnostic];
  return open;
}

/**
 * For each IaC Notes diagnostic: the rule's quick fixes (the preferred one first), "Open note",
 * and "Disable RULE for this line / file" (YAML comments; JSON has none).
 */
export class NotesCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly cache: DocumentCache, private readonly settings: () => Settings) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return guarded(`code actions ${document.uri.path}`, [], () => {
      failIfArmed('codeActions');
      const ours = context.diagnostics.filter((d) => d.source === 'iac-notes');
      if (ours.length === 0) return [];
      const settings = this.settings();
      const result = this.cache.lintIfParsed(document, settings, (id, e) => logError(`rule ${id}`, e));
      if (!result) return [];
      const lang = settings.lang === 'both' ? 'en' : settings.lang;
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours) {
        const ruleId = ruleIdOf(diagnostic);
        const finding = result.findings.find((f) => f.ruleId === ruleId && toRange(f).isEqual(diagnostic.range));
        if (!finding) continue;
        actions.push(...this.fixes(document, finding, diagnostic, lang));
        if (finding.note) actions.push(openNoteAction(finding.note, diagnostic, lang));
        if (result.doc.format === 'yaml' && finding.ruleId !== PARSE_ERROR_ID) actions.push(...this.disables(document, finding, diagnostic, lang));
      }
      return actions;
    });
  }

  private fixes(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, lang: 'en' | 'ja'): vscode.CodeAction[] {
    return finding.fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title[lang], vscode.CodeActionKind.QuickFix);
      const edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
      }
      action.edit = edit;
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred ?? false;
      return action;
    });
  }

  private disables(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, lang: 'en' | 'ja'): vscode.CodeAction[] {
    const line = document.lineAt(finding.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const forLine = new vscode.CodeAction(lang === 'ja' ? `${finding.ruleId} をこの行で無効にする` : `Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    forLine.edit = new vscode.WorkspaceEdit();
    forLine.edit.insert(document.uri, new vscode.Position(line.lineNumber, 0), `${indent}# iac-notes-disable-next-line ${finding.ruleId}${eol}`);
    forLine.diagnostics = [diagnostic];
    const forFile = new vscode.CodeAction(lang === 'ja' ? `${finding.ruleId} をこのファイルで無効にする` : `Disable ${finding.ruleId} for this file`, vscode.CodeActionKind.QuickFix);
    forFile.edit = new vscode.WorkspaceEdit();
    forFile.edit.insert(document.uri, new vscode.Position(0, 0), `# iac-notes-disable ${finding.ruleId}${eol}`);
    forFile.diagnostics = [diagnostic];
    return [forLine, forFile];
  }
}

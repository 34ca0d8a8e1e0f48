import * as vscode from 'vscode';
import { checkWorkspaceFile, workspaceChecks, workspaceCheckDirectories, type FileFinding } from '../engine';
import { openNoteAction, ruleIdOf } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { guarded, logError } from './log';
import type { Settings } from './settings';
import { failIfArmed } from './test-hooks';

const CHECK_IDS = new Set(workspaceChecks.map((check) => check.meta.id));

/** The workspace checks' findings on one file, with the user's language and rule overrides. */
function findingsFor(uri: vscode.Uri, settings: Settings): FileFinding[] {
  return checkWorkspaceFile(uri.path, { lang: settings.lang, rules: settings.rules }).findings;
}

/**
 * The diagnostics of the workspace checks (EB007) on the files the workspace scan lists in
 * `.ebextensions` folders: set without opening the files, in a collection of their own (the
 * per-document lint clears its own when such a file opens or closes). Recomputed from the list on
 * every change of it or of the settings; empty when the list is (scanning off) or lint is off.
 */
export class WorkspaceFileDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('iac-notes-workspace-files');

  constructor(
    private readonly files: () => Iterable<vscode.Uri>,
    private readonly settings: () => Settings,
    private readonly docsUrl: (note: string) => string | undefined,
  ) {}

  refresh(): void {
    this.collection.clear();
    const settings = this.settings();
    if (!settings.lintEnabled) return;
    const entries: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
    for (const uri of this.files()) {
      try {
        const findings = findingsFor(uri, settings);
        if (findings.length > 0) entries.push([uri, findings.map((f) => toDiagnostic(f, this.docsUrl))]);
      } catch (error) {
        logError(`workspace checks on ${uri.path}`, error);
      }
    }
    this.collection.set(entries);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/**
 * Quick fixes for the workspace checks' diagnostics: "Rename to xxx.config" (a file rename, not
 * offered when that name is taken) and "Open note". Registered for `.ebextensions/*` files
 * whatever their language, so it never runs on other documents.
 */
export class WorkspaceFileCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  static readonly selector: vscode.DocumentSelector = workspaceCheckDirectories().map((directory) => ({ pattern: `**/${directory}/*` }));

  constructor(private readonly settings: () => Settings, private readonly exists: (uri: vscode.Uri) => boolean) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return guarded(`code actions ${document.uri.path}`, [], () => {
      failIfArmed('codeActions');
      const ours = context.diagnostics.filter((d) => d.source === 'iac-notes' && CHECK_IDS.has(ruleIdOf(d)));
      if (ours.length === 0) return [];
      const settings = this.settings();
      const lang = settings.lang === 'both' ? 'en' : settings.lang;
      const findings = findingsFor(document.uri, settings);
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours) {
        const finding = findings.find((f) => f.ruleId === ruleIdOf(diagnostic));
        if (!finding) continue;
        const target = finding.suggested ? vscode.Uri.joinPath(document.uri, '..', finding.suggested) : undefined;
        if (finding.suggested && target && !this.exists(target)) {
          const rename = new vscode.CodeAction(lang === 'ja' ? `${finding.suggested} に名前を変更` : `Rename to ${finding.suggested}`, vscode.CodeActionKind.QuickFix);
          rename.edit = new vscode.WorkspaceEdit();
          rename.edit.renameFile(document.uri, target, { overwrite: false });
          rename.diagnostics = [diagnostic];
          rename.isPreferred = true;
          actions.push(rename);
        }
        actions.push(openNoteAction(finding.note, diagnostic, lang));
      }
      return actions;
    });
  }
}

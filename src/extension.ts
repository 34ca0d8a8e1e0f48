import * as vscode from 'vscode';
import { getKnowledge } from './engine';
import { NotesCodeActionProvider } from './vscode/code-actions';
import { DiagnosticsController } from './vscode/diagnostics';
import { DocumentCache } from './vscode/documents';
import { NotesHoverProvider } from './vscode/hover';
import { guarded, guardedHandler, logError, loggedFailures, outputChannel } from './vscode/log';
import { armFailure, disarmFailure } from './vscode/test-hooks';
import { lookUpNote } from './vscode/lookup';
import { NOTE_SCHEME, NoteContentProvider, openNote } from './vscode/notes';
import { readSettings, type Settings } from './vscode/settings';
import { configureYamlCustomTags } from './vscode/yaml-tags';
import { WorkspaceScanner } from './vscode/workspace';
import { WorkspaceFileCodeActionProvider, WorkspaceFileDiagnostics } from './vscode/workspace-files';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }];

/**
 * Wires the engine to VS Code. Activation is cheap: the knowledge base is indexed on first use,
 * and only YAML/JSON documents are ever parsed; files that are not templates, buildspecs or
 * appspecs get no diagnostics.
 */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  let settings: Settings = readSettings();
  const current = () => settings;
  const cache = new DocumentCache();
  const docsUrl = (note: string) => getKnowledge().get(note)?.docs[0]?.url;
  const diagnostics = new DiagnosticsController(cache, current, docsUrl);
  const notes = new NoteContentProvider(current);
  // The workspace's templates, so buildspecs and AppSpecs find their project / deployment group.
  const scanner = new WorkspaceScanner();
  // EB007 on the `.ebextensions` files the scan lists, without opening them.
  const fileDiagnostics = new WorkspaceFileDiagnostics(() => scanner.namedFiles(), current, docsUrl);
  const relintLinked = () => {
    cache.workspace = scanner.active ? scanner.index : undefined;
    for (const document of vscode.workspace.textDocuments) {
      const kind = cache.kindOf(document);
      if (kind === 'buildspec' || kind === 'appspec') diagnostics.schedule(document, true);
    }
  };

  context.subscriptions.push(
    diagnostics,
    notes,
    scanner,
    scanner.onDidChange(relintLinked),
    fileDiagnostics,
    scanner.onDidChangeNamedFiles(guardedHandler('workspace files', () => fileDiagnostics.refresh())),
    vscode.workspace.onDidChangeWorkspaceFolders(guardedHandler('workspace folders', () => { void scanner.refresh().then(relintLinked, (error) => logError('workspace scan', error)); })),
    vscode.workspace.registerTextDocumentContentProvider(NOTE_SCHEME, notes),
    vscode.languages.registerHoverProvider(SELECTOR, new NotesHoverProvider(cache, current)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new NotesCodeActionProvider(cache, current), {
      providedCodeActionKinds: NotesCodeActionProvider.kinds,
    }),
    vscode.languages.registerCodeActionsProvider(WorkspaceFileCodeActionProvider.selector, new WorkspaceFileCodeActionProvider(current, (uri) => scanner.hasNamedFile(uri)), {
      providedCodeActionKinds: WorkspaceFileCodeActionProvider.kinds,
    }),
    vscode.commands.registerCommand('iacNotes.openNote', (id: unknown) => guardedCommand('openNote', () => openNote(String(id)))),
    vscode.commands.registerCommand('iacNotes.lookUpNote', () => guardedCommand('lookUpNote', () => lookUpNote(current, openNote))),
    vscode.commands.registerCommand('iacNotes.showOutput', () => guardedCommand('showOutput', async () => outputChannel().show())),
    vscode.commands.registerCommand('iacNotes.configureYamlCustomTags', () => guardedCommand('configureYamlCustomTags', configureYamlCustomTags)),
    vscode.workspace.onDidOpenTextDocument(guardedHandler('open document', (document: vscode.TextDocument) => diagnostics.schedule(document, true))),
    vscode.workspace.onDidChangeTextDocument(guardedHandler('change document', (event: vscode.TextDocumentChangeEvent) => {
      if (event.contentChanges.length > 0) diagnostics.schedule(event.document);
    })),
    vscode.workspace.onDidCloseTextDocument(guardedHandler('close document', (document: vscode.TextDocument) => diagnostics.clear(document))),
    vscode.workspace.onDidChangeConfiguration(guardedHandler('settings', (event: vscode.ConfigurationChangeEvent) => {
      if (!event.affectsConfiguration('iacNotes')) return;
      if (event.affectsConfiguration('iacNotes.workspace.scan')) void scanner.refresh().then(relintLinked);
      settings = readSettings();
      notes.refresh();
      fileDiagnostics.refresh();
      for (const document of vscode.workspace.textDocuments) diagnostics.schedule(document, true);
    })),
  );
  for (const document of vscode.workspace.textDocuments) guarded('open document', undefined, () => diagnostics.schedule(document, true));
  // Scanned after activation, off the critical path; open buildspecs/AppSpecs are linted again when it ends.
  void scanner.refresh().then(relintLinked, (error) => logError('workspace scan', error));
  return context.extensionMode === vscode.ExtensionMode.Test ? testApi() : undefined;
}

/** What the integration tests may reach (test mode only): failure injection and the log. */
export interface TestApi {
  armFailure: typeof armFailure;
  disarmFailure: typeof disarmFailure;
  loggedFailures: typeof loggedFailures;
  /** Popups (error, warning, information messages) the extension itself has shown. */
  popups(): number;
}

function testApi(): TestApi {
  let popups = 0;
  const window = vscode.window as unknown as Record<string, unknown>;
  for (const name of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
    const original = window[name] as (...args: unknown[]) => unknown;
    try {
      window[name] = (...args: unknown[]) => { popups++; return original.apply(vscode.window, args); };
    } catch {
      // A frozen API object: the count stays 0, and the source has no such call (isolation test).
    }
  }
  return { armFailure, disarmFailure, loggedFailures, popups: () => popups };
}

async function guardedCommand(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    logError(`command ${name}`, error);
  }
}

export function deactivate(): void {}

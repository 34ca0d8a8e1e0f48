import * as vscode from 'vscode';
import { notePage } from '../engine';
import type { Settings } from './settings';
import { guarded } from './log';
import { failIfArmed } from './test-hooks';

export const NOTE_SCHEME = 'iac-notes';

/** `command:iacNotes.openNote?["sqs.visibility-timeout"]`, for links in hovers and note pages. */
export function openNoteLink(id: string): string {
  return `command:iacNotes.openNote?${encodeURIComponent(JSON.stringify([id]))}`;
}

export function noteUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/${id}.md` });
}

/** Serves each note as a read-only Markdown document, rendered in the chosen language. */
export class NoteContentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();

  constructor(private readonly settings: () => Settings) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    this.open.add(uri.toString());
    return guarded(`note ${id}`, `# ${id}\n\nThis note could not be shown: see the "IaC Notes" output.`, () => {
      failIfArmed('noteContent');
      return notePage(id, this.settings().lang, { openNoteLink }) ?? `# ${id}\n\nNo note has this id.`;
    });
  }

  /** Re-renders open notes, e.g. after the language setting changed. */
  refresh(): void {
    for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens a note rendered in the Markdown preview; without the Markdown extension, as text. */
export async function openNote(id: string): Promise<void> {
  failIfArmed('openNote');
  const uri = noteUri(id);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}

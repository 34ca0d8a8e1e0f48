import * as vscode from 'vscode';
import { hover } from '../engine';
import { DocumentCache } from './documents';
import { guarded } from './log';
import { openNoteLink } from './notes';
import type { Settings } from './settings';
import { failIfArmed } from './test-hooks';

/** Shows the notes attached under the cursor; links may run only the extension's own note command. */
export class NotesHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: DocumentCache, private readonly settings: () => Settings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    return guarded(`hover ${document.uri.path}`, undefined, () => {
      failIfArmed('hover');
      const settings = this.settings();
      if (!settings.hoverEnabled) return undefined;
      const entry = this.cache.get(document);
      if (!entry || entry.detection.kind === 'none') return undefined;
      const offset = entry.doc.lines.offsetAt({ line: position.line, character: position.character });
      const result = hover(entry.doc, offset, { lang: settings.lang, openNoteLink }, entry.detection);
      if (!result) return undefined;
      const markdown = new vscode.MarkdownString(result.markdown);
      markdown.isTrusted = { enabledCommands: ['iacNotes.openNote'] };
      markdown.supportHtml = false;
      const start = entry.doc.lines.positionAt(result.start);
      const end = entry.doc.lines.positionAt(result.end);
      return new vscode.Hover(markdown, new vscode.Range(start.line, start.character, end.line, end.character));
    });
  }
}

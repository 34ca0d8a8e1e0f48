import * as vscode from 'vscode';
import { lookup } from '../engine';
import { prepareLookup } from '../engine/lookup';
import { logError } from './log';
import type { Settings } from './settings';
import { failIfArmed } from './test-hooks';

interface NoteItem extends vscode.QuickPickItem {
  id: string;
}

/**
 * "IaC Notes: Look Up Note…": searches every note in both languages as the user types. The
 * engine ranks; VS Code's own label filter is bypassed (`alwaysShow`) so a Japanese query can
 * find an English title and the other way round.
 */
export async function lookUpNote(settings: () => Settings, open: (id: string) => Promise<void>): Promise<void> {
  failIfArmed('lookUpNote');
  const lang = settings().lang === 'ja' ? 'ja' : 'en';
  const other = lang === 'ja' ? 'en' : 'ja';
  const pick = vscode.window.createQuickPick<NoteItem>();
  pick.placeholder = lang === 'ja' ? 'ノートを検索（例: 可視性、visibility、hook order、400KB）' : 'Search the notes (e.g. visibility, 可視性, hook order, 400KB)';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const update = (query: string) => {
    try {
      pick.items = lookup(query, { limit: 50 }).map((hit) => ({
        id: hit.id,
        label: hit.title[lang],
        description: `${hit.title[other]} · ${hit.id}`,
        detail: hit.summary[lang],
        alwaysShow: true,
      }));
    } catch (error) {
      logError('lookup', error);
      pick.items = [];
    }
  };
  update('');
  // The index is built in chunks while the picker is open; a query typed before it is ready
  // waits for it (the picker shows as busy) instead of freezing the editor.
  let ready = false;
  const preparing = prepareLookup().then(() => { ready = true; }, (error) => { ready = true; logError('lookup index', error); });
  pick.onDidChangeValue((value) => {
    if (ready) { update(value); return; }
    pick.busy = true;
    void preparing.then(() => {
      pick.busy = false;
      if (pick.value === value) update(value);
    });
  });
  const chosen = await new Promise<NoteItem | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (chosen) await open(chosen.id);
}

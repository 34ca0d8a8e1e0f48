/**
 * The engine's public calls. Pure TypeScript: no `vscode`, no file system, so the same code
 * serves the editor, the CLI, tests and (later) a web worker.
 */
export { parse, MAX_DOCUMENT_CHARS, type ParsedDocument } from './parse';
export { detectKind, type Detection } from './detect';
export { lint, lintText, effectiveSeverity, PARSE_ERROR_ID, type Finding, type LintOptions, type LintResult } from './lint';
export { hover, type HoverOptions, type HoverResult } from './hover';
export { lookup, type LookupHit } from './lookup';
export { getKnowledge, Knowledge, type NoteEntry } from './knowledge';
export { renderNotePage } from './render';
export { rules, ruleById, ruleMetaById, listedRules, workspaceChecks, isWorkspaceCheck } from './rules/registry';
export { checkWorkspaceFile, workspaceCheckDirectories, type FileFinding, type FileCheckOptions, type FileCheckResult } from './workspace-files';
export { WorkspaceIndex, type WorkspaceLinks } from './workspace';
export { langFromEnv, pick } from './messages';
export type * from './types';

import { getKnowledge } from './knowledge';
import { renderNotePage, type LinkOptions } from './render';
import { noteContext } from './note-context';
import { listedRules } from './rules/registry';
import type { DisplayLang } from './types';

/** The full page of a note with what surrounds it: related notes and the rules that cite it. */
export function notePage(id: string, lang: DisplayLang, options: LinkOptions = {}): string | undefined {
  const knowledge = getKnowledge();
  const entry = knowledge.get(id);
  if (!entry) return undefined;
  return renderNotePage(entry, lang, noteContext(entry, knowledge, listedRules), options);
}

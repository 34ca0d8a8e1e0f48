import { getKnowledge, type Knowledge } from './knowledge';
import { effectiveSeverity, type Finding } from './lint';
import { pick } from './messages';
import { workspaceChecks } from './rules/registry';
import type { DisplayLang, SeverityOverride } from './types';

/** A workspace check's finding as a lint finding at line 1, column 1 of the file (an empty range). */
export interface FileFinding extends Finding {
  /** The file name (not path) the file should have, for a rename quick fix. */
  suggested?: string;
}

export interface FileCheckOptions {
  lang?: DisplayLang;
  /** Per-rule severity overrides (`iacNotes.rules`, `--rule`). */
  rules?: Record<string, SeverityOverride>;
  knowledge?: Knowledge;
}

export interface FileCheckResult {
  /**
   * A workspace check recognised the file as one it judges (e.g. a wrong-named `.ebextensions`
   * file), whether or not its rule is on: it is not a template, so the CLI does not lint it as one.
   */
  claimed: boolean;
  findings: FileFinding[];
}

/**
 * Runs the workspace checks (EB007) on one file path (either separator), by its name alone: the
 * file is never read. The CLI's directory walk and the editor's workspace scan call this for the
 * files of the checks' directories; `--rule` / `iacNotes.rules` overrides apply as in lint.
 */
export function checkWorkspaceFile(filePath: string, options: FileCheckOptions = {}): FileCheckResult {
  const knowledge = options.knowledge ?? getKnowledge();
  const lang = options.lang ?? 'en';
  const result: FileCheckResult = { claimed: false, findings: [] };
  for (const check of workspaceChecks) {
    const found = check.check(filePath, knowledge);
    if (!found) continue;
    result.claimed = true;
    const severity = effectiveSeverity(check, options.rules);
    if (!severity) continue;
    const at = { line: 0, character: 0 };
    result.findings.push({
      ruleId: found.ruleId,
      severity,
      message: pick(found.messages, lang),
      messages: found.messages,
      note: found.note,
      path: [],
      start: 0,
      end: 0,
      range: { start: at, end: at },
      fixes: [],
      ...(found.suggested ? { suggested: found.suggested } : {}),
    });
  }
  return result;
}

/** The folder names whose direct children the workspace checks look at (`.ebextensions`). */
export function workspaceCheckDirectories(): string[] {
  return [...new Set(workspaceChecks.map((check) => check.directory))];
}

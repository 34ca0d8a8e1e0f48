import type { Knowledge } from '../knowledge';
import type { ParsedDocument } from '../parse';
import type { Node } from '../parse/tree';
import type { TemplateModel } from '../model/template';
import type { WorkspaceLinks } from '../workspace';
import type { Bilingual, FileKind, Fix, Path, Severity } from '../types';

/** A rule's metadata: data, read by the registry, the README table, the CLI and the editor. */
export interface RuleMeta {
  /** Public, stable id from spec/notes-map.md §3 (e.g. `SQS006`). */
  id: string;
  severity: Severity;
  kinds: readonly FileKind[];
  title: Bilingual;
  /** The knowledge entry the rule cites; its hover and "Open note" link. */
  note: string;
  /** Message templates; `{name}` placeholders are filled from a report's `data`. */
  messages: Record<string, Bilingual>;
  /** Off unless the user turns it on (`iacNotes.rules`, `--rule`). Defaults to on. */
  enabledByDefault?: boolean;
  /**
   * Every resource type the rule reads (CloudFormation and SAM rules). A rule reports only about
   * resources of these types and what hangs off them (their SAM Globals, their roles), so on a
   * template with none of them it cannot report, and lint does not run it: most templates hold a
   * handful of types, and the untouched rules were most of a small template's lint time (issue 7).
   * A test runs every skipped rule anyway on the corpus and the fixtures and expects silence.
   * Absent: the rule reads the template as a whole and always runs.
   */
  resourceTypes?: readonly string[];
}

export type MessageData = Record<string, string | number>;

/** What a rule reports: a path, never a line number; the engine maps it to a range. */
export interface Report {
  path: Path;
  messageId: string;
  data?: MessageData;
  /**
   * Which part of the node at `path` to underline: the key (default for maps, lists and
   * missing values) or the value (default for scalars).
   */
  target?: 'key' | 'value';
  /** Lower than the rule's severity when only some candidates of a value violate (spec §2.1). */
  downgrade?: boolean;
  fixes?: Fix[];
}

export interface RuleContext {
  doc: ParsedDocument;
  kind: FileKind;
  root: Node;
  knowledge: Knowledge;
  /** The template model, for CloudFormation and SAM files. */
  template?: TemplateModel;
  /** The day to judge dates against (YYYY-MM-DD, UTC): LintOptions.today, else today. */
  today: string;
  /**
   * The files this buildspec or AppSpec is linked to (spec §2.1 linking table): the workspace's
   * answer, or the enclosing project of an inline buildspec. Absent when there is no workspace;
   * each answer is undefined when ambiguous. Rules that need it say nothing without it.
   */
  links?: WorkspaceLinks;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** What a workspace check finds about one file (it sits at line 1 of that file). */
export interface WorkspaceFinding {
  ruleId: string;
  severity: Severity;
  messages: Bilingual;
  note: string;
  /** The name the file should have, for a rename quick fix. */
  suggested?: string;
}

/**
 * A check of a workspace file by its path alone, not a per-file rule: the file is none of the
 * four kinds (so `meta.kinds` is empty and lint never runs it) and is never read. The CLI's walk
 * and the editor's workspace scan list the direct children of `directory` and call `check` on
 * each path; `checkWorkspaceFile` (engine) applies the user's severity overrides.
 */
export interface WorkspaceCheck {
  meta: RuleMeta;
  /** The folder name whose direct children the check looks at (e.g. `.ebextensions`). */
  directory: string;
  check(filePath: string, knowledge: Knowledge): WorkspaceFinding | undefined;
}

/**
 * A rule of spec/notes-map.md §3 that is deliberately not implemented, with the reason the README
 * table shows. Each service folder may export `skipped: SkippedRule[]` from `skipped.ts`.
 */
export interface SkippedRule {
  id: string;
  title: string;
  reason: string;
}

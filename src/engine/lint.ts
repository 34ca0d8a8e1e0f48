import { getKnowledge, type Knowledge } from './knowledge';
import { parse, type ParsedDocument } from './parse';
import { spanOfPath } from './parse/locate';
import { detectKind, type Detection } from './detect';
import { TemplateModel } from './model/template';
import { formatBoth, pick } from './messages';
import { rules as allRules } from './rules/registry';
import type { Rule, RuleContext, RuleMeta, Report } from './rules/types';
import { Suppressions } from './suppress';
import { lintEmbedded } from './embedded-lint';
import type { WorkspaceIndex, WorkspaceLinks } from './workspace';
import type { Bilingual, DetectedKind, DisplayLang, FileKind, Fix, Path, Range, Severity, SeverityOverride } from './types';

export interface LintOptions {
  lang?: DisplayLang;
  /** Per-rule severity overrides (`iacNotes.rules`, `--rule`). */
  rules?: Record<string, SeverityOverride>;
  knowledge?: Knowledge;
  /** Called when a rule throws; the rule's findings are dropped and linting goes on. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * The day rules judge dates against (YYYY-MM-DD, UTC), e.g. Lambda runtime deprecation;
   * defaults to today. Tests pin it so a fixture does not change verdict as the calendar moves.
   */
  today?: string;
  /**
   * The workspace's templates, for rules that need the CodeBuild project of a buildspec or the
   * deployment group of an AppSpec (BUILDSPEC009/010, APPSPEC013). Without it they say nothing.
   */
  workspace?: WorkspaceIndex;
  /** Links given directly instead of through `workspace` (the project around an inline buildspec). */
  links?: WorkspaceLinks;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  messages: Bilingual;
  /** The knowledge id the rule cites ('' for parse errors). */
  note: string;
  path: Path;
  start: number;
  end: number;
  range: Range;
  fixes: Fix[];
}

export interface LintResult {
  kind: DetectedKind;
  reason: string;
  findings: Finding[];
  doc: ParsedDocument;
}

/** The id of the single finding a syntax error produces (not a rule: it cannot be turned off). */
export const PARSE_ERROR_ID = 'PARSE';

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

/**
 * The rules of one file kind, sorted out once rather than on every lint: those that always run,
 * and those gated by resource type (`RuleMeta.resourceTypes`) indexed by type, so a lint touches
 * only the rules of the types its template holds (issue 7: on a small template most of the rule
 * set is for services it does not use).
 */
interface KindPlan {
  rules: Rule[];
  order: Map<Rule, number>;
  byType: Map<string, Rule[]>;
  /** The answer of `rulesToRun` per set of types: a document re-linted while typing asks again. */
  picked: Map<string, Rule[]>;
}

const plans = new Map<FileKind, KindPlan>();

function planFor(kind: FileKind): KindPlan {
  let plan = plans.get(kind);
  if (plan) return plan;
  const rules = allRules.filter((rule) => rule.meta.kinds.includes(kind));
  plan = { rules, order: new Map(rules.map((rule, index) => [rule, index])), byType: new Map(), picked: new Map() };
  for (const rule of rules) {
    for (const type of rule.meta.resourceTypes ?? []) {
      const list = plan.byType.get(type);
      if (list) list.push(rule);
      else plan.byType.set(type, [rule]);
    }
  }
  plans.set(kind, plan);
  return plan;
}

/** The rules to run on this document, in registry order (so findings keep a stable order). */
function rulesToRun(plan: KindPlan, template: TemplateModel | undefined): Rule[] {
  if (!template) return plan.rules;
  const types = [...template.types()];
  const key = types.join('\n');
  const known = plan.picked.get(key);
  if (known) return known;
  const picked = new Set<Rule>();
  for (const rule of plan.rules) if (!rule.meta.resourceTypes) picked.add(rule);
  for (const type of types) for (const rule of plan.byType.get(type) ?? []) picked.add(rule);
  const list = [...picked].sort((a, b) => plan.order.get(a)! - plan.order.get(b)!);
  if (plan.picked.size >= 256) plan.picked.clear();
  plan.picked.set(key, list);
  return list;
}

/** Today as YYYY-MM-DD (UTC), formatted at most once a minute rather than on every lint. */
let day = { minute: -1, text: '' };

function todayUtc(): string {
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== day.minute) day = { minute, text: new Date(minute * 60_000).toISOString().slice(0, 10) };
  return day.text;
}

export function lintText(text: string, fileName: string, options: LintOptions = {}): LintResult {
  return lint(parse(text, fileName), options);
}

export function lint(doc: ParsedDocument, options: LintOptions = {}, detection: Detection = detectKind(doc.fileName, doc.tree)): LintResult {
  const lang = options.lang ?? 'en';
  const result: LintResult = { kind: detection.kind, reason: detection.reason, findings: [], doc };
  if (detection.kind === 'none') return result;
  if (doc.errors.length > 0 || !doc.tree) {
    result.findings.push(parseFinding(doc, lang));
    return result;
  }
  const kind = detection.kind;
  const knowledge = options.knowledge ?? getKnowledge();
  const template = kind === 'cloudformation' || kind === 'sam' ? new TemplateModel(doc) : undefined;
  const suppressions = new Suppressions(doc);
  const root = doc.tree;
  const today = options.today ?? todayUtc();
  const links = options.links ?? (kind === 'buildspec' || kind === 'appspec' ? options.workspace?.linksFor(doc.fileName) : undefined);

  let reports: Report[] = [];
  const context: RuleContext = { doc, kind, root, knowledge, template, today, links, report: (r) => reports.push(r) };
  for (const rule of rulesToRun(planFor(kind), template)) {
    const severity = effectiveSeverity(rule, options.rules);
    if (!severity) continue;
    reports = [];
    try {
      rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    for (const report of reports) {
      // A one-character span on a value missing at the very end of the file stops at the end.
      const found = spanOfPath(root, report.path, report.target);
      const end = Math.min(found.end, doc.text.length);
      const span = { start: Math.min(found.start, end), end };
      const range = { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) };
      if (suppressions.isSuppressed(rule.meta.id, range.start.line, report.path)) continue;
      const template = rule.meta.messages[report.messageId];
      if (!template) throw new Error(`${rule.meta.id}: no message "${report.messageId}"`);
      const messages = formatBoth(template, report.data);
      result.findings.push({
        ruleId: rule.meta.id,
        severity: report.downgrade ? LOWER[severity] : severity,
        message: pick(messages, lang),
        messages,
        note: rule.meta.note,
        path: report.path,
        start: span.start,
        end: span.end,
        range,
        fixes: report.fixes ?? [],
      });
    }
  }
  if (template) result.findings.push(...lintEmbedded(doc, template, suppressions, { ...options, lang, knowledge }));
  result.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return result;
}

/** The severity a rule runs at, or undefined when it is off. */
export function effectiveSeverity(rule: { meta: RuleMeta }, overrides?: Record<string, SeverityOverride>): Severity | undefined {
  const override = overrides?.[rule.meta.id];
  if (override === 'off') return undefined;
  if (override) return override;
  return rule.meta.enabledByDefault === false ? undefined : rule.meta.severity;
}

/** One finding for the first syntax error: a cascade of follow-on errors helps nobody. */
function parseFinding(doc: ParsedDocument, lang: DisplayLang): Finding {
  const error = doc.errors[0] ?? { message: 'The document is empty.', start: 0, end: 0 };
  const start = Math.min(error.start, doc.text.length);
  const end = Math.max(start, Math.min(error.end, doc.text.length));
  const more = doc.errors.length > 1 ? doc.errors.length - 1 : 0;
  const messages = {
    en: `${doc.format === 'json' ? 'JSON' : 'YAML'} syntax error: ${error.message}${more ? ` (and ${more} more)` : ''}. IaC Notes checks the file again once it parses.`,
    ja: `${doc.format === 'json' ? 'JSON' : 'YAML'} の構文エラー: ${error.message}${more ? `（ほか ${more} 件）` : ''}。構文が正しくなると IaC Notes が再チェックします。`,
  };
  return {
    ruleId: PARSE_ERROR_ID,
    severity: 'error',
    message: pick(messages, lang),
    messages,
    note: '',
    path: [],
    start,
    end,
    range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) },
    fixes: [],
  };
}

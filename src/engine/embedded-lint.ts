import type { ParsedDocument } from './parse';
import { spanOfPath } from './parse/locate';
import { embeddedBuildspecs, mapEdits, toTemplateRange } from './embedded';
import { lint, PARSE_ERROR_ID, type Finding, type LintOptions } from './lint';
import { pick } from './messages';
import type { TemplateModel } from './model/template';
import type { Suppressions } from './suppress';
import type { Fix } from './types';

/**
 * Runs the buildspec rules on each inline buildspec of a template and maps their findings into
 * the template: ranges through the offset map, paths under `…Source.BuildSpec` (so resource
 * `Metadata` suppressions apply), fixes re-encoded for the string's style or dropped. The
 * project around the buildspec is its link, so BUILDSPEC009/010 see its role and environment.
 */
export function lintEmbedded(doc: ParsedDocument, template: TemplateModel, suppressions: Suppressions, options: LintOptions): Finding[] {
  if (!doc.tree) return [];
  const out: Finding[] = [];
  const lang = options.lang ?? 'en';
  for (const embedded of embeddedBuildspecs(doc, template)) {
    const inner = lint(embedded.doc, { ...options, workspace: undefined, links: { project: () => embedded.project, deploymentGroup: () => undefined } }, {
      kind: 'buildspec',
      reason: `it is the inline buildspec of ${embedded.resource}`,
    });
    const fallback = spanOfPath(doc.tree, embedded.path, 'key');
    for (const finding of inner.findings) {
      const exact = embedded.map.exact;
      const { start, end } = exact ? toTemplateRange(embedded.map, finding.start, finding.end) : fallback;
      const range = { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) };
      const path = [...embedded.path, ...finding.path];
      if (suppressions.isSuppressed(finding.ruleId, range.start.line, path)) continue;
      let messages = finding.messages;
      if (finding.ruleId === PARSE_ERROR_ID) {
        messages = { en: `Inline buildspec of ${embedded.resource}: ${messages.en}`, ja: `${embedded.resource} のインライン buildspec: ${messages.ja}` };
      } else if (!exact) {
        const line = finding.range.start.line + 1;
        messages = { en: `${messages.en} (inline buildspec, line ${line})`, ja: `${messages.ja}（インライン buildspec の ${line} 行目）` };
      }
      const fixes: Fix[] = [];
      for (const fix of finding.fixes) {
        const edits = mapEdits(doc, embedded, fix.edits);
        if (edits) fixes.push({ ...fix, edits });
      }
      out.push({ ...finding, message: pick(messages, lang), messages, path, start, end, range, fixes });
    }
  }
  return out;
}

import { get, isMap, pairOf } from '../../parse/tree';
import { buildspecFacts, versionText } from '../../model/buildspec';
import { sourceOf } from '../../edits';
import type { Rule } from '../types';

/**
 * BUILDSPEC001: the buildspec `version` is missing or unknown. "version: Required mapping.
 * Represents the buildspec version. We recommend that you use 0.2"; 0.1 is still supported
 * (CodeBuild User Guide, "Build specification reference"). Anything else fails the build when the
 * buildspec is read. Versions: note `codebuild.buildspec` (values.versions).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC001',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'Missing or invalid buildspec version', ja: 'buildspec の version がない、または不正' },
    note: 'codebuild.buildspec',
    messages: {
      missing: {
        en: 'The buildspec needs `version: {recommended}`.',
        ja: 'buildspec には `version: {recommended}` が必要です。',
      },
      invalid: {
        en: 'The buildspec needs `version: {recommended}` (found `{value}`; CodeBuild knows {versions}).',
        ja: 'buildspec には `version: {recommended}` が必要です（現在: `{value}`。CodeBuild が扱えるのは {versions}）。',
      },
    },
  },
  check(context) {
    const root = context.root;
    if (!isMap(root)) return;
    const facts = buildspecFacts(context.knowledge);
    const data = { recommended: facts.recommendedVersion, versions: facts.versions.join(', ') };
    if (!pairOf(root, 'version')) {
      context.report({ path: ['version'], messageId: 'missing', data });
      return;
    }
    const node = get(root, 'version');
    const text = versionText(node);
    if (text !== undefined && facts.versions.includes(text)) return;
    context.report({
      path: ['version'],
      target: node ? 'value' : 'key',
      messageId: 'invalid',
      data: { ...data, value: node ? sourceOf(context.doc, node).trim() || '(empty)' : '(empty)' },
      fixes: node && node.type === 'scalar' && node.end > node.start
        ? [{ title: { en: `Set version to ${facts.recommendedVersion}`, ja: `version を ${facts.recommendedVersion} にする` }, edits: [{ start: node.start, end: node.end, newText: facts.recommendedVersion }], preferred: true }]
        : [],
    });
  },
};

export default rule;

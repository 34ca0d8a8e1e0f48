import { get, isMap, isScalar, isSeq, stringOf } from '../../parse/tree';
import { insertNested } from '../../edits';
import type { Fix } from '../../types';
import type { Rule } from '../types';

/**
 * SAM001: `AWS::Serverless::*` resources or a `Globals` section without
 * `Transform: AWS::Serverless-2016-10-31`. Without the transform CloudFormation doesn't know the
 * SAM types (or the Globals section) and rejects the template. Reported once per template, on the
 * first SAM resource's `Type` (or on `Globals`). The fix adds the transform: as a new top-level
 * key, or appended to an existing Transform (SAM last, after e.g. AWS::LanguageExtensions).
 * Source: AWS SAM Developer Guide, "AWS SAM template anatomy" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SAM001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'SAM types without the SAM transform', ja: 'SAM の Transform がない' },
    note: 'sam.template',
    messages: {
      missing: {
        en: 'Add `Transform: AWS::Serverless-2016-10-31`; without it CloudFormation does not know `{type}`.',
        ja: '`Transform: AWS::Serverless-2016-10-31` を追加してください。これがないと CloudFormation は `{type}` を認識できません。',
      },
    },
  },
  check(context) {
    const transform = String(context.knowledge.value('sam.template', 'transform'));
    const root = context.root;
    if (!isMap(root)) return;
    const current = get(root, 'Transform');
    const names = isScalar(current) ? [stringOf(current)] : isSeq(current) ? current.items.map((i) => stringOf(i)) : [];
    if (names.includes(transform)) return;
    const sam = context.template ? [...context.template.resources.values()].filter((r) => r.type.startsWith('AWS::Serverless::')) : [];
    const globals = get(root, 'Globals') !== undefined;
    if (sam.length === 0 && !globals) return;
    const types = [...new Set(sam.map((r) => r.type))];
    const fixes: Fix[] = [];
    const json = context.doc.format === 'json';
    const quoted = (s: string) => (json ? JSON.stringify(s) : s);
    if (current === undefined) {
      fixes.push({ title: { en: `Add Transform: ${transform}`, ja: `Transform: ${transform} を追加` }, edits: [insertNested(context.doc, root, ['Transform'], quoted(transform))], preferred: true });
    } else if (isScalar(current) && typeof current.value === 'string') {
      fixes.push({
        title: { en: `Add ${transform} to Transform`, ja: `Transform に ${transform} を追加` },
        edits: [{ start: current.start, end: current.end, newText: `[${quoted(current.value)}, ${quoted(transform)}]` }],
        preferred: true,
      });
    } else if (isSeq(current) && current.flow) {
      const close = context.doc.text.lastIndexOf(']', current.end);
      if (close > current.start) fixes.push({ title: { en: `Add ${transform} to Transform`, ja: `Transform に ${transform} を追加` }, edits: [{ start: close, end: close, newText: `${current.items.length ? ', ' : ''}${quoted(transform)}` }], preferred: true });
    }
    const path = sam.length ? [...sam[0].path, 'Type'] : ['Globals'];
    context.report({ path, target: sam.length ? 'value' : 'key', messageId: 'missing', data: { type: types.length ? types.join('`, `') : 'Globals' }, fixes });
  },
};

export default rule;

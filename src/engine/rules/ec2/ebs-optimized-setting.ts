import { get, isScalar } from '../../parse/tree';
import { insertNested, removePair } from '../../edits';
import type { Rule } from '../types';
import { booleanOf, ebsOptimization, instanceTypeOf, launchSpecs, LAUNCH_TYPES } from './instance-facts';

/**
 * EC2009: an EbsOptimized setting that does nothing, or is missing where it matters. For types
 * that are EBS-optimized by default "there is no need to enable EBS optimization and no effect if
 * you disable EBS optimization"; older types such as c3/m3/r3 (the `optionalTypes` of
 * ec2.ebs-optimized-default) support it but have it off by default. Source: EC2 User Guide,
 * "Amazon EBS–optimized instances" (verified 2026-11-21). Info: performance advice.
 */
const rule: Rule = {
  meta: {
    id: 'EC2009',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: LAUNCH_TYPES,
    title: { en: 'EBS-optimized setting has no effect, or is missing on an older type', ja: 'EbsOptimized の設定が無効、または旧世代タイプで未設定' },
    note: 'ec2.ebs-optimized-default',
    messages: {
      ignored: {
        en: 'EBS optimization is always on for `{type}`; `EbsOptimized: false` is ignored.',
        ja: '`{type}` は常に EBS 最適化されています。`EbsOptimized: false` は無視されます。',
      },
      missing: {
        en: '`{type}` is an older type where EBS optimization is off by default; enable it (`EbsOptimized: true`, extra hourly fee) so EBS traffic gets dedicated bandwidth.',
        ja: '`{type}` は EBS 最適化がデフォルトでオフの旧世代タイプです。EBS の通信に専用帯域を確保するには有効にしてください（`EbsOptimized: true`、追加の時間料金）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const spec of launchSpecs(template)) {
      const types = instanceTypeOf(template, spec);
      if (!types || types.types.length !== 1) continue;
      const type = types.types[0];
      const kind = ebsOptimization(context.knowledge, type);
      const node = get(spec.data, 'EbsOptimized');
      const setting = node === undefined ? undefined : booleanOf(template, node);
      if (kind === 'default' && setting === false) {
        const edit = removePair(context.doc, spec.data, 'EbsOptimized');
        context.report({
          path: [...spec.path, 'EbsOptimized'], messageId: 'ignored', data: { type },
          fixes: edit ? [{ title: { en: 'Remove EbsOptimized: false', ja: 'EbsOptimized: false を削除' }, edits: [edit] }] : [],
        });
      } else if (kind === 'optional' && (node === undefined || setting === false)) {
        const edits = node === undefined
          ? [insertNested(context.doc, spec.data, ['EbsOptimized'], 'true')]
          : isScalar(node) ? [{ start: node.start, end: node.end, newText: 'true' }] : [];
        context.report({
          path: node === undefined ? [...spec.path, 'InstanceType'] : [...spec.path, 'EbsOptimized'],
          messageId: 'missing', data: { type }, downgrade: types.choice,
          fixes: edits.length ? [{ title: { en: 'Set EbsOptimized: true', ja: 'EbsOptimized: true にする' }, edits }] : [],
        });
      }
    }
  },
};

export default rule;

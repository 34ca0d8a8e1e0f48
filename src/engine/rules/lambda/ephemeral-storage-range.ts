import { get, isScalar } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';
import { propertySites } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA003: `EphemeralStorage.Size` outside 512–10,240 MB. Lambda rejects other sizes (Lambda
 * API "EphemeralStorage": minimum 512, maximum 10,240). The note's "10 GB" is 10,240 MB. Checked
 * on plain and SAM functions and on `Globals.Function.EphemeralStorage`; a literal value gets a
 * fix that clamps it to the nearest bound. Range from `lambda.tmp-storage` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: FUNCTION_TYPES,
    title: { en: 'Ephemeral storage outside 512–10,240 MB', ja: 'エフェメラルストレージが 512～10,240 MB の範囲外' },
    note: 'lambda.tmp-storage',
    messages: {
      outOfRange: {
        en: '`/tmp` size must be {min}–{max} MB (default {default}; the note\'s "10 GB" = 10,240 MB); found {value}.',
        ja: '`/tmp` のサイズは {min}～{max} MB で指定します（デフォルト {default} MB。ノートの「最大 10GB」= 10,240 MB）。現在の値: {value}。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const min = k.number('lambda.tmp-storage', 'min');
    const max = k.number('lambda.tmp-storage', 'max');
    const def = k.number('lambda.tmp-storage', 'default');
    for (const site of propertySites(template, 'EphemeralStorage')) {
      const size = get(site.node, 'Size');
      if (!size) continue;
      const numbers = numberCandidates(size, template);
      if (!numbers) continue;
      const bad = numbers.values.filter((n) => n < min || n > max);
      if (bad.length === 0) continue;
      const value = bad[0];
      const clamped = value < min ? min : max;
      context.report({
        path: [...site.path, 'Size'],
        messageId: 'outOfRange',
        data: { value, min, max, default: def },
        downgrade: numbers.choice && bad.length < numbers.values.length,
        fixes: isScalar(size) ? [{
          title: { en: `Set Size to ${clamped}`, ja: `Size を ${clamped} にする` },
          edits: [{ start: size.start, end: size.end, newText: String(clamped) }],
          preferred: true,
        }] : [],
      });
    }
  },
};

export default rule;

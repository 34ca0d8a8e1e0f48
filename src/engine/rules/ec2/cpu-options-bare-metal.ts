import { get } from '../../parse/tree';
import { removePair } from '../../edits';
import type { Rule } from '../types';
import { howMany, instanceTypeOf, isBareMetal, launchSpecs, LAUNCH_TYPES } from './instance-facts';

/**
 * EC2006: CpuOptions (core count, threads per core) on a bare metal instance type. CPU options
 * are not available on bare metal instances (the note, 001:L127; EC2 User Guide "Supported CPU
 * options"), so the launch is rejected. Verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'EC2006',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: LAUNCH_TYPES,
    title: { en: 'CPU options on bare metal', ja: 'ベアメタルで CPU オプションを指定' },
    note: 'ec2.cpu-options',
    messages: {
      metal: {
        en: 'CPU options (core count, threads per core) are not available on bare-metal instances; `{resource}` uses `{type}`.',
        ja: 'CPU オプション（コア数・コアあたりのスレッド数）はベアメタルインスタンスでは使えません。`{resource}` のタイプは `{type}` です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const spec of launchSpecs(template)) {
      if (spec.kind === 'launchConfiguration' || get(spec.data, 'CpuOptions') === undefined) continue;
      const types = instanceTypeOf(template, spec);
      if (!types) continue;
      const count = howMany(types.types, isBareMetal);
      if (count === 'none') continue;
      const edit = removePair(context.doc, spec.data, 'CpuOptions');
      context.report({
        path: [...spec.path, 'CpuOptions'],
        target: 'key',
        messageId: 'metal',
        data: { resource: spec.resource.name, type: types.types.find(isBareMetal) ?? '' },
        downgrade: count === 'some',
        fixes: edit ? [{ title: { en: 'Remove CpuOptions', ja: 'CpuOptions を削除' }, edits: [edit] }] : [],
      });
    }
  },
};

export default rule;

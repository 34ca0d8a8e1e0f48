import type { Rule } from '../types';
import { runtimeVerdicts, successorOf } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA010: a function (or SAM `Globals.Function`) uses a runtime past its "block function
 * update" date. From that day Lambda rejects creating and updating functions on the runtime, so
 * the stack's create or update fails. Dates come from the lifecycle table of the note
 * `lambda.languages` (Lambda Developer Guide "Lambda runtimes" and "Building Lambda functions with
 * Go"; verified 2026-11-21). A runtime whose update-block date is not confirmed is left to
 * LAMBDA011.
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA010',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: FUNCTION_TYPES,
    title: { en: 'Runtime past its "block function update" date', ja: '更新がブロックされたランタイム' },
    note: 'lambda.languages',
    messages: {
      blocked: {
        en: 'Runtime `{runtime}` can no longer be used to create or update functions (updates blocked since {date}; deprecated {deprecated}). Migrate to `{successor}`.',
        ja: 'ランタイム `{runtime}` では関数の作成も更新もできません（{date} から更新がブロック、{deprecated} に廃止）。`{successor}` に移行してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const site of runtimeVerdicts(template, context.knowledge, context.today)) {
      const blocked = site.verdicts.filter((r) => r.status.state === 'update-blocked');
      if (blocked.length === 0) continue;
      const first = blocked[0];
      if (first.status.state !== 'update-blocked') continue;
      context.report({
        path: site.path,
        messageId: 'blocked',
        data: {
          runtime: first.runtime,
          date: first.status.date,
          deprecated: first.status.info.deprecated ?? '—',
          successor: successorOf(context.knowledge, first.runtime, first.status.info),
        },
        downgrade: site.choice && blocked.length < site.verdicts.length,
      });
    }
  },
};

export default rule;

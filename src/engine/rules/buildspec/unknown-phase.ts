import { buildspecFacts, phaseEntries } from '../../model/buildspec';
import { arrow, closest, renameKeyEdit } from '../shared/names-and-order';
import type { Rule } from '../types';

/**
 * BUILDSPEC003: a key under `phases` that is no CodeBuild phase (`prebuild`, `pre-build`,
 * `test`). "The allowed build phase names are: install, pre_build, build, post_build" (CodeBuild
 * User Guide, "Build specification reference"); anything else fails when the buildspec is
 * parsed. Near misses get a rename fix. Phase names: note `codebuild.buildspec` (values.phases).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC003',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'Unknown phase', ja: '存在しないフェーズ' },
    note: 'codebuild.buildspec',
    messages: {
      unknown: {
        en: 'Unknown phase `{name}`. Phases are {order}.',
        ja: '`{name}` というフェーズはありません。フェーズは {order} です。',
      },
      unknownDidYouMean: {
        en: 'Unknown phase `{name}` (did you mean `{closest}`?). Phases are {order}.',
        ja: '`{name}` というフェーズはありません（`{closest}` の誤りではありませんか？）。フェーズは {order} です。',
      },
    },
  },
  check(context) {
    const { phases } = buildspecFacts(context.knowledge);
    const order = arrow(phases);
    const used = new Set(phaseEntries(context.root).map((p) => p.name));
    for (const phase of phaseEntries(context.root)) {
      if (phases.includes(phase.name)) continue;
      const suggestion = closest(phase.name, phases.filter((p) => !used.has(p)));
      context.report({
        path: phase.path,
        target: 'key',
        messageId: suggestion ? 'unknownDidYouMean' : 'unknown',
        data: suggestion ? { name: phase.name, order, closest: suggestion } : { name: phase.name, order },
        fixes: suggestion
          ? [{ title: { en: `Rename to ${suggestion}`, ja: `${suggestion} に名前を変更` }, edits: [renameKeyEdit(context.doc, phase.pair.key, suggestion)], preferred: true }]
          : [],
      });
    }
  },
};

export default rule;

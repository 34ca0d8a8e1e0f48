import { pairOf } from '../../parse/tree';
import { buildspecFacts, phaseEntries } from '../../model/buildspec';
import type { Rule } from '../types';

const KEY = 'runtime-versions';

/**
 * BUILDSPEC006: `runtime-versions` in a phase other than install. The reference documents it only
 * as `phases/install/runtime-versions` (CodeBuild User Guide, "Build specification reference");
 * elsewhere the buildspec fails to parse. The install phase is the first phase of the note
 * `codebuild.buildspec` (values.phases).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC006',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'runtime-versions outside the install phase', ja: 'install 以外のフェーズに runtime-versions' },
    note: 'codebuild.buildspec',
    messages: {
      outside: {
        en: '`runtime-versions` is only valid in `phases.{install}` (found in `{name}`).',
        ja: '`runtime-versions` は `phases.{install}` にだけ書けます（`{name}` にあります）。',
      },
    },
  },
  check(context) {
    const { phases } = buildspecFacts(context.knowledge);
    const install = phases[0];
    for (const phase of phaseEntries(context.root)) {
      if (phase.name === install || !pairOf(phase.node, KEY)) continue;
      context.report({ path: [...phase.path, KEY], target: 'key', messageId: 'outside', data: { name: phase.name, install } });
    }
  },
};

export default rule;

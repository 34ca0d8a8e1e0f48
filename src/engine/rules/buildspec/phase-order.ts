import { buildspecFacts, phaseEntries, phasesMap } from '../../model/buildspec';
import { arrow, inOrder, reorderFix } from '../shared/names-and-order';
import type { Rule } from '../types';

/**
 * BUILDSPEC004: phases written out of execution order. CodeBuild always runs install →
 * pre_build → build → post_build, whatever the order in the file; "if a command fails during the
 * install phase, none of the commands in the pre_build, build, and post_build phases are run"
 * (CodeBuild User Guide, "Build specification reference"), while a failed build still goes on to
 * post_build ("Build phase transitions"). Info: readability. The fix moves
 * whole phases, comments included. Order: note `codebuild.buildspec` (values.phases).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC004',
    severity: 'info',
    kinds: ['buildspec'],
    title: { en: 'Phases written out of execution order', ja: 'フェーズが実行順に書かれていない' },
    note: 'codebuild.buildspec',
    messages: {
      outOfOrder: {
        en: 'Phases always run {order}, regardless of file order. A failure in an early phase skips the later ones (post_build still runs after a failed build). Reorder them for readability.',
        ja: 'フェーズはファイルに書いた順に関係なく、常に {order} の順で実行されます。前のフェーズが失敗すると後のフェーズは実行されません（ただし build が失敗しても post_build は実行されます）。読みやすさのため並べ替えてください。',
      },
    },
  },
  check(context) {
    const { phases } = buildspecFacts(context.knowledge);
    const entries = phaseEntries(context.root);
    const map = phasesMap(context.root);
    if (!map || entries.length < 2) return;
    const ranks = entries.map((e) => { const i = phases.indexOf(e.name); return i < 0 ? undefined : i; });
    if (inOrder(ranks)) return;
    const fix = map.flow ? undefined : reorderFix(context.doc, entries.map((e) => ({ start: e.pair.start, end: e.pair.end })), ranks, { en: 'Reorder phases into execution order', ja: 'フェーズを実行順に並べ替え' });
    context.report({ path: ['phases'], target: 'key', messageId: 'outOfOrder', data: { order: arrow(phases) }, fixes: fix ? [fix] : [] });
  },
};

export default rule;

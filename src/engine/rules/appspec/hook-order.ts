import { isMap, isSeq } from '../../parse/tree';
import { PLATFORM_NAMES } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts } from './facts';
import { arrow, canonicalNames, inOrder, reorderFix } from '../shared/names-and-order';

/**
 * APPSPEC005: hooks written out of lifecycle order. CodeDeploy runs hooks in its own lifecycle
 * order whatever the file says, so a file that lists ValidateService before ApplicationStart
 * reads wrong and hides the real sequence the study note teaches (003:L224-232). Info, on by
 * default (the user asked for it). The message gives the run order of the hooks present; the fix
 * moves whole entries, comments included. Orders: notes `codedeploy.hook-order-ec2`,
 * `codedeploy.hooks-lambda`, `codedeploy.appspec` (CodeDeploy User Guide, "AppSpec 'hooks'
 * section", run order of hooks; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC005',
    severity: 'info',
    kinds: ['appspec'],
    title: { en: 'Hooks written out of lifecycle order', ja: 'フックがライフサイクルの順序どおりに書かれていない' },
    note: 'codedeploy.hook-order-ec2',
    messages: {
      outOfOrder: {
        en: 'Hooks run in lifecycle order ({order}), not in file order. Reorder them for readability.',
        ja: 'フックはファイルに書いた順ではなく、ライフサイクルの順序（{order}）で実行されます。読みやすさのため並べ替えてください。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    const hooks = facts.hooks;
    const platform = facts.platform;
    if (!hooks || !platform || hooks.entries.length < 2) return;
    const rank = new Map(facts.lifecycles[platform].map((e, i) => [e.event, i]));
    const names = hooks.entries.map((e) => e.name);
    const ranks = names.map((n) => rank.get(n));
    if (inOrder(ranks)) return;
    const title = { en: 'Reorder hooks into lifecycle order', ja: 'フックをライフサイクルの順序に並べ替え' };
    let fix;
    if (hooks.form === 'map' && isMap(hooks.node) && !hooks.node.flow) {
      fix = reorderFix(context.doc, hooks.entries.map((e) => e.span), ranks, title);
    } else if (hooks.form === 'list' && isSeq(hooks.node) && !hooks.node.flow) {
      // One hook per item; an item that is not a one-key map leaves the order to the user.
      const items = hooks.node.items;
      const single = items.every((item) => isMap(item) && item.pairs.length === 1);
      if (single && hooks.entries.length === items.length) fix = reorderFix(context.doc, items.map((i) => ({ start: i.start, end: i.end })), ranks, title);
    }
    context.report({
      path: [hooks.key],
      target: 'key',
      messageId: 'outOfOrder',
      data: { order: arrow(canonicalNames(names, ranks)), platform: PLATFORM_NAMES[platform].en },
      fixes: fix ? [fix] : [],
    });
  },
};

export default rule;

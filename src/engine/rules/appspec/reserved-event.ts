import { PLATFORM_NAMES, PLATFORMS, type LifecycleEvent, type Platform } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts, eventOf } from './facts';

/**
 * APPSPEC003: a hook on a reserved lifecycle event. Start, DownloadBundle, Install, BlockTraffic,
 * AllowTraffic and End (EC2/On-Premises), Start, AllowTraffic and End (Lambda), Start, Install,
 * TestTraffic, AllowTraffic and End (ECS) are CodeDeploy's own steps: "reserved for the CodeDeploy
 * agent and cannot be used to run scripts", "cannot be scripted" (CodeDeploy User Guide, "AppSpec
 * 'hooks' section"). The study note lists AllowTraffic in its run order (003:L231), which makes
 * this mistake likely. Which events are reserved is read from the lifecycle tables in the notes.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC003',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Reserved lifecycle event used as a hook', ja: '予約済みライフサイクルイベントをフックに使用' },
    note: 'codedeploy.hook-order-ec2',
    messages: {
      reserved: {
        en: '`{name}` is reserved for CodeDeploy and cannot run scripts or functions. Use `{before}` or `{after}` instead.',
        ja: '`{name}` は CodeDeploy の予約済みイベントで、スクリプトや関数は実行できません。代わりに `{before}` か `{after}` を使ってください。',
      },
      reservedInNote: {
        en: '`{name}` is reserved for CodeDeploy and cannot run scripts or functions. Use `{before}` or `{after}` instead. (The study note lists {name} in the run order; it is a CodeDeploy step, not a hook.)',
        ja: '`{name}` は CodeDeploy の予約済みイベントで、スクリプトや関数は実行できません。代わりに `{before}` か `{after}` を使ってください（ノートの実行順序には {name} がありますが、これは CodeDeploy が行う処理でフックではありません）。',
      },
      reservedAfterOnly: {
        en: '`{name}` is reserved for CodeDeploy and cannot run scripts or functions. Use `{after}` instead.',
        ja: '`{name}` は CodeDeploy の予約済みイベントで、スクリプトや関数は実行できません。代わりに `{after}` を使ってください。',
      },
      reservedBeforeOnly: {
        en: '`{name}` is reserved for CodeDeploy and cannot run scripts or functions. Use `{before}` instead.',
        ja: '`{name}` は CodeDeploy の予約済みイベントで、スクリプトや関数は実行できません。代わりに `{before}` を使ってください。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    if (!facts.hooks) return;
    for (const entry of facts.hooks.entries) {
      const platform = reservedIn(facts.platform, (p) => eventOf(facts, p, entry.name));
      if (!platform) continue;
      const list = facts.lifecycles[platform];
      const at = list.findIndex((e) => e.event === entry.name);
      const before = [...list.slice(0, at)].reverse().find((e) => !e.reserved)?.event;
      const after = list.slice(at + 1).find((e) => !e.reserved)?.event;
      const event = list[at];
      const messageId = before && after ? (event.inNote ? 'reservedInNote' : 'reserved') : after ? 'reservedAfterOnly' : before ? 'reservedBeforeOnly' : undefined;
      if (!messageId) continue;
      context.report({
        path: entry.path,
        target: 'key',
        messageId,
        data: { name: entry.name, before: before ?? '', after: after ?? '', platform: PLATFORM_NAMES[platform].en },
      });
    }
  },
};

/**
 * The platform whose table makes the event reserved here: the file's platform, or, when it is
 * unknown, the first platform that has the event, provided every platform that has it reserves it.
 */
function reservedIn(platform: Platform | undefined, lookup: (p: Platform) => LifecycleEvent | undefined): Platform | undefined {
  if (platform) return lookup(platform)?.reserved ? platform : undefined;
  const having = PLATFORMS.filter((p) => lookup(p));
  return having.length > 0 && having.every((p) => lookup(p)!.reserved) ? having[0] : undefined;
}

export default rule;

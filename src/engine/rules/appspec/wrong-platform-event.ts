import { PLATFORM_NAMES } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts, eventOf, scriptable } from './facts';
import { codeList } from '../shared/names-and-order';

/**
 * APPSPEC004: a lifecycle event that exists, but not for this compute platform (ApplicationStart
 * in a Lambda AppSpec, AfterAllowTestTraffic in an EC2 AppSpec, ApplicationStop in an ECS one).
 * CodeDeploy never invokes it. Runs only when the platform is known (spec §3.1 detection). Event
 * lists: notes `codedeploy.hook-order-ec2`, `codedeploy.hooks-lambda`, `codedeploy.appspec`
 * (CodeDeploy User Guide, "AppSpec 'hooks' section"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC004',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Event not valid for this compute platform', ja: 'このコンピューティングプラットフォームにないイベント' },
    note: 'codedeploy.in-place-ec2-only',
    messages: {
      wrongPlatform: {
        en: '`{name}` is not a lifecycle event of {platform} deployments, so CodeDeploy never runs it. {platform} hooks: {list}.',
        ja: '`{name}` は {platformJa} デプロイのライフサイクルイベントではないため、CodeDeploy は実行しません。{platformJa} のフック: {list}。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    const platform = facts.platform;
    if (!facts.hooks || !platform) return;
    const list = codeList(scriptable(facts, platform));
    for (const entry of facts.hooks.entries) {
      if (!facts.allEvents.has(entry.name) || eventOf(facts, platform, entry.name)) continue;
      context.report({
        path: entry.path,
        target: 'key',
        messageId: 'wrongPlatform',
        data: { name: entry.name, platform: PLATFORM_NAMES[platform].en, platformJa: PLATFORM_NAMES[platform].ja, list },
      });
    }
  },
};

export default rule;

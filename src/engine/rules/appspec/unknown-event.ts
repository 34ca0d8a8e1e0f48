import { PLATFORM_NAMES } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts, scriptable, scriptableAnywhere } from './facts';
import { closest, codeList, renameKeyEdit } from '../shared/names-and-order';

/**
 * APPSPEC002: a hook key that is no CodeDeploy lifecycle event of any platform (`AfterInstal`,
 * `BeforeAllowTraffics`). CodeDeploy only runs hooks for the events it knows, so this one never
 * runs. Matching is case-sensitive; a near miss (case or a small typo) gets a "did you mean" and
 * a rename fix. Event lists: notes `codedeploy.hook-order-ec2`, `codedeploy.hooks-lambda`,
 * `codedeploy.appspec` (CodeDeploy User Guide, "AppSpec 'hooks' section"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC002',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Unknown lifecycle event name', ja: '存在しないライフサイクルイベント名' },
    note: 'codedeploy.hook-order-ec2',
    messages: {
      unknownDidYouMean: {
        en: '`{name}` is not a CodeDeploy lifecycle event, so this hook never runs. Did you mean `{closest}`? Valid hooks for {platform}: {list}.',
        ja: '`{name}` は CodeDeploy のライフサイクルイベントではないため、このフックは実行されません。`{closest}` の誤りではありませんか？ {platformJa} で使えるフック: {list}。',
      },
      unknown: {
        en: '`{name}` is not a CodeDeploy lifecycle event, so this hook never runs. Valid hooks for {platform}: {list}.',
        ja: '`{name}` は CodeDeploy のライフサイクルイベントではないため、このフックは実行されません。{platformJa} で使えるフック: {list}。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    if (!facts.hooks) return;
    const platform = facts.platform;
    const candidates = platform ? scriptable(facts, platform) : scriptableAnywhere(facts);
    const names = platform ? PLATFORM_NAMES[platform] : { en: 'any platform', ja: 'いずれかのプラットフォーム' };
    for (const entry of facts.hooks.entries) {
      if (facts.allEvents.has(entry.name)) continue;
      const suggestion = closest(entry.name, candidates);
      const data = { name: entry.name, platform: names.en, platformJa: names.ja, list: codeList(candidates) };
      context.report({
        path: entry.path,
        target: 'key',
        messageId: suggestion ? 'unknownDidYouMean' : 'unknown',
        data: suggestion ? { ...data, closest: suggestion } : data,
        fixes: suggestion
          ? [{ title: { en: `Rename to ${suggestion}`, ja: `${suggestion} に名前を変更` }, edits: [renameKeyEdit(context.doc, entry.key, suggestion)], preferred: true }]
          : [],
      });
    }
  },
};

export default rule;

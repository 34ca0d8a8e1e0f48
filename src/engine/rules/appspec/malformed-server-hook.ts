import { get, isMap, isScalar, isSeq, pairOf, stringOf } from '../../parse/tree';
import type { Rule } from '../types';
import { appspecFacts } from './facts';

/**
 * APPSPEC008: an EC2/On-Premises hook the agent cannot run. `hooks` is a map of event → list of
 * scripts, and each script needs `location` ("Required. The location in the bundle of the script
 * file"); the agent stops with "script provided without a location value" otherwise. `runas`
 * "applies to Amazon Linux and Ubuntu Server instances only": with `os: windows` the agent ignores
 * it and runs the script as its own user, so that case is reported one level lower (warning).
 * Sources: CodeDeploy User Guide, "AppSpec 'hooks' section" (structure); aws-codedeploy-agent
 * application_specification.rb and windows_util.rb.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC008',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Malformed EC2 hook entry', ja: 'EC2 フックの書き方が不正' },
    note: 'codedeploy.appspec',
    messages: {
      hooksNotMap: {
        en: 'In an EC2/On-Premises AppSpec, `{key}` is a map of lifecycle events to lists of scripts (`ApplicationStart:` then `- location: scripts/start.sh`).',
        ja: 'EC2/オンプレミスの AppSpec では、`{key}` はライフサイクルイベントからスクリプトのリストへのマップです（`ApplicationStart:` の下に `- location: scripts/start.sh`）。',
      },
      notList: {
        en: '`{event}` must be a list of scripts: each entry needs `location` (path relative to the bundle root); optional `timeout`, `runas` (Linux only).',
        ja: '`{event}` はスクリプトのリストで書きます。各エントリに `location`（バンドルのルートからの相対パス）が必要で、`timeout`、`runas`（Linux のみ）は任意です。',
      },
      noLocation: {
        en: 'Each `{event}` entry needs `location` (path relative to the bundle root); optional `timeout`, `runas` (Linux only).',
        ja: '`{event}` の各エントリには `location`（バンドルのルートからの相対パス）が必要です。`timeout`、`runas`（Linux のみ）は任意です。',
      },
      runasWindows: {
        en: '`runas` applies to Linux instances only; with `os: windows` the agent ignores it and runs the script as the agent\'s user.',
        ja: '`runas` は Linux インスタンスでのみ有効です。`os: windows` ではエージェントが無視し、スクリプトはエージェントのユーザーで実行されます。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    const hooks = facts.hooks;
    if (facts.platform !== 'server' || !hooks) return;
    if (hooks.form !== 'map') {
      if (hooks.node !== null && !(isScalar(hooks.node) && hooks.node.value === null)) {
        context.report({ path: [hooks.key], target: 'key', messageId: 'hooksNotMap', data: { key: hooks.key } });
      }
      return;
    }
    const windows = stringOf(get(context.root, 'os')) === 'windows';
    for (const entry of hooks.entries) {
      if (!isSeq(entry.node)) {
        context.report({ path: entry.path, target: 'key', messageId: 'notList', data: { event: entry.name } });
        continue;
      }
      entry.node.items.forEach((item, index) => {
        const location = isMap(item) ? get(item, 'location') : undefined;
        const text = isScalar(location) && location.value !== null ? String(location.value).trim() : '';
        if (!isMap(item) || text === '') {
          context.report({ path: [...entry.path, index], messageId: 'noLocation', data: { event: entry.name } });
          return;
        }
        if (windows && pairOf(item, 'runas')) {
          context.report({ path: [...entry.path, index, 'runas'], target: 'key', messageId: 'runasWindows', data: { event: entry.name }, downgrade: true });
        }
      });
    }
  },
};

export default rule;

import { scriptTimeout } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts } from './facts';
import { readTimeout, scriptItems } from './timeouts';

/**
 * APPSPEC007: the scripts of one lifecycle event may together run longer than CodeDeploy allows
 * per event. "Make sure the total number of seconds specified in timeout for all scripts in each
 * deployment lifecycle event does not exceed this limit" (CodeDeploy User Guide, "AppSpec 'hooks'
 * section"). A script without `timeout` counts with the default. Warning: the deployment fails
 * only if the scripts really run that long. Limits: note `codedeploy.hook-order-ec2`.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC007',
    severity: 'warning',
    kinds: ['appspec'],
    title: { en: 'Total script time per event may exceed 3600 s', ja: '1 イベントのスクリプト合計時間が 3600 秒を超えうる' },
    note: 'codedeploy.hook-order-ec2',
    messages: {
      total: {
        en: 'Scripts in `{event}` may run {sum} s in total ({count} scripts; a script without `timeout` counts {default} s); CodeDeploy allows {max} s per lifecycle event. Set explicit, smaller `timeout` values.',
        ja: '`{event}` のスクリプトは合計で最大 {sum} 秒かかる可能性があります（{count} 本。`timeout` のないスクリプトは {default} 秒として計算）。CodeDeploy の上限はライフサイクルイベントごとに {max} 秒です。小さめの `timeout` を明示してください。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    if (facts.platform !== 'server' || facts.hooks?.form !== 'map') return;
    const limits = scriptTimeout(context.knowledge);
    for (const entry of facts.hooks.entries) {
      const items = scriptItems(entry);
      if (items.length < 2) continue;
      let sum = 0;
      let valid = true;
      for (const item of items) {
        const timeout = readTimeout(item.timeout);
        if (timeout.kind === 'invalid') valid = false;
        else sum += timeout.kind === 'seconds' ? timeout.seconds : limits.default;
      }
      // An invalid timeout is APPSPEC006's finding; a total over an unreadable value says nothing.
      if (!valid || sum <= limits.max) continue;
      context.report({ path: entry.path, target: 'key', messageId: 'total', data: { event: entry.name, sum, count: items.length, default: limits.default, max: limits.max } });
    }
  },
};

export default rule;

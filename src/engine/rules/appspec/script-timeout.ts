import { isScalar } from '../../parse/tree';
import { scriptTimeout } from '../../model/appspec';
import { sourceOf } from '../../edits';
import type { Rule } from '../types';
import { appspecFacts } from './facts';
import { readTimeout, scriptItems } from './timeouts';

/**
 * APPSPEC006: a hook script's `timeout` above the per-event maximum, or not a positive whole
 * number. "The default is 3600 seconds (1 hour). 3600 seconds (1 hour) is the maximum amount of
 * time allowed for script execution for each deployment lifecycle event. If scripts exceed this
 * limit, the deployment stops and the deployment to the instance fails" (CodeDeploy User Guide,
 * "AppSpec 'hooks' section", structure); the agent rejects a timeout that is not above zero. The
 * limits live in the note `codedeploy.hook-order-ec2` (values.scriptTimeout).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC006',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Hook script timeout above 3600 s', ja: 'フックスクリプトの timeout が 3600 秒を超える' },
    note: 'codedeploy.hook-order-ec2',
    messages: {
      tooLong: {
        en: 'Script timeout {value} s in `{event}` exceeds CodeDeploy\'s {max} s per-event maximum.',
        ja: '`{event}` のスクリプトの timeout {value} 秒は、CodeDeploy のライフサイクルイベントごとの上限 {max} 秒を超えています。',
      },
      notPositive: {
        en: 'Script `timeout` in `{event}` must be a whole number of seconds above 0 (found `{value}`); the CodeDeploy agent rejects the AppSpec otherwise. Default {default} s, maximum {max} s.',
        ja: '`{event}` のスクリプトの `timeout` は 0 より大きい秒数（整数）で指定します（現在: `{value}`）。それ以外は CodeDeploy エージェントが AppSpec を受け付けません。デフォルト {default} 秒、上限 {max} 秒。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    if (facts.platform !== 'server' || facts.hooks?.form !== 'map') return;
    const limits = scriptTimeout(context.knowledge);
    for (const entry of facts.hooks.entries) {
      for (const item of scriptItems(entry)) {
        if (!item.hasTimeout) continue;
        const timeout = readTimeout(item.timeout);
        const path = [...entry.path, item.index, 'timeout'];
        const value = item.timeout ? sourceOf(context.doc, item.timeout).trim() : '';
        if (timeout.kind === 'invalid') {
          context.report({ path, messageId: 'notPositive', data: { event: entry.name, value, max: limits.max, default: limits.default } });
        } else if (timeout.kind === 'seconds' && timeout.seconds > limits.max) {
          const node = item.timeout;
          context.report({
            path,
            messageId: 'tooLong',
            data: { event: entry.name, value: timeout.seconds, max: limits.max },
            fixes: isScalar(node) && typeof node.value === 'number'
              ? [{ title: { en: `Set timeout to ${limits.max}`, ja: `timeout を ${limits.max} にする` }, edits: [{ start: node.start, end: node.end, newText: String(limits.max) }] }]
              : [],
          });
        }
      }
    }
  },
};

export default rule;

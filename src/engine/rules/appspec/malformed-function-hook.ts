import { isMap, isScalar, isSeq } from '../../parse/tree';
import type { Rule } from '../types';
import { appspecFacts } from './facts';

/**
 * APPSPEC009: a Lambda/ECS hook CodeDeploy cannot resolve. There, the hooks section is a list of
 * one-key maps, each naming one Lambda validation function: "An AWS Lambda hook is one Lambda
 * function specified with a string on a new line after the name of the lifecycle event"
 * (CodeDeploy User Guide, "AppSpec 'hooks' section" for Lambda and ECS). Note
 * `codedeploy.hooks-lambda`.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC009',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'Malformed Lambda/ECS hook entry', ja: 'Lambda/ECS フックの書き方が不正' },
    note: 'codedeploy.hooks-lambda',
    messages: {
      notList: {
        en: 'Lambda/ECS hooks are a list of `- EventName: "FunctionName"` entries (one validation function per event), not a map.',
        ja: 'Lambda/ECS のフックは `- イベント名: "関数名"` のリストで書きます（1 イベントにつき検証用 Lambda 関数 1 つ）。マップではありません。',
      },
      badItem: {
        en: 'Lambda/ECS hooks are a list of `- EventName: "FunctionName"` entries (one validation function per event); this entry is not a single event with a function name.',
        ja: 'Lambda/ECS のフックは `- イベント名: "関数名"` のリストで書きます（1 イベントにつき検証用 Lambda 関数 1 つ）。このエントリは「1 つのイベントと関数名」の形になっていません。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    const hooks = facts.hooks;
    if ((facts.platform !== 'lambda' && facts.platform !== 'ecs') || !hooks) return;
    if (!isSeq(hooks.node)) {
      if (hooks.node !== null && !(isScalar(hooks.node) && hooks.node.value === null)) {
        context.report({ path: [hooks.key], target: 'key', messageId: 'notList' });
      }
      return;
    }
    hooks.node.items.forEach((item, index) => {
      const value = isMap(item) && item.pairs.length === 1 ? item.pairs[0].value : undefined;
      const ok = isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '';
      if (!ok) context.report({ path: [hooks.key, index], messageId: 'badItem' });
    });
  },
};

export default rule;

import { get, isMap } from '../../parse/tree';
import { insertNested } from '../../edits';
import { eventSources } from '../../model/lambda-links';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';
import { batchRange } from './batch-size-range';
import { EVENT_SOURCE_TYPES } from '../../model/links';

/**
 * ESM002: an SQS (standard queue) event source mapping or SAM SQS event with `BatchSize` above 10
 * and no `MaximumBatchingWindowInSeconds` (or 0). Lambda rejects it: "When you set BatchSize to a
 * value greater than 10, you must set MaximumBatchingWindowInSeconds to at least 1"
 * (CreateEventSourceMapping). FIFO queues allow at most 10 (ESM001). Fix: add a 1-second window.
 * Values from `lambda.esm-uses-execution-role` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'ESM002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EVENT_SOURCE_TYPES,
    title: { en: 'SQS BatchSize above 10 without a batching window', ja: 'SQS の BatchSize が 10 超なのにバッチウィンドウがない' },
    note: 'lambda.esm-uses-execution-role',
    messages: {
      missingWindow: {
        en: 'For SQS, BatchSize {value} (above {limit}) requires `MaximumBatchingWindowInSeconds` ≥ {minimum}; {found}.',
        ja: 'SQS で BatchSize を {limit} より大きく（{value}）するには `MaximumBatchingWindowInSeconds` を {minimum} 以上にする必要があります（{foundJa}）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const ranges = k.value('lambda.esm-uses-execution-role', 'batchSize') as Record<string, { min: number; max: number }>;
    const limit = k.number('lambda.esm-uses-execution-role', 'sqsBatchingWindowRequiredAbove');
    const minimum = k.number('lambda.esm-uses-execution-role', 'sqsMinimumBatchingWindow');
    for (const link of eventSources(template)) {
      if (link.kind !== 'sqs') continue;
      const size = numberCandidates(get(link.properties, 'BatchSize'), template);
      if (!size) continue;
      const found = batchRange(template, link, ranges);
      if (!found || found.fifo) continue;
      const over = size.values.filter((n) => n > limit);
      if (over.length === 0) continue;
      const windowNode = get(link.properties, 'MaximumBatchingWindowInSeconds');
      let windows: number[] = [0];
      let choice = size.choice;
      if (windowNode) {
        const w = numberCandidates(windowNode, template);
        if (!w) continue;
        windows = w.values;
        choice = choice || w.choice;
      }
      const badWindows = windows.filter((w) => w < minimum);
      if (badWindows.length === 0) continue;
      const properties = link.properties;
      context.report({
        path: [...link.path, 'BatchSize'],
        messageId: 'missingWindow',
        data: {
          value: over[0], limit, minimum,
          found: windowNode ? `found ${badWindows[0]}` : 'it is unset (0)',
          foundJa: windowNode ? `現在: ${badWindows[0]}` : '未設定（0）',
        },
        downgrade: choice && (over.length < size.values.length || badWindows.length < windows.length),
        fixes: !windowNode && isMap(properties) ? [{
          title: { en: `Add MaximumBatchingWindowInSeconds: ${minimum}`, ja: `MaximumBatchingWindowInSeconds: ${minimum} を追加` },
          edits: [insertNested(context.doc, properties, ['MaximumBatchingWindowInSeconds'], String(minimum))],
          preferred: true,
        }] : [],
      });
    }
  },
};

export default rule;

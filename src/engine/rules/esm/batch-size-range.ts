import { get, isScalar } from '../../parse/tree';
import { eventSources, type EventSource } from '../../model/lambda-links';
import { numberCandidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import { isFifo } from '../sqs/queue-facts';
import type { Rule } from '../types';
import { EVENT_SOURCE_TYPES } from '../../model/links';

/** The BatchSize range for a source, or undefined when the source is unknown. */
export function batchRange(template: TemplateModel, link: EventSource, ranges: Record<string, { min: number; max: number }>): { range: { min: number; max: number }; label: string; fifo: boolean } | undefined {
  if (link.kind === 'sqs') {
    const fifo = link.source ? isFifo(template, link.source) : false;
    if (fifo === undefined) return undefined;
    return fifo ? { range: ranges.sqsFifo, label: 'an SQS FIFO queue', fifo } : { range: ranges.sqsStandard, label: 'a standard SQS queue', fifo };
  }
  if (link.kind === 'kinesis' || link.kind === 'dynamodb') return { range: ranges.stream, label: link.kind === 'kinesis' ? 'a Kinesis stream' : 'a DynamoDB stream', fifo: false };
  return undefined;
}

/**
 * ESM001: `BatchSize` of an event source mapping (or SAM SQS/Kinesis/DynamoDB event) outside what
 * Lambda accepts for the source: standard SQS 1–10,000, SQS FIFO 1–10, Kinesis and DynamoDB
 * Streams 1–10,000. Lambda rejects the mapping. A literal value gets a clamp fix. A literal SQS
 * ARN ending in `.fifo` counts as FIFO only through the queue it names. Ranges from
 * `lambda.esm-uses-execution-role` values (Lambda Developer Guide "Lambda parameters for Amazon
 * SQS event source mappings"; verified 2026-11-21). The spec cites `sqs.receive-10` too: one
 * ReceiveMessage returns at most 10 messages and Lambda aggregates larger batches.
 */
const rule: Rule = {
  meta: {
    id: 'ESM001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EVENT_SOURCE_TYPES,
    title: { en: 'BatchSize out of range for the source', ja: 'BatchSize がイベントソースの範囲外' },
    note: 'lambda.esm-uses-execution-role',
    messages: {
      outOfRange: {
        en: 'BatchSize {value} is invalid for {source} (allowed {min}–{max}). Note: one SQS ReceiveMessage call returns at most 10 messages; Lambda aggregates larger batches.',
        ja: 'BatchSize {value} は {sourceJa}では指定できません（{min}～{max}）。補足：SQS の ReceiveMessage は 1 回 10 件までで、それより大きいバッチは Lambda がまとめます。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const ranges = context.knowledge.value('lambda.esm-uses-execution-role', 'batchSize') as Record<string, { min: number; max: number }>;
    const ja: Record<string, string> = { 'an SQS FIFO queue': 'SQS FIFO キュー', 'a standard SQS queue': 'SQS 標準キュー', 'a Kinesis stream': 'Kinesis ストリーム', 'a DynamoDB stream': 'DynamoDB ストリーム' };
    for (const link of eventSources(template)) {
      const node = get(link.properties, 'BatchSize');
      if (!node) continue;
      const numbers = numberCandidates(node, template);
      const found = batchRange(template, link, ranges);
      if (!numbers || !found) continue;
      const { range, label } = found;
      const bad = numbers.values.filter((n) => n < range.min || n > range.max);
      if (bad.length === 0) continue;
      const clamped = bad[0] < range.min ? range.min : range.max;
      context.report({
        path: [...link.path, 'BatchSize'],
        messageId: 'outOfRange',
        data: { value: bad[0], source: label, sourceJa: ja[label], min: range.min, max: range.max },
        downgrade: numbers.choice && bad.length < numbers.values.length,
        fixes: isScalar(node) ? [{
          title: { en: `Set BatchSize to ${clamped}`, ja: `BatchSize を ${clamped} にする` },
          edits: [{ start: node.start, end: node.end, newText: String(clamped) }],
          preferred: true,
        }] : [],
      });
    }
  },
};

export default rule;

import { isScalar, type Node } from '../../parse/tree';
import { insertNested } from '../../edits';
import { globalsSectionOf, sqsConsumers } from '../../model/links';
import { numberCandidates } from '../../model/values';
import type { Resource } from '../../model/template';
import { seconds } from '../../messages';
import type { Fix, Path, TextEdit } from '../../types';
import type { RuleContext } from '../types';

/**
 * A Lambda-consumed queue with what SQS006, SQS007 and SQS014 compare: the queue's visibility
 * timeout V (the default when unset) and the largest timeout T of the functions that consume it
 * (spec §3.2: "If several functions consume Q, use the largest T").
 */
export interface QueueTiming {
  queue: Resource;
  /** Candidates of V; the documented default when the property is unset. */
  visibility: number[];
  unset: boolean;
  /** The slowest consumer and its timeout candidates. */
  consumer: Resource;
  timeouts: number[];
  /** True when V or T depends on a deploy-time choice (parameter AllowedValues, Fn::If). */
  choice: boolean;
  multiplier: number;
  defaultVisibility: number;
  /** Where to point: the VisibilityTimeout value, or the queue's logical id when it is unset. */
  path: Path;
}

const timingsCache = new WeakMap<object, QueueTiming[]>();

/** The timings of every Lambda-consumed queue; computed once per template and shared by SQS006, SQS007 and SQS014. */
export function queueTimings(context: RuleContext): QueueTiming[] {
  const template = context.template;
  if (!template) return [];
  const cached = timingsCache.get(template);
  if (cached) return cached;
  const computed = computeTimings(context);
  timingsCache.set(template, computed);
  return computed;
}

function computeTimings(context: RuleContext): QueueTiming[] {
  const template = context.template!;
  const k = context.knowledge;
  const defaultVisibility = k.number('sqs.visibility-timeout', 'default');
  const multiplier = k.number('sqs.visibility-timeout', 'lambdaConsumerMultiplier');
  const defaultTimeout = k.number('lambda.max-15-minutes', 'default');
  const byQueue = new Map<Resource, Resource[]>();
  for (const link of sqsConsumers(template)) {
    const list = byQueue.get(link.queue) ?? [];
    if (!list.includes(link.fn)) list.push(link.fn);
    byQueue.set(link.queue, list);
  }
  const out: QueueTiming[] = [];
  for (const [queue, functions] of byQueue) {
    const own = queue.properties?.pairs.find((p) => p.key.value === 'VisibilityTimeout')?.value;
    const visibility = own ? numberCandidates(own, template) : { values: [defaultVisibility], choice: false };
    if (!visibility) continue;
    let slowest: { fn: Resource; values: number[]; choice: boolean } | undefined;
    let unknown = false;
    for (const fn of functions) {
      const effective = template.effective(fn, 'Timeout', globalsSectionOf(fn));
      const timeouts = effective ? numberCandidates(effective.node, template) : { values: [defaultTimeout], choice: false };
      if (!timeouts) { unknown = true; break; }
      if (!slowest || Math.max(...timeouts.values) > Math.max(...slowest.values)) slowest = { fn, ...timeouts };
    }
    if (unknown || !slowest) continue;
    out.push({
      queue,
      visibility: visibility.values,
      unset: !own,
      consumer: slowest.fn,
      timeouts: slowest.values,
      choice: visibility.choice || slowest.choice,
      multiplier,
      defaultVisibility,
      path: own ? [...queue.path, 'Properties', 'VisibilityTimeout'] : queue.path,
    });
  }
  return out;
}

/** Counts the (V, T) combinations for which `violates` holds. */
export function violations(timing: QueueTiming, violates: (v: number, t: number) => boolean): { some: boolean; all: boolean } {
  let total = 0;
  let bad = 0;
  for (const v of timing.visibility) for (const t of timing.timeouts) { total++; if (violates(v, t)) bad++; }
  return { some: bad > 0, all: bad === total };
}

export function messageData(timing: QueueTiming): Record<string, string | number> {
  const t = Math.max(...timing.timeouts);
  return {
    queue: timing.queue.name,
    function: timing.consumer.name,
    visibility: seconds(Math.min(...timing.visibility)),
    timeout: seconds(t),
    recommended: seconds(t * timing.multiplier),
    recommendedValue: t * timing.multiplier,
    multiplier: timing.multiplier,
    default: seconds(timing.defaultVisibility),
  };
}

/**
 * Reports a queue whose (V, T) combinations violate `violates`: at the VisibilityTimeout value or
 * the queue's name, with the "unset" wording when the default applies, one severity lower when
 * only some deploy-time choices violate, and the fix that writes 6 × T.
 */
export function reportTiming(context: RuleContext, timing: QueueTiming, result: { some: boolean; all: boolean }): void {
  if (!result.some) return;
  context.report({
    path: timing.path,
    messageId: timing.unset ? 'unset' : 'set',
    data: messageData(timing),
    downgrade: !result.all,
    fixes: visibilityFix(context, timing),
  });
}

/** Writes `VisibilityTimeout: 6 × T` into the queue, replacing a literal value or adding the property. */
export function visibilityFix(context: RuleContext, timing: QueueTiming): Fix[] {
  const value = Math.max(...timing.timeouts) * timing.multiplier;
  const edit = visibilityEdit(context, timing.queue, value);
  if (!edit) return [];
  return [{
    title: {
      en: `Set VisibilityTimeout to ${value} (${timing.multiplier} × ${timing.consumer.name} timeout)`,
      ja: `VisibilityTimeout を ${value} に設定（${timing.consumer.name} のタイムアウトの ${timing.multiplier} 倍）`,
    },
    edits: [edit],
    preferred: true,
  }];
}

function visibilityEdit(context: RuleContext, queue: Resource, value: number): TextEdit | undefined {
  const own = queue.properties?.pairs.find((p) => p.key.value === 'VisibilityTimeout')?.value;
  if (own) return isScalar(own) ? { start: own.start, end: own.end, newText: String(value) } : undefined;
  if (queue.properties) return insertNested(context.doc, queue.properties, ['VisibilityTimeout'], String(value));
  const propertiesPair = queue.node.pairs.find((p) => p.key.value === 'Properties');
  if (propertiesPair && !isEmptyValue(propertiesPair.value)) return undefined;
  if (propertiesPair) {
    return { start: propertiesPair.start, end: propertiesPair.end, newText: context.doc.format === 'json'
      ? `"Properties": { "VisibilityTimeout": ${value} }`
      : `Properties:\n${' '.repeat(context.doc.lines.positionAt(propertiesPair.start).character + 2)}VisibilityTimeout: ${value}` };
  }
  return insertNested(context.doc, queue.node, ['Properties', 'VisibilityTimeout'], String(value));
}

function isEmptyValue(node: Node | null): boolean {
  return node == null || (isScalar(node) && node.value == null);
}

import { get, isMap, type Node, stringOf } from '../parse/tree';
import type { Path } from '../types';
import type { Resource, TemplateModel } from './template';

/** The resource types that are Lambda functions. */
export const FUNCTION_TYPES: readonly string[] = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

/**
 * The types that tie an event source to a function (a mapping or a SAM function's `Events`), with
 * the functions themselves: the gate of the consumer rules (`RuleMeta.resourceTypes`).
 */
export const EVENT_SOURCE_TYPES: readonly string[] = [...FUNCTION_TYPES, 'AWS::Lambda::EventSourceMapping'];

/** A Lambda function that consumes an SQS queue, and the mapping or SAM event that says so. */
export interface QueueConsumer {
  queue: Resource;
  fn: Resource;
  /** Path of the `AWS::Lambda::EventSourceMapping` resource or the SAM event. */
  via: Path;
}

const cache = new WeakMap<TemplateModel, QueueConsumer[]>();

/**
 * Every (queue, function) pair linked by an `AWS::Lambda::EventSourceMapping` or a SAM
 * `Events.<id>.Type: SQS` event, following the forms of spec §2.1's linking table.
 */
export function sqsConsumers(model: TemplateModel): QueueConsumer[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: QueueConsumer[] = [];
  for (const mapping of model.ofType('AWS::Lambda::EventSourceMapping')) {
    const queue = resolveQueue(model, get(mapping.properties, 'EventSourceArn'));
    const fn = resolveFunction(model, get(mapping.properties, 'FunctionName'), 0);
    if (queue && fn) out.push({ queue, fn, via: mapping.path });
  }
  for (const fn of model.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      if (stringOf(get(pair.value, 'Type')) !== 'SQS') continue;
      const queue = resolveQueue(model, get(get(pair.value, 'Properties'), 'Queue'));
      if (queue) out.push({ queue, fn, via: [...fn.path, 'Properties', 'Events', String(pair.key.value)] });
    }
  }
  cache.set(model, out);
  return out;
}

function resolveQueue(model: TemplateModel, node: Node | undefined): Resource | undefined {
  const ref = model.referenced(node);
  if (ref) {
    const resource = model.resources.get(ref.name);
    return resource?.type === 'AWS::SQS::Queue' ? resource : undefined;
  }
  return model.byLiteralName(node, 'AWS::SQS::Queue', 'QueueName');
}

/** Follows `FunctionName`/ARN values through aliases and versions (`!Ref Alias` → its FunctionName → F). */
export function resolveFunction(model: TemplateModel, node: Node | null | undefined, depth = 0): Resource | undefined {
  if (depth > 3 || node == null) return undefined;
  const ref = model.referenced(node);
  if (ref) {
    const resource = model.resources.get(ref.name);
    if (!resource) return undefined;
    if (FUNCTION_TYPES.includes(resource.type)) return resource;
    if (resource.type === 'AWS::Lambda::Alias' || resource.type === 'AWS::Lambda::Version') {
      return resolveFunction(model, get(resource.properties, 'FunctionName'), depth + 1);
    }
    return undefined;
  }
  return model.byLiteralName(node, 'AWS::Lambda::Function', 'FunctionName')
    ?? model.byLiteralName(node, 'AWS::Serverless::Function', 'FunctionName');
}

/** SAM functions read `Globals.Function`; plain Lambda functions do not. */
export function globalsSectionOf(resource: Resource): string | undefined {
  return resource.type.startsWith('AWS::Serverless::') ? resource.type.slice('AWS::Serverless::'.length) : undefined;
}

import { get, isMap, isScalar, type Node } from '../../parse/tree';
import { parse } from '../../parse';
import { asBoolean, candidates, numberCandidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';

/** `FifoQueue` as a boolean: true, false (also when unset: a standard queue), or undefined when unknown. */
export function isFifo(template: TemplateModel, queue: Resource): boolean | undefined {
  const node = get(queue.properties, 'FifoQueue');
  if (!node) return false;
  const c = candidates(node, template);
  if (!c || c.values.length !== 1) return undefined;
  return asBoolean(c.values[0]) ?? undefined;
}

/** A queue property's single known number, its default when unset, or undefined when unknown. */
export function queueNumber(template: TemplateModel, queue: Resource, property: string, fallback: number): number | undefined {
  const node = get(queue.properties, property);
  if (!node) return fallback;
  const n = numberCandidates(node, template);
  return n && n.values.length === 1 ? n.values[0] : undefined;
}

/**
 * RedrivePolicy as a map: CloudFormation accepts a map or a JSON string. Returns the tree of the
 * policy (for a string, a tree parsed from it, whose offsets are not the template's).
 */
export function redrivePolicy(queue: Resource): { node: Node; inline: boolean } | undefined {
  const node = get(queue.properties, 'RedrivePolicy');
  if (isMap(node)) return { node, inline: false };
  if (isScalar(node) && typeof node.value === 'string') {
    const parsed = parse(node.value, 'policy.json');
    if (isMap(parsed.tree) && parsed.errors.length === 0) return { node: parsed.tree, inline: true };
  }
  return undefined;
}

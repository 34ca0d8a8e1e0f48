import { get, isMap, isScalar, isSeq, type Node, soleKey } from '../../parse/tree';
import type { Path } from '../../types';
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
 * The RedrivePolicy maps of a queue: CloudFormation accepts a map or a JSON string, and templates
 * often wrap it in `Fn::If` (one policy per branch; an `AWS::NoValue` branch has none). For a
 * string, the tree is parsed from it and its offsets are not the template's (`inline`).
 */
export function redrivePolicies(queue: Resource): Array<{ node: Node; inline: boolean; path: Path }> {
  const basePath: Path = [...queue.path, 'Properties', 'RedrivePolicy'];
  const node = get(queue.properties, 'RedrivePolicy');
  const branches: Array<{ node: Node | undefined; path: Path }> = [];
  if (soleKey(node) === 'Fn::If' && isMap(node)) {
    const arg = node.pairs[0].value;
    if (isSeq(arg) && arg.items.length === 3) {
      branches.push({ node: arg.items[1], path: [...basePath, 'Fn::If', 1] }, { node: arg.items[2], path: [...basePath, 'Fn::If', 2] });
    }
  } else {
    branches.push({ node, path: basePath });
  }
  const out: Array<{ node: Node; inline: boolean; path: Path }> = [];
  for (const branch of branches) {
    const value = branch.node;
    if (isMap(value) && !soleKey(value)?.match(/^(Ref|Fn::)/)) out.push({ node: value, inline: false, path: branch.path });
    else if (isScalar(value) && typeof value.value === 'string') {
      const parsed = parse(value.value, 'policy.json');
      if (isMap(parsed.tree) && parsed.errors.length === 0) out.push({ node: parsed.tree, inline: true, path: branch.path });
    }
  }
  return out;
}

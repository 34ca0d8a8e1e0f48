/**
 * The neutral document tree that every rule and hover reads. YAML and JSON both parse into it,
 * so a JSON template and its YAML twin give the same findings. CloudFormation short-form tags
 * (`!Ref X`) become the same one-key map as their long form (`{Ref: X}`), marked `short`.
 */
export type Node = MapNode | SeqNode | ScalarNode;

interface NodeBase {
  /** Offset of the first character of the node (of the tag, for a short-form intrinsic). */
  start: number;
  /** Offset just past the node's last character. */
  end: number;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: ScalarValue;
  /** True when the scalar was written quoted ('x', "x") or as a block scalar: it is text, never a number. */
  quoted?: boolean;
  /** The YAML tag as written, when it is not a CloudFormation intrinsic. */
  tag?: string;
}

export interface Pair {
  key: ScalarNode;
  /** Null when nothing follows the colon (`Properties:`). */
  value: Node | null;
  start: number;
  end: number;
}

export interface MapNode extends NodeBase {
  type: 'map';
  pairs: Pair[];
  /** Set on a map made from a short-form tag such as `!GetAtt A.Arn`. */
  short?: boolean;
  flow?: boolean;
  tag?: string;
}

export interface SeqNode extends NodeBase {
  type: 'seq';
  items: Node[];
  flow?: boolean;
  tag?: string;
}

export function isMap(node: Node | null | undefined): node is MapNode {
  return node?.type === 'map';
}

export function isSeq(node: Node | null | undefined): node is SeqNode {
  return node?.type === 'seq';
}

export function isScalar(node: Node | null | undefined): node is ScalarNode {
  return node?.type === 'scalar';
}

/** Maps with more pairs than this get a key index on first lookup (a template's `Resources`). */
const INDEX_FROM = 12;
const keyIndexes = new WeakMap<MapNode, { size: number; byKey: Map<unknown, Pair> }>();

/**
 * The pair of `map` whose key is `key` (the last one, as YAML and JSON loaders keep the last).
 * Large maps are indexed once, so a rule that looks up each of 10,000 resources by name stays
 * linear in the template's size.
 */
export function pairOf(map: Node | null | undefined, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  const pairs = map.pairs;
  if (pairs.length > INDEX_FROM) {
    let index = keyIndexes.get(map);
    if (!index || index.size !== pairs.length) {
      const byKey = new Map<unknown, Pair>();
      for (const pair of pairs) byKey.set(pair.key.value, pair);
      index = { size: pairs.length, byKey };
      keyIndexes.set(map, index);
    }
    return index.byKey.get(key);
  }
  for (let i = pairs.length - 1; i >= 0; i--) {
    if (pairs[i].key.value === key) return pairs[i];
  }
  return undefined;
}

export function get(map: Node | null | undefined, key: string): Node | undefined {
  return pairOf(map, key)?.value ?? undefined;
}

/** Follows a path of keys and indexes from `node`. */
export function at(node: Node | null | undefined, path: ReadonlyArray<string | number>): Node | undefined {
  let current: Node | null | undefined = node;
  for (const step of path) {
    if (current == null) return undefined;
    if (typeof step === 'number') {
      current = isSeq(current) ? current.items[step] : undefined;
    } else {
      current = get(current, step);
    }
  }
  return current ?? undefined;
}

/** A scalar's text, or undefined for anything that is not a plain string scalar. */
export function stringOf(node: Node | null | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** The single key of a one-key map (the shape of every intrinsic function), else undefined. */
export function soleKey(node: Node | null | undefined): string | undefined {
  if (!isMap(node) || node.pairs.length !== 1) return undefined;
  const key = node.pairs[0].key.value;
  return typeof key === 'string' ? key : undefined;
}

/**
 * Every node a key pattern reaches from `node`: keys step into maps, `[]` into every list item
 * (the attach-path notation of knowledge/README.md), with the path of each hit.
 */
export function* nodesAt(node: Node | null | undefined, pattern: readonly string[], path: ReadonlyArray<string | number>): Generator<{ node: Node; path: ReadonlyArray<string | number> }> {
  if (!node) return;
  if (pattern.length === 0) {
    yield { node, path };
    return;
  }
  const [step, ...rest] = pattern;
  if (step === '[]') {
    if (!isSeq(node)) return;
    for (let i = 0; i < node.items.length; i++) yield* nodesAt(node.items[i], rest, [...path, i]);
    return;
  }
  const next = get(node, step);
  if (next) yield* nodesAt(next, rest, [...path, step]);
}

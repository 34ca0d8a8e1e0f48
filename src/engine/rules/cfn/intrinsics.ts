import { INTRINSIC_KEYS } from '../../parse/intrinsics';
import { get, isMap, isScalar, isSeq, type MapNode, type Node, soleKey, stringOf } from '../../parse/tree';
import type { ParsedDocument } from '../../parse';
import type { TextEdit } from '../../types';
import type { Path } from '../../types';

/** One intrinsic function call found in a template: `{Fn::GetAtt: …}`, `!Sub …`, `{Ref: X}`. */
export interface IntrinsicCall {
  name: string;
  node: MapNode;
  arg: Node | null;
  /** Path of the one-key map. */
  path: Path;
}

const cache = new WeakMap<Node, IntrinsicCall[]>();

/**
 * Every intrinsic function call in the document, nested ones included (an `Fn::Sub` inside an
 * `Fn::If` branch…), in document order. Computed once per tree: the CFN rules share it.
 */
export function intrinsicCalls(root: Node): IntrinsicCall[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const out: IntrinsicCall[] = [];
  // YAML aliases make the tree a graph whose paths can explode (alias bombs): visit a node once.
  const seen = new Set<Node>();
  const visit = (node: Node | null | undefined, path: Path): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (isMap(node)) {
      const key = soleKey(node);
      if (key && INTRINSIC_KEYS.has(key)) out.push({ name: key, node, arg: node.pairs[0].value, path });
      for (const pair of node.pairs) visit(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(root, []);
  cache.set(root, out);
  return out;
}

/** The template string of an `Fn::Sub` (either form) and its variable map, if any. */
export function subParts(arg: Node | null | undefined): { text: Node; vars: Node | undefined } | undefined {
  if (isScalar(arg) && typeof arg.value === 'string') return { text: arg, vars: undefined };
  if (isSeq(arg) && arg.items.length >= 1 && isScalar(arg.items[0]) && typeof arg.items[0].value === 'string') {
    return { text: arg.items[0], vars: arg.items[1] };
  }
  return undefined;
}

/** `${Name}` / `${Res.Attr}` variables of a Sub string, without the `${!Literal}` escapes. */
export function subVariables(text: string): Array<{ name: string; index: number; length: number }> {
  const out: Array<{ name: string; index: number; length: number }> = [];
  const re = /\$\{([^}]*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1].startsWith('!')) continue;
    out.push({ name: m[1].trim(), index: m.index, length: m[0].length });
  }
  return out;
}

/**
 * A name whose value a template resolves the same way every time it is written the same way:
 * a literal string, or an `Fn::Sub`/`Fn::Join` built from literals, parameters and pseudo
 * parameters (`${AWS::StackName}-VpcId`). Used to compare export names with each other and with
 * imports. Undefined when the value depends on something else (a resource attribute, a map).
 */
export function canonicalName(node: Node | null | undefined, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (isScalar(node)) return node.value == null ? undefined : String(node.value);
  if (!isMap(node)) return undefined;
  const fn = soleKey(node);
  const arg = node.pairs[0]?.value;
  if (fn === 'Fn::Sub') {
    const parts = subParts(arg);
    if (!parts || (isMap(parts.vars) && parts.vars.pairs.length > 0)) return undefined;
    return String((parts.text as { value: string }).value).replace(/\$\{\s*([^}!][^}]*?)\s*\}/g, '${$1}');
  }
  if (fn === 'Ref') {
    const name = stringOf(arg);
    return name ? `\${${name}}` : undefined;
  }
  if (fn === 'Fn::Join' && isSeq(arg) && arg.items.length === 2 && isScalar(arg.items[0]) && isSeq(arg.items[1])) {
    const parts: string[] = [];
    for (const item of arg.items[1].items) {
      const part = canonicalName(item, depth + 1);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return parts.join(String(arg.items[0].value ?? ''));
  }
  return undefined;
}

/** The Transform section as a list of names. */
export function transforms(root: Node): string[] {
  const t = get(root, 'Transform');
  if (isScalar(t)) return t.value == null ? [] : [String(t.value)];
  if (isSeq(t)) return t.items.map((i) => stringOf(i)).filter((s): s is string => s !== undefined);
  return [];
}

/**
 * Replaces a one-key intrinsic map (`!Ref Q`, `Ref: Q`, `{"Ref": "Q"}`) with `Fn::GetAtt` of the
 * same resource, written in the style of the document.
 */
export function replaceWithGetAtt(doc: ParsedDocument, node: MapNode, resource: string, attribute: string): TextEdit {
  const pair = node.pairs[0];
  if (doc.format === 'json') {
    return { start: node.start, end: node.end, newText: `{ "Fn::GetAtt": [${JSON.stringify(resource)}, ${JSON.stringify(attribute)}] }` };
  }
  if (node.short) return { start: node.start, end: pair.end, newText: `!GetAtt ${resource}.${attribute}` };
  if (node.flow) return { start: node.start, end: node.end, newText: `{Fn::GetAtt: [${resource}, ${attribute}]}` };
  return { start: pair.start, end: pair.end, newText: `Fn::GetAtt: [${resource}, ${attribute}]` };
}

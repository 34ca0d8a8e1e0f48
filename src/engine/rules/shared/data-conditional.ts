import { get, isMap, isScalar, isSeq, type Node, type ScalarValue, soleKey, stringOf } from '../../parse/tree';
import { candidates, type ValueScope } from '../../model/values';

/**
 * Helpers for properties that templates switch on and off with `Fn::If` and `AWS::NoValue`
 * (DynamoDB, ElastiCache, ELB and S3 rules). "Unknown stays unknown": callers say nothing when a
 * helper returns undefined or `conditional`.
 */

export type Presence = 'absent' | 'present' | 'conditional';

/** `!Ref AWS::NoValue`: the property is removed. */
export function isNoValue(node: Node | null | undefined): boolean {
  return soleKey(node) === 'Ref' && isMap(node) && stringOf(node.pairs[0].value) === 'AWS::NoValue';
}

/** The `[condition, then, else]` of an `Fn::If`, or undefined. */
export function ifBranches(node: Node | null | undefined): { condition: string | undefined; branches: [Node | null, Node | null] } | undefined {
  if (soleKey(node) !== 'Fn::If' || !isMap(node)) return undefined;
  const arg = node.pairs[0].value;
  if (!isSeq(arg) || arg.items.length !== 3) return undefined;
  return { condition: stringOf(arg.items[0]), branches: [arg.items[1], arg.items[2]] };
}

/** Whether a property is there: absent, present, or only in one branch of an `Fn::If`. */
export function presence(node: Node | null | undefined): Presence {
  if (node == null || isNoValue(node)) return 'absent';
  const branches = ifBranches(node);
  if (!branches) return 'present';
  const [a, b] = branches.branches.map(presence);
  if (a === b && a !== 'conditional') return a;
  return 'conditional';
}

/**
 * Every value a scalar property can take, with `fallback` standing for "not set" (an absent
 * property or an `AWS::NoValue` branch). Undefined when any candidate is unknown.
 */
export function valuesOrDefault(node: Node | null | undefined, scope: ValueScope, fallback: ScalarValue, depth = 0): { values: ScalarValue[]; choice: boolean } | undefined {
  if (node == null || isNoValue(node)) return { values: [fallback], choice: false };
  const branches = ifBranches(node);
  if (branches && depth < 6) {
    const a = valuesOrDefault(branches.branches[0], scope, fallback, depth + 1);
    const b = valuesOrDefault(branches.branches[1], scope, fallback, depth + 1);
    if (!a || !b) return undefined;
    return { values: [...a.values, ...b.values], choice: true };
  }
  return candidates(node, scope);
}

/** The literal items of a list property, or undefined when the list is computed (Fn::If, Ref…). */
export function literalItems(node: Node | null | undefined): Node[] | undefined {
  return isSeq(node) ? node.items : undefined;
}

/** A map's value for `key` as a plain string (no intrinsics). */
export function literalString(map: Node | null | undefined, key: string): string | undefined {
  const node = get(map, key);
  return isScalar(node) && node.value != null ? String(node.value) : undefined;
}

/** A one-key map that is an intrinsic function (`Fn::If`, `Ref`, `Fn::GetAtt`…), not a literal map. */
export function isIntrinsic(node: Node | null | undefined): boolean {
  const key = soleKey(node);
  return key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'));
}

import { get, isMap, isScalar, isSeq, type Node, type ScalarValue, soleKey, stringOf } from '../parse/tree';

/**
 * What a value can be, as far as the template tells (spec §2.1 "Value evaluation"):
 * `values` lists every candidate (two for an `Fn::If`), `partial` says some candidates came from
 * a choice (a parameter's AllowedValues, one branch of an `Fn::If`), and `undefined` means
 * unknown: a rule whose input is unknown says nothing.
 */
export interface Candidates {
  values: ScalarValue[];
  /** True when the value depends on a choice made at deploy time. */
  choice: boolean;
}

export interface ValueScope {
  parameter(name: string): Node | undefined;
  mapping(name: string): Node | undefined;
}

const MAX_DEPTH = 12;

export function candidates(node: Node | null | undefined, scope: ValueScope, depth = 0): Candidates | undefined {
  if (node == null || depth > MAX_DEPTH) return undefined;
  if (isScalar(node)) return { values: [node.value], choice: false };
  if (!isMap(node)) return undefined;
  const fn = soleKey(node);
  if (!fn) return undefined;
  const arg = node.pairs[0].value;
  switch (fn) {
    case 'Ref': {
      const name = stringOf(arg);
      const parameter = name ? scope.parameter(name) : undefined;
      if (!parameter) return undefined;
      const def = get(parameter, 'Default');
      if (isScalar(def)) return { values: [def.value], choice: false };
      const allowed = get(parameter, 'AllowedValues');
      if (isSeq(allowed) && allowed.items.length > 0 && allowed.items.every(isScalar)) {
        return { values: allowed.items.map((i) => (i as { value: ScalarValue }).value), choice: true };
      }
      return undefined;
    }
    case 'Fn::If': {
      if (!isSeq(arg) || arg.items.length !== 3) return undefined;
      const a = candidates(arg.items[1], scope, depth + 1);
      const b = candidates(arg.items[2], scope, depth + 1);
      if (!a || !b) return undefined;
      return { values: [...a.values, ...b.values], choice: true };
    }
    case 'Fn::FindInMap': {
      if (!isSeq(arg) || arg.items.length < 3) return undefined;
      const [mapName, top, second] = arg.items.slice(0, 3).map((item) => single(candidates(item, scope, depth + 1)));
      if (typeof mapName !== 'string' || top == null || second == null) return undefined;
      const value = get(get(scope.mapping(mapName), String(top)), String(second));
      return isScalar(value) ? { values: [value.value], choice: false } : undefined;
    }
    default:
      return undefined;
  }
}

function single(c: Candidates | undefined): ScalarValue | undefined {
  return c && c.values.length === 1 ? c.values[0] : undefined;
}

/** A scalar as a number: numbers, and numeric strings ("30"), which CloudFormation coerces. */
export function asNumber(value: ScalarValue): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Every candidate as a number, or undefined when any candidate is not numeric or the value is unknown. */
export function numberCandidates(node: Node | null | undefined, scope: ValueScope): { values: number[]; choice: boolean } | undefined {
  const c = candidates(node, scope);
  if (!c) return undefined;
  const values: number[] = [];
  for (const v of c.values) {
    const n = asNumber(v);
    if (n === undefined) return undefined;
    values.push(n);
  }
  return { values, choice: c.choice };
}

export function asBoolean(value: ScalarValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True' || value === 'TRUE') return true;
  if (value === 'false' || value === 'False' || value === 'FALSE') return false;
  return undefined;
}

/**
 * The literal text of a string-valued property: a string, the template of an `Fn::Sub` (either
 * form), or a `Fn::Join` of literal parts with `placeholder` standing for each non-literal part.
 * Used to match ARNs and URIs whose variable parts do not matter (`…:ec2:recover`, `…/invocations`).
 */
export function literalText(node: Node | null | undefined, placeholder: string): string | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? node.value : undefined;
  if (!isMap(node)) return undefined;
  const fn = soleKey(node);
  const arg = node.pairs[0]?.value;
  if (fn === 'Fn::Sub') return isSeq(arg) ? stringOf(arg.items[0]) : stringOf(arg);
  if (fn === 'Fn::Join' && isSeq(arg) && isSeq(arg.items[1])) {
    const sep = stringOf(arg.items[0]) ?? '';
    return arg.items[1].items.map((part) => (isScalar(part) ? String(part.value ?? '') : placeholder)).join(sep);
  }
  return undefined;
}

import { get, type Node, type ScalarValue } from '../../parse/tree';
import type { Resource, TemplateModel } from '../../model/template';
import { asBoolean, candidates } from '../../model/values';
import { ifBranches, isNoValue, presence } from '../shared/data-conditional';

export const REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';

/** Does a string use a CloudFormation dynamic reference (`{{resolve:…}}`)? */
export function isDynamicReference(value: ScalarValue): boolean {
  return typeof value === 'string' && /\{\{resolve:[a-z-]+:/.test(value);
}

/**
 * The boolean values a property can take, with "unset"/`AWS::NoValue` read as `fallback`.
 * Undefined when a candidate is unknown or not a boolean.
 */
export function booleans(node: Node | null | undefined, template: TemplateModel, fallback: boolean): boolean[] | undefined {
  if (node == null || isNoValue(node)) return [fallback];
  const branches = ifBranches(node);
  if (branches) {
    const a = booleans(branches.branches[0], template, fallback);
    const b = booleans(branches.branches[1], template, fallback);
    return a && b ? [...a, ...b] : undefined;
  }
  const c = candidates(node, template);
  if (!c) return undefined;
  const out: boolean[] = [];
  for (const v of c.values) {
    const b = asBoolean(v);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return out;
}

/**
 * Pairs of (AuthToken set?, TransitEncryptionEnabled) a replication group can deploy with. When
 * both properties switch on the same `Fn::If` condition, the branches are paired, not crossed.
 */
export function authTransitPairs(template: TemplateModel, group: Resource): Array<{ auth: boolean; transit: boolean }> | undefined {
  const auth = get(group.properties, 'AuthToken');
  const transit = get(group.properties, 'TransitEncryptionEnabled');
  const a = ifBranches(auth);
  const t = ifBranches(transit);
  if (a && t && a.condition !== undefined && a.condition === t.condition) {
    const out: Array<{ auth: boolean; transit: boolean }> = [];
    for (let i = 0; i < 2; i++) {
      const authSet = presence(a.branches[i]);
      const values = booleans(t.branches[i], template, false);
      if (authSet === 'conditional' || !values) return undefined;
      for (const v of values) out.push({ auth: authSet === 'present', transit: v });
    }
    return out;
  }
  const authState = presence(auth);
  const authValues = authState === 'conditional' ? [true, false] : [authState === 'present'];
  const transitValues = booleans(transit, template, false);
  if (!transitValues) return undefined;
  return authValues.flatMap((x) => transitValues.map((v) => ({ auth: x, transit: v })));
}

import { get, isMap, type MapNode, type Node, stringOf } from '../../parse/tree';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { isIntrinsic, literalItems, literalString } from '../shared/data-conditional';
import { booleans } from '../elasticache/auth-facts';

export const ALB_NLB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const CLB = 'AWS::ElasticLoadBalancing::LoadBalancer';

/** One `{Key, Value}` entry of an ELBv2 attribute list (LoadBalancerAttributes, TargetGroupAttributes). */
export interface AttributeEntry {
  key: string;
  value: Node | undefined;
  path: Path;
}

/** The literal `{Key, Value}` entries of an attribute list; undefined when the list is computed. */
export function attributeEntries(owner: Resource, property: string): AttributeEntry[] | undefined {
  const node = get(owner.properties, property);
  if (node === undefined) return [];
  const items = literalItems(node);
  if (!items) return undefined;
  const out: AttributeEntry[] = [];
  items.forEach((item, i) => {
    const key = literalString(item, 'Key');
    if (key !== undefined) out.push({ key, value: get(item, 'Value'), path: [...owner.path, 'Properties', property, i] });
  });
  return out;
}

/**
 * Is access logging on? true / false, 'choice' when it depends on a deploy-time choice, undefined
 * when unknown. ELBv2: the `access_logs.s3.enabled` attribute (default false); CLB:
 * `AccessLoggingPolicy.Enabled`.
 */
export function accessLogsEnabled(template: TemplateModel, lb: Resource, enabledKey: string): boolean | 'choice' | undefined {
  let values: boolean[] | undefined;
  if (lb.type === ALB_NLB) {
    const entries = attributeEntries(lb, 'LoadBalancerAttributes');
    if (!entries) return undefined;
    const entry = entries.find((e) => e.key === enabledKey);
    values = entry ? booleans(entry.value, template, false) : [false];
  } else {
    const policy = get(lb.properties, 'AccessLoggingPolicy');
    if (policy !== undefined && (!isMap(policy) || isIntrinsic(policy))) return undefined;
    values = policy ? booleans(get(policy, 'Enabled'), template, false) : [false];
  }
  if (!values) return undefined;
  if (values.every((v) => v)) return true;
  if (values.every((v) => !v)) return false;
  return 'choice';
}

/** The ELBv2 load balancer type (default application). */
export function loadBalancerType(lb: Resource): string | undefined {
  const node = get(lb.properties, 'Type');
  if (node === undefined) return 'application';
  return stringOf(node);
}

export function asMap(node: Node | undefined): MapNode | undefined {
  return isMap(node) ? node : undefined;
}

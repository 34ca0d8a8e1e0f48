import type { Knowledge } from '../../knowledge';
import { get, isMap, isScalar, isSeq, type MapNode, type Node, stringOf } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { parseInstanceType, seriesEntry, type ParsedInstanceType } from '../../describe/instance-type';

/**
 * What the EC2 rules share: where launch settings live (an instance's Properties, a launch
 * template's LaunchTemplateData, a launch configuration), the instance type they resolve to, and
 * the instance-type facts of the ec2 notes (hibernation, IPv6, EBS optimization, instance store).
 * Every list is read from the notes' `values`; nothing about instance types is hard-coded here.
 */

export interface LaunchSpec {
  resource: Resource;
  kind: 'instance' | 'launchTemplate' | 'launchConfiguration';
  /** The map holding InstanceType, HibernationOptions, CpuOptions…, and its path. */
  data: MapNode;
  path: Path;
}

/** The resource types that hold launch settings: the gate of the EC2 rules (`RuleMeta.resourceTypes`). */
export const LAUNCH_TYPES: readonly string[] = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];

const cache = new WeakMap<TemplateModel, LaunchSpec[]>();

export function launchSpecs(template: TemplateModel): LaunchSpec[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const out: LaunchSpec[] = [];
  for (const resource of template.ofType(...LAUNCH_TYPES)) {
    if (!resource.properties) continue;
    if (resource.type === 'AWS::EC2::LaunchTemplate') {
      const data = get(resource.properties, 'LaunchTemplateData');
      if (isMap(data)) out.push({ resource, kind: 'launchTemplate', data, path: [...resource.path, 'Properties', 'LaunchTemplateData'] });
    } else {
      out.push({
        resource,
        kind: resource.type === 'AWS::EC2::Instance' ? 'instance' : 'launchConfiguration',
        data: resource.properties,
        path: [...resource.path, 'Properties'],
      });
    }
  }
  cache.set(template, out);
  return out;
}

/** Every candidate instance type of a node (literal, parameter default/AllowedValues, Fn::If). */
export interface TypeCandidates {
  types: string[];
  /** True when the value depends on a deploy-time choice (a parameter's AllowedValues, an Fn::If). */
  choice: boolean;
}

export function typeCandidates(template: TemplateModel, node: Node | undefined): TypeCandidates | undefined {
  const c = candidates(node, template);
  if (!c || c.values.length === 0) return undefined;
  const types: string[] = [];
  for (const v of c.values) {
    if (typeof v !== 'string') return undefined;
    types.push(v);
  }
  return { types, choice: c.choice };
}

export function instanceTypeOf(template: TemplateModel, spec: LaunchSpec): TypeCandidates | undefined {
  return typeCandidates(template, get(spec.data, 'InstanceType'));
}

/**
 * How many candidates satisfy `test`: `all` when every candidate does (report at full severity),
 * `some` when only some do (report one level lower, spec §2.1), `none` otherwise.
 */
export function howMany(values: string[], test: (value: string) => boolean): 'all' | 'some' | 'none' {
  const hits = values.filter(test).length;
  if (hits === 0) return 'none';
  return hits === values.length ? 'all' : 'some';
}

/** A boolean property: true/false when every candidate agrees, `mixed` for an Fn::If with both. */
export function booleanOf(template: TemplateModel, node: Node | undefined): boolean | 'mixed' | undefined {
  const c = candidates(node, template);
  if (!c) return undefined;
  const values = c.values.map(asBoolean);
  if (values.some((v) => v === undefined)) return undefined;
  if (values.every((v) => v === true)) return true;
  if (values.every((v) => v === false)) return false;
  return 'mixed';
}

function strings(knowledge: Knowledge, id: string, ...path: string[]): string[] {
  return knowledge.value(id, ...path) as string[];
}

/** vCPUs of a size (xlarge = 4, Nxlarge = 4N); small sizes count 2. Undefined for metal. */
export function vcpusOf(size: string): number | undefined {
  if (size === 'xlarge') return 4;
  const match = /^(\d+)xlarge$/.exec(size);
  if (match) return 4 * Number(match[1]);
  if (size.startsWith('metal')) return undefined;
  return 2;
}

export type Hibernation = { supported: true } | { supported: false; reason: 'metal' | 'family' | 'ram'; ramGiB?: number } | { supported: undefined };

/** Can this type hibernate, according to ec2.hibernation.overview's values? */
export function hibernationSupport(knowledge: Knowledge, type: string): Hibernation {
  const parsed = parseInstanceType(type);
  if (!parsed) return { supported: undefined };
  const id = 'ec2.hibernation.overview';
  if (parsed.metal) return { supported: false, reason: 'metal' };
  const supported = strings(knowledge, id, 'supportedFamilies');
  if (supported.includes(parsed.family) || supported.includes(parsed.base)) {
    const ratio = (knowledge.value(id, 'ramGiBPerVcpu') as Record<string, number>)[parsed.series];
    const vcpus = vcpusOf(parsed.size);
    const max = knowledge.number(id, 'maxRamGiB');
    if (ratio !== undefined && vcpus !== undefined && ratio * vcpus >= max) return { supported: false, reason: 'ram', ramGiB: ratio * vcpus };
    return { supported: true };
  }
  if (strings(knowledge, id, 'unsupportedSeries').includes(parsed.series) || strings(knowledge, id, 'unsupportedFamilies').includes(parsed.base)) {
    return { supported: false, reason: 'family' };
  }
  return { supported: undefined };
}

export function isBareMetal(type: string): boolean {
  return parseInstanceType(type)?.metal === true;
}

/** IPv6 unsupported (ec2.ipv6-support noIpv6Families)? Undefined for a value that is not a type. */
export function lacksIpv6(knowledge: Knowledge, type: string): boolean | undefined {
  const parsed = parseInstanceType(type);
  if (!parsed) return undefined;
  return strings(knowledge, 'ec2.ipv6-support', 'noIpv6Families').includes(parsed.base);
}

export type EbsOptimization = 'default' | 'optional' | 'unavailable';

/** EBS optimization of a type per ec2.ebs-optimized-default; undefined for unknown series. */
export function ebsOptimization(knowledge: Knowledge, type: string): EbsOptimization | undefined {
  const parsed = parseInstanceType(type);
  if (!parsed || !seriesEntry(knowledge, parsed)) return undefined;
  const id = 'ec2.ebs-optimized-default';
  if (!strings(knowledge, id, 'notDefaultFamilies').includes(parsed.base)) return 'default';
  return strings(knowledge, id, 'optionalTypes').includes(type) ? 'optional' : 'unavailable';
}

/** Types that come with instance store volumes: every `d` option letter, plus the note's list. */
export function hasInstanceStoreType(knowledge: Knowledge, type: string): boolean | undefined {
  const parsed: ParsedInstanceType | undefined = parseInstanceType(type);
  if (!parsed) return undefined;
  return parsed.letters.includes('d') || strings(knowledge, 'ec2.instance-store', 'familiesWithInstanceStore').includes(parsed.base);
}

/** Block device mappings that map an instance store volume (VirtualName ephemeralN). */
export function instanceStoreMappings(knowledge: Knowledge, data: MapNode): Array<{ index: number; node: Node }> {
  const prefix = String(knowledge.value('ec2.instance-store', 'virtualNamePrefix'));
  const mappings = get(data, 'BlockDeviceMappings');
  const out: Array<{ index: number; node: Node }> = [];
  if (!isSeq(mappings)) return out;
  mappings.items.forEach((item, index) => {
    const name = stringOf(get(item, 'VirtualName'));
    if (name?.startsWith(prefix)) out.push({ index, node: item });
  });
  return out;
}

/** Text of a node as written (for substring checks such as `ECS_CLUSTER` in UserData). */
export function sourceText(text: string, node: Node | undefined): string {
  return node ? text.slice(node.start, node.end) : '';
}

/** A literal scalar's string, for messages (`!Ref X` → `X`). */
export function display(node: Node | undefined): string {
  if (isScalar(node)) return String(node.value);
  return '…';
}

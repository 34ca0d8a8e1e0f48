import type { Knowledge } from '../knowledge';
import { at, get, isMap, isSeq, type MapNode, type Node, nodesAt } from '../parse/tree';
import type { Path } from '../types';
import type { Resource, TemplateModel } from './template';
import { candidates, numberCandidates } from './values';

/**
 * Where EBS volume settings live in a template: `AWS::EC2::Volume` properties, and the `Ebs` map
 * of every block device mapping (instances, launch templates, launch configurations, Spot Fleet
 * launch specifications, Image Builder recipes). EBS rules read volumes through this one list.
 */
export interface EbsVolumeSpec {
  resource: Resource;
  /** The map holding VolumeType, Iops, Size/VolumeSize, Encrypted… */
  map: MapNode;
  /** Path of `map`. */
  path: Path;
  kind: 'volume' | 'mapping';
  /** `Size` on AWS::EC2::Volume, `VolumeSize` in block device mappings, `SizeInGiB` on ECS managed volumes. */
  sizeKey: 'Size' | 'VolumeSize' | 'SizeInGiB';
  /** The block device mapping entry (for `DeviceName`), mappings only. */
  mapping?: MapNode;
  mappingPath?: Path;
  /** The instance type of the instance or template the mapping belongs to, when it has one. */
  instanceType?: Node;
}

interface MappingHost {
  type: string;
  /** Path under Properties to the BlockDeviceMappings list; `[]` walks a list. */
  pattern: string[];
  /** Path under Properties to the instance type. */
  instanceType?: string[];
}

const HOSTS: MappingHost[] = [
  { type: 'AWS::EC2::Instance', pattern: ['BlockDeviceMappings'], instanceType: ['InstanceType'] },
  { type: 'AWS::EC2::LaunchTemplate', pattern: ['LaunchTemplateData', 'BlockDeviceMappings'], instanceType: ['LaunchTemplateData', 'InstanceType'] },
  { type: 'AWS::AutoScaling::LaunchConfiguration', pattern: ['BlockDeviceMappings'], instanceType: ['InstanceType'] },
  { type: 'AWS::EC2::SpotFleet', pattern: ['SpotFleetRequestConfigData', 'LaunchSpecifications', '[]', 'BlockDeviceMappings'] },
  { type: 'AWS::ImageBuilder::ImageRecipe', pattern: ['BlockDeviceMappings'] },
];

/** Every resource type `ebsVolumes` reads: the gate of the EBS rules (`RuleMeta.resourceTypes`). */
export const EBS_VOLUME_TYPES: readonly string[] = ['AWS::EC2::Volume', ...HOSTS.map((host) => host.type), 'AWS::ECS::Service'];

const cache = new WeakMap<TemplateModel, EbsVolumeSpec[]>();

export function ebsVolumes(model: TemplateModel): EbsVolumeSpec[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: EbsVolumeSpec[] = [];
  for (const resource of model.ofType('AWS::EC2::Volume')) {
    if (resource.properties) {
      out.push({ resource, map: resource.properties, path: [...resource.path, 'Properties'], kind: 'volume', sizeKey: 'Size' });
    }
  }
  for (const host of HOSTS) {
    for (const resource of model.ofType(host.type)) {
      if (!resource.properties) continue;
      const instanceType = host.instanceType ? at(resource.properties, host.instanceType) : undefined;
      for (const list of nodesAt(resource.properties, host.pattern, [...resource.path, 'Properties'])) {
        if (!isSeq(list.node)) continue;
        list.node.items.forEach((item, index) => {
          if (!isMap(item)) return;
          const ebs = get(item, 'Ebs');
          if (!isMap(ebs)) return;
          const mappingPath = [...list.path, index];
          out.push({
            resource, map: ebs, path: [...mappingPath, 'Ebs'], kind: 'mapping', sizeKey: 'VolumeSize',
            mapping: item, mappingPath, instanceType,
          });
        });
      }
    }
  }
  // Amazon EBS volumes that ECS creates for a service's tasks (same VolumeType/Iops limits).
  for (const resource of model.ofType('AWS::ECS::Service')) {
    const configs = get(resource.properties, 'VolumeConfigurations');
    if (!isSeq(configs)) continue;
    configs.items.forEach((item, index) => {
      const managed = get(item, 'ManagedEBSVolume');
      if (!isMap(item) || !isMap(managed)) return;
      const mappingPath = [...resource.path, 'Properties', 'VolumeConfigurations', index];
      out.push({ resource, map: managed, path: [...mappingPath, 'ManagedEBSVolume'], kind: 'mapping', sizeKey: 'SizeInGiB', mapping: item, mappingPath });
    });
  }
  cache.set(model, out);
  return out;
}

/** What a volume's type can be: its literal or evaluated `VolumeType`, else the API default for `AWS::EC2::Volume`. */
export interface TypeCandidates {
  values: string[];
  choice: boolean;
  /** False when the type is the default (no VolumeType written). */
  explicit: boolean;
}

export function volumeTypes(spec: EbsVolumeSpec, model: TemplateModel, knowledge: Knowledge): TypeCandidates | undefined {
  const node = get(spec.map, 'VolumeType');
  if (node === undefined) {
    // CreateVolume defaults to gp2; a block device mapping without a type takes the AMI's or the
    // API's choice, which the template does not show.
    if (spec.kind !== 'volume') return undefined;
    return { values: [String(knowledge.value('ebs.gp2.profile', 'apiDefaultType'))], choice: false, explicit: false };
  }
  const c = candidates(node, model);
  if (!c || !c.values.every((v) => typeof v === 'string')) return undefined;
  return { values: c.values.map((v) => String(v).toLowerCase()), choice: c.choice, explicit: true };
}

export function numbersOf(spec: EbsVolumeSpec, key: string, model: TemplateModel): { values: number[]; choice: boolean } | undefined {
  return numberCandidates(get(spec.map, key), model);
}

/** Every combination of the candidate lists (a small cross product: Fn::If gives two values). */
export function combinations<T extends unknown[]>(...lists: { [K in keyof T]: T[K][] }): T[] {
  let out: unknown[][] = [[]];
  for (const list of lists) {
    const next: unknown[][] = [];
    for (const prefix of out) for (const value of list) next.push([...prefix, value]);
    out = next;
  }
  return out as T[];
}

import { get, isMap, isSeq, type Node, soleKey, stringOf } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { typeCandidates } from './instance-facts';

/**
 * Members of the template's placement groups (spec §2.1 "Instance/LaunchTemplate → PlacementGroup"
 * and "ASG → LaunchTemplate"), with what EC2010/EC2011 need to know about each: its AZs, tenancy,
 * instance types and, for Auto Scaling groups, MaxSize.
 */
export interface Member {
  resource: Resource;
  /** Path of the property that names the group (PlacementGroupName, Placement.GroupName…). */
  via: Path;
  /** Distinct AZ keys when all are known (literal name, or `Fn::Select` index into `Fn::GetAZs`). */
  azs?: string[];
  tenancy?: { node: Node; path: Path };
  types?: string[];
  maxSize?: number;
  kind: 'instance' | 'launchTemplate' | 'asg';
}

export interface Group {
  resource: Resource;
  strategy?: string;
  members: Member[];
}

const cache = new WeakMap<TemplateModel, Group[]>();

export function placementGroups(template: TemplateModel): Group[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const groups = template.ofType('AWS::EC2::PlacementGroup').map((resource) => ({
    resource, strategy: stringOf(get(resource.properties, 'Strategy')), members: [] as Member[],
  }));
  const byName = new Map(groups.map((g) => [g.resource.name, g]));
  const groupOf = (node: Node | undefined) => {
    const ref = template.referenced(node);
    return ref ? byName.get(ref.name) : undefined;
  };
  for (const resource of template.ofType('AWS::EC2::Instance')) {
    const group = groupOf(get(resource.properties, 'PlacementGroupName'));
    if (!group) continue;
    const subnet = get(resource.properties, 'SubnetId') ?? firstInterfaceSubnet(resource);
    const az = azKey(template, get(resource.properties, 'AvailabilityZone')) ?? subnetAz(template, subnet);
    const tenancy = get(resource.properties, 'Tenancy');
    group.members.push({
      resource, kind: 'instance', via: [...resource.path, 'Properties', 'PlacementGroupName'],
      azs: az ? [az] : undefined,
      tenancy: tenancy ? { node: tenancy, path: [...resource.path, 'Properties', 'Tenancy'] } : undefined,
      types: typeCandidates(template, get(resource.properties, 'InstanceType'))?.types,
    });
  }
  const ltGroup = new Map<string, Group>();
  for (const resource of template.ofType('AWS::EC2::LaunchTemplate')) {
    const placement = get(get(resource.properties, 'LaunchTemplateData'), 'Placement');
    const group = groupOf(get(placement, 'GroupName'));
    if (!group) continue;
    ltGroup.set(resource.name, group);
    const base = [...resource.path, 'Properties', 'LaunchTemplateData', 'Placement'];
    const tenancy = get(placement, 'Tenancy');
    const az = azKey(template, get(placement, 'AvailabilityZone'));
    group.members.push({
      resource, kind: 'launchTemplate', via: [...base, 'GroupName'], azs: az ? [az] : undefined,
      tenancy: tenancy ? { node: tenancy, path: [...base, 'Tenancy'] } : undefined,
      types: typeCandidates(template, get(get(resource.properties, 'LaunchTemplateData'), 'InstanceType'))?.types,
    });
  }
  for (const resource of template.ofType('AWS::AutoScaling::AutoScalingGroup')) {
    const props = resource.properties;
    const lt = launchTemplateOf(template, resource);
    const direct = groupOf(get(props, 'PlacementGroup'));
    const group = direct ?? (lt ? ltGroup.get(lt.name) : undefined);
    if (!group) continue;
    const max = numberCandidates(get(props, 'MaxSize'), template);
    group.members.push({
      resource, kind: 'asg',
      via: direct ? [...resource.path, 'Properties', 'PlacementGroup'] : [...resource.path, 'Properties', 'LaunchTemplate'],
      azs: asgAzs(template, resource),
      types: asgTypes(template, resource, lt),
      maxSize: max && max.values.length === 1 ? max.values[0] : undefined,
    });
  }
  cache.set(template, groups);
  return groups;
}

function firstInterfaceSubnet(resource: Resource): Node | undefined {
  const interfaces = get(resource.properties, 'NetworkInterfaces');
  return isSeq(interfaces) ? get(interfaces.items[0], 'SubnetId') : undefined;
}

/** `us-east-1a` → `us-east-1a`; `!Select [1, !GetAZs '']` → `#1`. Undefined when unknown. */
export function azKey(template: TemplateModel, node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  const text = stringOf(node);
  if (text !== undefined) return text;
  if (soleKey(node) === 'Fn::Select' && isMap(node)) {
    const arg = node.pairs[0].value;
    if (!isSeq(arg) || arg.items.length !== 2) return undefined;
    const index = numberCandidates(arg.items[0], template);
    if (!index || index.values.length !== 1) return undefined;
    if (soleKey(arg.items[1]) !== 'Fn::GetAZs') return undefined;
    return `#${index.values[0]}`;
  }
  return undefined;
}

function subnetAz(template: TemplateModel, node: Node | undefined): string | undefined {
  const ref = template.referenced(node);
  const subnet = ref ? template.resources.get(ref.name) : undefined;
  if (subnet?.type !== 'AWS::EC2::Subnet') return undefined;
  return azKey(template, get(subnet.properties, 'AvailabilityZone'));
}

function asgAzs(template: TemplateModel, asg: Resource): string[] | undefined {
  const keys = new Set<string>();
  const subnets = get(asg.properties, 'VPCZoneIdentifier');
  const zones = get(asg.properties, 'AvailabilityZones');
  if (isSeq(subnets)) {
    for (const item of subnets.items) {
      const key = subnetAz(template, item);
      if (!key) return undefined;
      keys.add(key);
    }
  } else if (isSeq(zones)) {
    for (const item of zones.items) {
      const key = azKey(template, item);
      if (!key) return undefined;
      keys.add(key);
    }
  } else return undefined;
  return keys.size ? [...keys] : undefined;
}

export function launchTemplateOf(template: TemplateModel, asg: Resource): Resource | undefined {
  const specs = [
    get(asg.properties, 'LaunchTemplate'),
    get(get(get(asg.properties, 'MixedInstancesPolicy'), 'LaunchTemplate'), 'LaunchTemplateSpecification'),
  ];
  for (const spec of specs) {
    for (const key of ['LaunchTemplateId', 'LaunchTemplateName']) {
      const ref = template.referenced(get(spec, key));
      const resource = ref ? template.resources.get(ref.name) : undefined;
      if (resource?.type === 'AWS::EC2::LaunchTemplate') return resource;
    }
  }
  return undefined;
}

function asgTypes(template: TemplateModel, asg: Resource, lt: Resource | undefined): string[] | undefined {
  const overrides = get(get(get(asg.properties, 'MixedInstancesPolicy'), 'LaunchTemplate'), 'Overrides');
  if (isSeq(overrides) && overrides.items.length) {
    const out: string[] = [];
    for (const item of overrides.items) {
      const types = typeCandidates(template, get(item, 'InstanceType'));
      if (!types) return undefined;
      out.push(...types.types);
    }
    return out;
  }
  if (lt) return typeCandidates(template, get(get(lt.properties, 'LaunchTemplateData'), 'InstanceType'))?.types;
  const lcRef = template.referenced(get(asg.properties, 'LaunchConfigurationName'));
  const lc = lcRef ? template.resources.get(lcRef.name) : undefined;
  if (lc?.type === 'AWS::AutoScaling::LaunchConfiguration') return typeCandidates(template, get(lc.properties, 'InstanceType'))?.types;
  return undefined;
}

import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../parse/tree';
import type { Path } from '../types';
import type { Resource, TemplateModel } from './template';
import { asNumber, candidates } from './values';

/**
 * Links between EBS volumes and EC2 instances (spec §2.1 "Volume ↔ Instance"): an
 * `AWS::EC2::VolumeAttachment` (VolumeId/InstanceId) or an entry of `AWS::EC2::Instance.Volumes`.
 * Also how to tell an instance's type and Availability Zone, and a volume's AZ.
 */
export interface VolumeAttachmentLink {
  volume: Resource;
  instance: Resource;
  /** Where to report: the VolumeAttachment resource or the `Volumes[i]` entry of the instance. */
  path: Path;
  /** Human name of the link for messages: the VolumeAttachment's logical id or `Instance.Volumes`. */
  via: string;
  /** Offset of the link in the document (links are listed in document order). */
  start: number;
}

const cache = new WeakMap<TemplateModel, VolumeAttachmentLink[]>();

function resourceOfType(model: TemplateModel, node: Node | undefined, type: string): Resource | undefined {
  const ref = model.referenced(node);
  const resource = ref ? model.resources.get(ref.name) : undefined;
  return resource?.type === type ? resource : undefined;
}

export function volumeAttachments(model: TemplateModel): VolumeAttachmentLink[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: VolumeAttachmentLink[] = [];
  for (const attachment of model.ofType('AWS::EC2::VolumeAttachment')) {
    const volume = resourceOfType(model, get(attachment.properties, 'VolumeId'), 'AWS::EC2::Volume');
    const instance = resourceOfType(model, get(attachment.properties, 'InstanceId'), 'AWS::EC2::Instance');
    if (volume && instance) out.push({ volume, instance, path: attachment.path, via: attachment.name, start: attachment.pair.start });
  }
  for (const instance of model.ofType('AWS::EC2::Instance')) {
    const volumes = get(instance.properties, 'Volumes');
    if (!isSeq(volumes)) continue;
    volumes.items.forEach((item, index) => {
      const volume = resourceOfType(model, get(item, 'VolumeId'), 'AWS::EC2::Volume');
      if (volume) out.push({ volume, instance, path: [...instance.path, 'Properties', 'Volumes', index], via: `${instance.name}.Volumes`, start: item.start });
    });
  }
  out.sort((a, b) => a.start - b.start);
  cache.set(model, out);
  return out;
}

/** The instance type of an instance: its own `InstanceType`, else its launch template's. */
export function instanceTypeNode(model: TemplateModel, instance: Resource): Node | undefined {
  const own = get(instance.properties, 'InstanceType');
  if (own) return own;
  const spec = get(instance.properties, 'LaunchTemplate');
  const template = resourceOfType(model, get(spec, 'LaunchTemplateId'), 'AWS::EC2::LaunchTemplate')
    ?? byName(model, get(spec, 'LaunchTemplateName'));
  return get(get(template?.properties, 'LaunchTemplateData'), 'InstanceType');
}

function byName(model: TemplateModel, node: Node | undefined): Resource | undefined {
  const ref = model.referenced(node);
  if (ref) {
    const resource = model.resources.get(ref.name);
    return resource?.type === 'AWS::EC2::LaunchTemplate' ? resource : undefined;
  }
  return model.byLiteralName(node, 'AWS::EC2::LaunchTemplate', 'LaunchTemplateName');
}

/** Instance types a node can be (literal, parameter default/allowed values, Fn::If branches). */
export function instanceTypes(model: TemplateModel, node: Node | undefined): { values: string[]; choice: boolean } | undefined {
  const c = candidates(node, model);
  if (!c || !c.values.every((v) => typeof v === 'string')) return undefined;
  return { values: c.values as string[], choice: c.choice };
}

/**
 * An Availability Zone as far as the template tells: a literal name (`lit`), or
 * `!Select [i, !GetAZs region]` (`sel`), which names the same AZ wherever it appears in one stack.
 * Two AZs compare only when they are of the same form.
 */
export interface AzKey {
  form: 'lit' | 'sel';
  key: string;
  text: string;
}

const MAX_DEPTH = 4;

export function azOfNode(model: TemplateModel, node: Node | undefined, depth = 0): AzKey | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const fn = soleKey(node);
  if (isMap(node) && fn === 'Fn::Select') {
    const arg = node.pairs[0].value;
    if (!isSeq(arg) || arg.items.length !== 2) return undefined;
    const index = isScalar(arg.items[0]) ? asNumber(arg.items[0].value) : undefined;
    const azs = arg.items[1];
    if (index === undefined || soleKey(azs) !== 'Fn::GetAZs' || !isMap(azs)) return undefined;
    const region = regionKey(azs.pairs[0].value);
    if (region === undefined) return undefined;
    return { form: 'sel', key: `${index}@${region}`, text: `\`!Select [${index}, !GetAZs${region ? ` ${region}` : ''}]\`` };
  }
  if (isMap(node) && fn === 'Fn::GetAtt') {
    const ref = model.referenced(node);
    const resource = ref ? model.resources.get(ref.name) : undefined;
    if (!resource || ref?.attribute !== 'AvailabilityZone') return undefined;
    if (resource.type === 'AWS::EC2::Instance') return azOfInstance(model, resource, depth + 1);
    if (resource.type === 'AWS::EC2::Subnet') return azOfSubnet(model, resource, depth + 1);
    if (resource.type === 'AWS::EC2::Volume') return azOfVolume(model, resource, depth + 1);
    return undefined;
  }
  const c = candidates(node, model);
  if (!c || c.choice || c.values.length !== 1 || typeof c.values[0] !== 'string') return undefined;
  return { form: 'lit', key: c.values[0], text: c.values[0] };
}

/** `''`, `!Ref AWS::Region` and `${AWS::Region}` all mean the stack's Region; a literal names one. */
function regionKey(node: Node | null | undefined): string | undefined {
  if (node == null) return '';
  const text = stringOf(node);
  if (text !== undefined) return text === '${AWS::Region}' ? '' : text;
  const fn = soleKey(node);
  if (isMap(node) && fn === 'Ref' && stringOf(node.pairs[0].value) === 'AWS::Region') return '';
  if (isMap(node) && fn === 'Fn::Sub' && stringOf(node.pairs[0].value) === '${AWS::Region}') return '';
  return undefined;
}

export function azOfVolume(model: TemplateModel, volume: Resource, depth = 0): AzKey | undefined {
  return azOfNode(model, get(volume.properties, 'AvailabilityZone'), depth);
}

export function azOfSubnet(model: TemplateModel, subnet: Resource, depth = 0): AzKey | undefined {
  return azOfNode(model, get(subnet.properties, 'AvailabilityZone'), depth);
}

/** An instance's AZ: `AvailabilityZone`, else the AZ of its `SubnetId` or primary network interface's subnet. */
export function azOfInstance(model: TemplateModel, instance: Resource, depth = 0): AzKey | undefined {
  const own = get(instance.properties, 'AvailabilityZone');
  if (own) return azOfNode(model, own, depth);
  let subnetNode = get(instance.properties, 'SubnetId');
  if (!subnetNode) {
    const interfaces = get(instance.properties, 'NetworkInterfaces');
    if (isSeq(interfaces)) {
      const primary = interfaces.items.find((i) => {
        const index = get(i, 'DeviceIndex');
        return isScalar(index) && asNumber(index.value) === 0;
      });
      subnetNode = get(primary, 'SubnetId');
    }
  }
  const subnet = resourceOfType(model, subnetNode, 'AWS::EC2::Subnet');
  return subnet ? azOfSubnet(model, subnet, depth) : undefined;
}

/** True when both AZs are known, comparable and different. */
export function differentAz(a: AzKey | undefined, b: AzKey | undefined): boolean {
  return !!a && !!b && a.form === b.form && a.key !== b.key;
}

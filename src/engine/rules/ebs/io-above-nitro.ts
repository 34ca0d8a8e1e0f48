import { get } from '../../parse/tree';
import { ebsVolumes, type EbsVolumeSpec, numbersOf, volumeTypes } from '../../model/ebs-volumes';
import { isNitro, volumeTypeLimits } from '../../model/ebs-volume-types';
import { instanceTypeNode, instanceTypes, volumeAttachments } from '../../model/ebs-attachments';
import type { TemplateModel } from '../../model/template';
import type { Knowledge } from '../../knowledge';
import type { Rule } from '../types';
import { fmt, propertyPath, volumeName } from './volume-facts';

/**
 * EBS003 (info): io1/io2 provisioned above 32,000 IOPS. Only instances built on the Nitro System
 * deliver more (io1 up to 64,000, io2 up to 256,000); other instances reach 32,000 (and attach io2
 * volumes only up to 64,000 provisioned IOPS). When the template shows the instance the volume
 * belongs to (its block device mapping, or a VolumeAttachment / Instance.Volumes link) and its type
 * is Xen-based, the message names it. Source: Amazon EBS User Guide "Provisioned IOPS SSD volumes";
 * EC2 "Instances built on the Nitro System" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS003',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::LaunchConfiguration',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
      'AWS::EC2::SpotFleet',
      'AWS::EC2::Volume',
      'AWS::EC2::VolumeAttachment',
      'AWS::ECS::Service',
      'AWS::ImageBuilder::ImageRecipe',
    ],
    title: { en: 'io1/io2 above 32,000 IOPS needs Nitro', ja: 'io1/io2 の 32,000 IOPS 超は Nitro が必要' },
    note: 'ebs.io1.max-iops',
    messages: {
      above: {
        en: '`{volume}` provisions {iops} IOPS ({type}). Above {limit} IOPS is delivered only on Nitro-based instances (io1 up to 64,000, io2 up to 256,000); other instances reach {limit}.',
        ja: '`{volume}` は {iops} IOPS（{type}）を指定しています。{limit} IOPS を超える性能は Nitro ベースのインスタンスでだけ出ます（io1 は最大 64,000、io2 は最大 256,000）。それ以外のインスタンスでは最大 {limit}IOPS です。',
      },
      nonNitro: {
        en: '`{volume}` provisions {iops} IOPS ({type}), but instance `{instance}` ({instanceType}) is not Nitro-based: it gets at most {limit} IOPS from it. Use a Nitro-based instance type (e.g. the current m/c/r families) to get the provisioned performance.',
        ja: '`{volume}` は {iops} IOPS（{type}）を指定していますが、インスタンス `{instance}`（{instanceType}）は Nitro ベースではないため、最大 {limit}IOPS しか出ません。指定した性能を得るには Nitro ベースのインスタンスタイプにしてください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const table = volumeTypeLimits(context.knowledge);
    for (const spec of ebsVolumes(template)) {
      if (!get(spec.map, 'Iops')) continue;
      const types = volumeTypes(spec, template, context.knowledge);
      const iops = numbersOf(spec, 'Iops', template);
      if (!types || !iops) continue;
      let hit: { type: string; iops: number; limit: number } | undefined;
      for (const type of types.values) {
        const limits = table.get(type);
        if (limits?.nonNitroMaxIops === undefined || limits.iopsMax === undefined) continue;
        // Values above the type's maximum are EBS002's.
        const above = iops.values.find((i) => i > limits.nonNitroMaxIops! && i <= limits.iopsMax!);
        if (above !== undefined) { hit = { type, iops: above, limit: limits.nonNitroMaxIops }; break; }
      }
      if (!hit) continue;
      const data = { volume: volumeName(spec), iops: fmt(hit.iops), type: hit.type, limit: fmt(hit.limit) };
      const xen = xenInstance(spec, template, context.knowledge);
      context.report({
        path: propertyPath(spec, 'Iops'),
        messageId: xen ? 'nonNitro' : 'above',
        data: xen ? { ...data, instance: xen.instance, instanceType: xen.type } : data,
      });
    }
  },
};

/** The first instance the volume belongs to whose type is certainly not Nitro-based. */
function xenInstance(spec: EbsVolumeSpec, template: TemplateModel, knowledge: Knowledge): { instance: string; type: string } | undefined {
  const candidates: Array<{ instance: string; node: ReturnType<typeof instanceTypeNode> }> = [];
  if (spec.kind === 'mapping') candidates.push({ instance: spec.resource.name, node: spec.instanceType });
  else {
    for (const link of volumeAttachments(template)) {
      if (link.volume === spec.resource) candidates.push({ instance: link.instance.name, node: instanceTypeNode(template, link.instance) });
    }
  }
  for (const c of candidates) {
    const types = instanceTypes(template, c.node);
    if (!types || types.choice) continue;
    const type = types.values[0];
    if (isNitro(type, knowledge) === false) return { instance: c.instance, type };
  }
  return undefined;
}

export default rule;

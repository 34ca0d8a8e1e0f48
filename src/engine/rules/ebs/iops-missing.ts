import { get } from '../../parse/tree';
import { ebsVolumes, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import { volumeTypeLimits } from '../../model/ebs-volume-types';
import type { Rule } from '../types';
import { propertyPath, volumeName } from './volume-facts';

/**
 * EBS005: an io1/io2 volume without `Iops`. Provisioned IOPS volumes need their IOPS up front;
 * EC2 rejects the volume ("This parameter is required for io1 and io2 volumes"). Source: EC2 API
 * CreateVolume / EbsBlockDevice `Iops` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS005',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'Provisioned IOPS volume without `Iops`', ja: 'プロビジョンド IOPS ボリュームに `Iops` がない' },
    note: 'ebs.io1.max-iops',
    messages: {
      missing: {
        en: '{type} volumes require `Iops` (provisioned up front; at most {ratio} IOPS per GiB) — `{volume}` has none.',
        ja: '{type} ボリュームには `Iops` が必須です（最初から必要な IOPS を指定。容量 1 GiB あたり最大 {ratio}）。`{volume}` に指定がありません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const table = volumeTypeLimits(context.knowledge);
    for (const spec of ebsVolumes(template)) {
      if (get(spec.map, 'Iops') !== undefined) continue;
      const types = volumeTypes(spec, template, context.knowledge);
      if (!types) continue;
      const bad = types.values.filter((t) => table.get(t)?.iopsRequired);
      if (bad.length === 0) continue;
      context.report({
        path: propertyPath(spec, 'VolumeType'),
        messageId: 'missing',
        data: { type: bad[0], ratio: String(table.get(bad[0])!.iopsPerGiB), volume: volumeName(spec) },
        downgrade: bad.length < types.values.length,
      });
    }
  },
};

export default rule;

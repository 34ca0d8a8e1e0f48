import { get } from '../../parse/tree';
import { candidates, asBoolean } from '../../model/values';
import { ebsVolumes, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import { volumeTypeLimits } from '../../model/ebs-volume-types';
import type { Rule } from '../types';
import { propertyPath, volumeName } from './volume-facts';

/**
 * EBS007: `MultiAttachEnabled: true` on a volume type other than io1/io2 (an `AWS::EC2::Volume`
 * without `VolumeType` is gp2). EC2 rejects it: "This parameter is supported with io1 and io2
 * volumes only". The note says io1 only; io2 was added later (FC-06). Source: EC2 API
 * ModifyVolume/CreateVolume `MultiAttachEnabled` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS007',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'Multi-Attach on an unsupported volume type', ja: 'マルチアタッチ非対応のボリュームタイプ' },
    note: 'ebs.multi-attach',
    messages: {
      type: {
        en: 'Multi-Attach requires Provisioned IOPS volumes (io1 or io2), but `{volume}` is {type}{implicit}.',
        ja: 'マルチアタッチにはプロビジョンド IOPS ボリューム（io1 または io2）が必要ですが、`{volume}` は {type}{implicit} です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const table = volumeTypeLimits(context.knowledge);
    for (const spec of ebsVolumes(template)) {
      const flag = get(spec.map, 'MultiAttachEnabled');
      if (flag === undefined) continue;
      const enabled = candidates(flag, template);
      if (!enabled || !enabled.values.some((v) => asBoolean(v) === true)) continue;
      const types = volumeTypes(spec, template, context.knowledge);
      if (!types) continue;
      const bad = types.values.filter((t) => table.has(t) && !table.get(t)!.multiAttach);
      if (bad.length === 0) continue;
      const everyOn = enabled.values.every((v) => asBoolean(v) === true);
      context.report({
        path: propertyPath(spec, 'MultiAttachEnabled'),
        messageId: 'type',
        data: { volume: volumeName(spec), type: bad[0], implicit: types.explicit ? '' : ' (no VolumeType: the API default)' },
        downgrade: bad.length < types.values.length || !everyOn,
      });
    }
  },
};

export default rule;

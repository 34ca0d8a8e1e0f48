import { ebsVolumes, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import type { Rule } from '../types';
import { fix, propertyPath, setPropertyEdit, volumeName } from './volume-facts';

/**
 * EBS006 (info): a gp2 volume, or an `AWS::EC2::Volume` without `VolumeType` (CreateVolume
 * defaults to gp2). gp2 ties IOPS to size and bursts on credits (BurstBalance); gp3 gives a
 * 3,000 IOPS / 125 MiB/s baseline at any size, provisions IOPS and throughput independently and
 * costs less per GiB. Every gp2 size (1–16,384 GiB) is a valid gp3 size, so the fix is safe.
 * Source: Amazon EBS User Guide "General Purpose SSD volumes" (verified 2026-11-21); spec FC-04.
 */
const rule: Rule = {
  meta: {
    id: 'EBS006',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'gp2 volume (or default type)', ja: 'gp2 ボリューム（またはデフォルトのタイプ）' },
    note: 'ebs.gp2.profile',
    messages: {
      gp2: {
        en: '`{volume}` is gp2{implicit}. gp2 ties IOPS to size (3 IOPS/GiB) and relies on burst credits (watch BurstBalance). gp3 gives a 3,000 IOPS / 125 MiB/s baseline regardless of size, lets you provision IOPS and throughput independently, and costs less.',
        ja: '`{volume}` は gp2{implicit} です。gp2 は IOPS が容量に比例（3 IOPS/GiB）し、バーストクレジットに頼ります（BurstBalance を監視）。gp3 ならサイズに関係なく 3,000 IOPS／125 MiB/s のベースラインがあり、IOPS とスループットを個別に指定でき、料金も安くなります。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const spec of ebsVolumes(template)) {
      const types = volumeTypes(spec, template, context.knowledge);
      if (!types || !types.values.includes('gp2')) continue;
      const single = types.values.length === 1;
      context.report({
        path: types.explicit ? propertyPath(spec, 'VolumeType') : spec.resource.path,
        target: types.explicit ? undefined : 'key',
        messageId: 'gp2',
        data: { volume: volumeName(spec), implicit: types.explicit ? '' : ' (no VolumeType: the API default)' },
        downgrade: false,
        fixes: single
          ? fix({ en: 'Change VolumeType to gp3', ja: 'VolumeType を gp3 にする' }, setPropertyEdit(context.doc, spec.map, 'VolumeType', 'gp3'), true)
          : [],
      });
    }
  },
};

export default rule;

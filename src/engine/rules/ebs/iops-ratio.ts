import { get } from '../../parse/tree';
import { combinations, ebsVolumes, numbersOf, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import { maxIopsForSize, volumeTypeLimits } from '../../model/ebs-volume-types';
import type { Rule } from '../types';
import { fix, fmt, isLiteral, propertyPath, replaceScalar, volumeName } from './volume-facts';

/**
 * EBS001: provisioned IOPS above what the volume's size allows. EC2 rejects io1 above 50 IOPS per
 * GiB, io2 above 1,000 IOPS per GiB, and gp3 above 500 IOPS per GiB (gp3's 3,000-IOPS baseline is
 * allowed at any size). Values outside the type's absolute range are EBS002's. Source: Amazon EBS
 * User Guide "Provisioned IOPS SSD volumes" and "General Purpose SSD volumes"; EC2 API CreateVolume
 * (verified 2026-11-21). Skipped when the size is unknown (e.g. only a SnapshotId).
 */
const rule: Rule = {
  meta: {
    id: 'EBS001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'IOPS-to-size ratio exceeded', ja: 'IOPS と容量の比率の上限超過' },
    note: 'ebs.io1.max-iops',
    messages: {
      ratio: {
        en: '{type} allows at most {ratio} IOPS per GiB: {size} GiB → at most {max} IOPS, but `{volume}` provisions {iops}. Lower Iops to {max} or grow the volume to {needed} GiB.',
        ja: '{type} の IOPS は容量 1 GiB あたり最大 {ratio}（{ratio}:1）です。{size} GiB なら最大 {max} IOPS ですが、`{volume}` は {iops} IOPS を指定しています。Iops を {max} 以下にするか、容量を {needed} GiB 以上にしてください（例: io1 100GiB → 最大 5000IOPS）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const table = volumeTypeLimits(context.knowledge);
    for (const spec of ebsVolumes(template)) {
      const iopsNode = get(spec.map, 'Iops');
      if (!iopsNode) continue;
      const types = volumeTypes(spec, template, context.knowledge);
      const iops = numbersOf(spec, 'Iops', template);
      const size = numbersOf(spec, spec.sizeKey, template);
      if (!types || !iops || !size) continue;
      const all = combinations<[string, number, number]>(types.values, iops.values, size.values);
      const bad = all.filter(([type, i, s]) => {
        const limits = table.get(type);
        if (!limits || limits.iopsMin === undefined || limits.iopsMax === undefined) return false;
        if (i < limits.iopsMin || i > limits.iopsMax) return false;
        const max = maxIopsForSize(limits, s);
        return max !== undefined && i > max;
      });
      if (bad.length === 0) continue;
      const [type, i, s] = bad[0];
      const limits = table.get(type)!;
      const max = maxIopsForSize(limits, s)!;
      const needed = Math.ceil(i / limits.iopsPerGiB!);
      const single = all.length === 1 && isLiteral(iopsNode);
      context.report({
        path: propertyPath(spec, 'Iops'),
        messageId: 'ratio',
        data: { type, ratio: fmt(limits.iopsPerGiB!), size: fmt(s), max: fmt(max), iops: fmt(i), needed: fmt(needed), volume: volumeName(spec) },
        downgrade: bad.length < all.length,
        fixes: single
          ? fix({ en: `Set Iops to ${max}`, ja: `Iops を ${max} にする` }, replaceScalar(context.doc, iopsNode, max), true)
          : [],
      });
    }
  },
};

export default rule;

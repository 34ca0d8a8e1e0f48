import { get } from '../../parse/tree';
import { combinations, ebsVolumes, numbersOf, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import { maxIopsForSize, volumeTypeLimits } from '../../model/ebs-volume-types';
import type { Rule } from '../types';
import { fix, fmt, isLiteral, propertyPath, replaceScalar, volumeName } from './volume-facts';

/**
 * EBS002: `Iops` outside the range of the volume type: io1 100–64,000, io2 100–256,000 (io2 Block
 * Express), gp3 3,000–80,000. EC2 rejects the volume. Source: EC2 API CreateVolume / CopyVolumes
 * `Iops` and the Amazon EBS User Guide volume-type pages (verified 2026-11-21; older SDK docs still
 * show gp3 up to 16,000 — AWS raised it to 80,000 in 2025).
 */
const rule: Rule = {
  meta: {
    id: 'EBS002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'IOPS outside the range for the volume type', ja: 'ボリュームタイプの IOPS 範囲外' },
    note: 'ebs.io1.max-iops',
    messages: {
      range: {
        en: '{type} IOPS must be {min}–{max}; `{volume}` sets {iops}.',
        ja: '{type} の IOPS は {min}～{max} の範囲で指定します（`{volume}` の値: {iops}）。',
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
      if (!types || !iops) continue;
      const all = combinations<[string, number]>(types.values, iops.values);
      const bad = all.filter(([type, i]) => {
        const limits = table.get(type);
        return !!limits && limits.iopsMin !== undefined && limits.iopsMax !== undefined && (i < limits.iopsMin || i > limits.iopsMax);
      });
      if (bad.length === 0) continue;
      const [type, i] = bad[0];
      const limits = table.get(type)!;
      // Clamp into the range, and below the size's ratio limit too when the size is known (EBS001).
      const size = numbersOf(spec, spec.sizeKey, template);
      const ratioMax = size && size.values.length === 1 ? maxIopsForSize(limits, size.values[0]) : undefined;
      const upper = ratioMax !== undefined && ratioMax >= limits.iopsMin! ? ratioMax : limits.iopsMax!;
      const clamped = i < limits.iopsMin! ? limits.iopsMin! : upper;
      context.report({
        path: propertyPath(spec, 'Iops'),
        messageId: 'range',
        data: { type, min: fmt(limits.iopsMin!), max: fmt(limits.iopsMax!), iops: fmt(i), volume: volumeName(spec) },
        downgrade: bad.length < all.length,
        fixes: all.length === 1 && isLiteral(iopsNode)
          ? fix({ en: `Set Iops to ${clamped}`, ja: `Iops を ${clamped} にする` }, replaceScalar(context.doc, iopsNode, clamped), true)
          : [],
      });
    }
  },
};

export default rule;

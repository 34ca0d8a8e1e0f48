import { get } from '../../parse/tree';
import { removePair } from '../../edits';
import { ebsVolumes, numbersOf, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import { maxIopsForSize, volumeTypeLimits } from '../../model/ebs-volume-types';
import type { Fix } from '../../types';
import type { Rule } from '../types';
import { fmt, propertyPath, setPropertyEdit, volumeName } from './volume-facts';

/**
 * EBS004: `Iops` on a volume type that doesn't take it — gp2 (performance follows size: 3 IOPS
 * per GiB, burst to 3,000, max 16,000), st1, sc1 and standard. EC2 rejects it ("Omit for all
 * other volume types"). `AWS::EC2::Volume` without `VolumeType` is gp2 (the CreateVolume default);
 * a block device mapping without a type is left alone (the AMI may decide). Source: EC2 API
 * CreateVolume / CopyVolumes `Iops` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS004',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: '`Iops` on a volume type that doesn\'t take it', ja: 'IOPS を指定できないボリュームタイプに `Iops`' },
    note: 'ebs.gp2.profile',
    messages: {
      notAllowed: {
        en: '`Iops` is not configurable for {type}{implicit} on `{volume}`: gp2 performance scales with size — 3 IOPS/GiB, burst to 3,000, max 16,000 — and HDD/magnetic types take no IOPS. Use gp3, io1 or io2 for provisioned IOPS, or remove `Iops`.',
        ja: '{type}{implicit} では `Iops` を指定できません（`{volume}`）。gp2 の性能は容量に比例（3 IOPS/GiB、3,000 までバースト、最大 16,000）、HDD／マグネティックは IOPS 指定なし。IOPS を指定するなら gp3・io1・io2 にするか、`Iops` を削除してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const table = volumeTypeLimits(context.knowledge);
    for (const spec of ebsVolumes(template)) {
      if (get(spec.map, 'Iops') === undefined) continue;
      const types = volumeTypes(spec, template, context.knowledge);
      if (!types) continue;
      const bad = types.values.filter((t) => table.get(t)?.iopsAllowed === false);
      if (bad.length === 0) continue;
      const fixes: Fix[] = [];
      const remove = removePair(context.doc, spec.map, 'Iops');
      if (remove) fixes.push({ title: { en: 'Remove Iops', ja: 'Iops を削除' }, edits: [remove], preferred: true });
      const gp3 = gp3Fix(spec, types.values.length === 1, context, table);
      if (gp3) fixes.push(gp3);
      context.report({
        path: propertyPath(spec, 'Iops'),
        target: 'key',
        messageId: 'notAllowed',
        data: { type: bad[0], implicit: types.explicit ? '' : ' (no VolumeType: the API default)', volume: volumeName(spec) },
        downgrade: bad.length < types.values.length,
        fixes,
      });
    }
  },
};

/** "Change VolumeType to gp3" when the literal Iops and size are valid for gp3. */
function gp3Fix(
  spec: Parameters<typeof volumeName>[0], single: boolean,
  context: Parameters<Rule['check']>[0], table: ReturnType<typeof volumeTypeLimits>,
): Fix | undefined {
  const template = context.template!;
  const gp3 = table.get('gp3');
  const iops = numbersOf(spec, 'Iops', template);
  const size = numbersOf(spec, spec.sizeKey, template);
  if (!single || !gp3 || !iops || !size || iops.values.length !== 1 || size.values.length !== 1) return undefined;
  const [i, s] = [iops.values[0], size.values[0]];
  const max = maxIopsForSize(gp3, s);
  if (max === undefined || i < gp3.iopsMin! || i > max || s < gp3.sizeMin || s > gp3.sizeMax) return undefined;
  const edit = setPropertyEdit(context.doc, spec.map, 'VolumeType', 'gp3');
  return edit ? { title: { en: `Change VolumeType to gp3 (keeps Iops ${fmt(i)})`, ja: `VolumeType を gp3 にする（Iops ${fmt(i)} はそのまま）` }, edits: [edit] } : undefined;
}

export default rule;

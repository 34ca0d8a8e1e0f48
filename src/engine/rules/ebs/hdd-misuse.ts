import { get, stringOf } from '../../parse/tree';
import { ebsVolumes, numbersOf, volumeTypes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import { volumeTypeLimits } from '../../model/ebs-volume-types';
import type { Rule } from '../types';
import { fix, fmt, isLiteral, propertyPath, replaceScalar, volumeName } from './volume-facts';

/**
 * EBS011: st1/sc1 volumes outside 125–16,384 GiB, or mapped as the root device. EC2 rejects both
 * (HDD volumes can't be boot volumes). The root-device case compares `DeviceName` with the usual
 * AMI root names (/dev/xvda, /dev/sda1); the template does not show the AMI's actual root device
 * name, so that case is reported one level lower (warning). Source: EC2 API CreateVolume `Size`;
 * Amazon EBS User Guide "Throughput Optimized HDD and Cold HDD volumes" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS011',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'HDD volume misuse', ja: 'HDD ボリュームの誤用' },
    note: 'ebs.hdd.burst',
    messages: {
      size: {
        en: '{type} volumes must be {min}–{max} GiB; `{volume}` is {size} GiB. (st1/sc1 suit large sequential I/O — st1: big data/DWH; sc1: cold logs/archives.)',
        ja: '{type} ボリュームは {min}～{max} GiB で指定します（`{volume}` は {size} GiB）。st1/sc1 は大規模なシーケンシャル I/O 向け（st1：ビッグデータ・DWH、sc1：ログ・アーカイブ）。',
      },
      root: {
        en: '`{volume}` maps {type} to {device}, the usual root device name: st1/sc1 volumes cannot be boot volumes. Use gp3 for the root volume and attach HDD volumes as data volumes.',
        ja: '`{volume}` は {type} を {device}（一般的なルートデバイス名）に割り当てています。st1/sc1 はブートボリュームにできません。ルートは gp3 などにし、HDD はデータボリュームとして追加してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const table = volumeTypeLimits(context.knowledge);
    const rootNames = (context.knowledge.value('ebs.hdd.burst', 'rootDeviceNames') as string[]).map(String);
    for (const spec of ebsVolumes(template)) {
      const types = volumeTypes(spec, template, context.knowledge);
      if (!types) continue;
      const hdd = types.values.filter((t) => table.get(t)?.bootable === false);
      if (hdd.length === 0) continue;
      const partial = hdd.length < types.values.length;
      const type = hdd[0];
      const limits = table.get(type)!;
      const sizeNode = get(spec.map, spec.sizeKey);
      const size = numbersOf(spec, spec.sizeKey, template);
      const badSize = size?.values.find((s) => s < limits.sizeMin || s > limits.sizeMax);
      if (size && badSize !== undefined) {
        const clamped = badSize < limits.sizeMin ? limits.sizeMin : limits.sizeMax;
        context.report({
          path: propertyPath(spec, spec.sizeKey),
          messageId: 'size',
          data: { type, min: fmt(limits.sizeMin), max: fmt(limits.sizeMax), size: fmt(badSize), volume: volumeName(spec) },
          downgrade: partial || size.values.some((s) => s >= limits.sizeMin && s <= limits.sizeMax),
          fixes: !partial && types.values.length === 1 && size.values.length === 1 && isLiteral(sizeNode)
            ? fix({ en: `Set ${spec.sizeKey} to ${clamped}`, ja: `${spec.sizeKey} を ${clamped} にする` }, replaceScalar(context.doc, sizeNode!, clamped), true)
            : [],
        });
      }
      const device = spec.mapping ? stringOf(get(spec.mapping, 'DeviceName')) : undefined;
      if (device && rootNames.includes(device)) {
        context.report({
          path: [...spec.mappingPath!, 'DeviceName'],
          messageId: 'root',
          data: { type, device, volume: volumeName(spec) },
          downgrade: true,
        });
      }
    }
  },
};

export default rule;

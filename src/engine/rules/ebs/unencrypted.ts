import { get } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import { ebsVolumes, EBS_VOLUME_TYPES } from '../../model/ebs-volumes';
import type { Rule } from '../types';
import { fix, propertyPath, setPropertyEdit, volumeName } from './volume-facts';

/**
 * EBS012 (info): a volume or block device mapping that is not encrypted: `Encrypted` unset or
 * false, no `KmsKeyId`, and no `SnapshotId` (a volume restored from a snapshot takes the
 * snapshot's encryption). Info, because encryption by default (a per-Region account setting)
 * may already encrypt it. Source: Amazon EBS User Guide "Amazon EBS encryption" and "Encryption
 * by default"; EC2 API CreateVolume `Encrypted` (verified 2026-11-21). Off by default (noisy).
 */
const rule: Rule = {
  meta: {
    id: 'EBS012',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: EBS_VOLUME_TYPES,
    title: { en: 'Unencrypted volume', ja: '暗号化されていないボリューム' },
    note: 'ebs.encryption',
    // Off by default: on the corpus most instances and launch templates leave Encrypted unset
    // (19 findings), and accounts often have encryption by default on.
    enabledByDefault: false,
    messages: {
      unencrypted: {
        en: '`{volume}` is not encrypted{how}. EBS encryption has little performance impact: set `Encrypted: true` (optionally `KmsKeyId`), or turn on per-Region encryption by default. Existing volumes: snapshot → encrypted copy/restore.',
        ja: '`{volume}` は暗号化されていません{how}。EBS の暗号化はパフォーマンスへの影響が小さいので、`Encrypted: true`（必要なら `KmsKeyId`）を指定するか、リージョンごとのデフォルト暗号化を有効にしてください。既存のボリュームはスナップショット → 暗号化コピー／復元で。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const spec of ebsVolumes(template)) {
      if (get(spec.map, 'KmsKeyId') !== undefined || get(spec.map, 'SnapshotId') !== undefined) continue;
      const node = get(spec.map, 'Encrypted');
      let downgrade = false;
      if (node !== undefined) {
        const c = candidates(node, template);
        if (!c) continue;
        const flags = c.values.map(asBoolean);
        if (flags.some((f) => f === undefined) || flags.every((f) => f === true)) continue;
        downgrade = flags.some((f) => f === true);
      }
      const explicit = node !== undefined;
      context.report({
        path: explicit ? propertyPath(spec, 'Encrypted') : spec.kind === 'volume' ? spec.resource.path : spec.path,
        target: explicit ? undefined : 'key',
        messageId: 'unencrypted',
        data: { volume: volumeName(spec), how: explicit ? ' (Encrypted: false)' : ' (no Encrypted)' },
        downgrade,
        fixes: downgrade ? [] : fix(
          { en: 'Set Encrypted: true (replaces an existing volume)', ja: 'Encrypted: true にする（既存のボリュームは置き換え）' },
          setPropertyEdit(context.doc, spec.map, 'Encrypted', true),
        ),
      });
    }
  },
};

export default rule;

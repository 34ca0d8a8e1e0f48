import { azOfInstance, azOfVolume, differentAz, volumeAttachments } from '../../model/ebs-attachments';
import type { Rule } from '../types';

/**
 * EBS010: a volume attached to an instance in another Availability Zone. EBS volumes attach only
 * within their AZ, so the attachment fails; the way to move data to another AZ is a snapshot
 * restored there. Compared only when both AZs resolve to the same form: literal names (also
 * through parameter defaults, mappings, the instance's subnet) or `!Select [n, !GetAZs …]`
 * indexes. Source: EC2 API CreateVolume ("can be attached to an instance in the same Availability
 * Zone"); Amazon EBS User Guide (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS010',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::VolumeAttachment'],
    title: { en: 'Volume and instance in different AZs', ja: 'ボリュームとインスタンスの AZ が違う' },
    note: 'ebs.snapshot.any-az',
    messages: {
      az: {
        en: 'Volume `{volume}` is in {volumeAz} but instance `{instance}` is in {instanceAz}. EBS volumes attach only within their AZ; to move data to {instanceAz}, restore a snapshot there.',
        ja: 'ボリューム `{volume}` は {volumeAz}、インスタンス `{instance}` は {instanceAz} にあります。EBS は同じ AZ のインスタンスにしか接続できません。{instanceAz} にデータを移すなら、スナップショットからそこに復元してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const link of volumeAttachments(template)) {
      const volumeAz = azOfVolume(template, link.volume);
      const instanceAz = azOfInstance(template, link.instance);
      if (!differentAz(volumeAz, instanceAz)) continue;
      context.report({
        path: link.path,
        target: 'key',
        messageId: 'az',
        data: { volume: link.volume.name, instance: link.instance.name, volumeAz: volumeAz!.text, instanceAz: instanceAz!.text },
      });
    }
  },
};

export default rule;

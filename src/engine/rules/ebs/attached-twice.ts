import type { Rule } from '../types';
import { attachmentsByVolume, multiAttachState } from './attachment-facts';

/**
 * EBS009: one volume attached to two or more instances (VolumeAttachment resources and/or
 * Instance.Volumes entries) without `MultiAttachEnabled: true`. The second attachment fails
 * (VolumeInUse). Reported on every attachment after the first, naming the volume and both
 * instances. Source: Amazon EBS User Guide "Attach an Amazon EBS volume to an instance" and
 * "Multi-Attach" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS009',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::VolumeAttachment'],
    title: { en: 'One volume attached to several instances without Multi-Attach', ja: 'マルチアタッチなしで 1 つのボリュームを複数インスタンスに接続' },
    note: 'ebs.attach.single-instance',
    messages: {
      twice: {
        en: 'Volume `{volume}` is attached to `{instance}` here and already to `{first}`. An EBS volume can be attached to only one instance unless Multi-Attach (io1/io2, Nitro, same AZ) is enabled.',
        ja: 'ボリューム `{volume}` がここで `{instance}` に接続されていますが、すでに `{first}` にも接続されています。マルチアタッチ（io1/io2、Nitro、同一 AZ）を有効にしない限り、2つのインスタンスから同じ EBS は接続できません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const [volume, links] of attachmentsByVolume(template)) {
      if (links.length < 2) continue;
      const state = multiAttachState(volume, template);
      if (state === undefined || state === 'on') continue;
      for (const link of links.slice(1)) {
        context.report({
          path: link.path,
          target: 'key',
          messageId: 'twice',
          data: { volume: volume.name, instance: link.instance.name, first: links[0].instance.name },
          downgrade: state === 'mixed',
        });
      }
    }
  },
};

export default rule;

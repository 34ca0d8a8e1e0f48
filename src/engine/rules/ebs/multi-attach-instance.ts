import { get } from '../../parse/tree';
import { instanceTypeNode, instanceTypes } from '../../model/ebs-attachments';
import { isNitro } from '../../model/ebs-volume-types';
import type { Rule } from '../types';
import { attachmentsByVolume, multiAttachState } from './attachment-facts';

/**
 * EBS008: a Multi-Attach volume attached to an instance that is not built on the Nitro System, or
 * to more than 16 instances. The attachment fails. (A different AZ is reported by EBS010 for every
 * volume, so it is not repeated here.) Source: EC2 API ModifyVolume `MultiAttachEnabled` ("up to
 * 16 Nitro-based instances in the same Availability Zone"); EC2 User Guide, Xen-based instance
 * families (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EBS008',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::VolumeAttachment'],
    title: { en: 'Multi-Attach to an ineligible instance', ja: 'マルチアタッチできないインスタンス' },
    note: 'ebs.multi-attach',
    messages: {
      notNitro: {
        en: 'Multi-Attach volume `{volume}` is attached to `{instance}` ({instanceType}), which is not Nitro-based. Multi-Attach volumes attach only to Nitro-based instances in the same AZ (max {max}), and the application must coordinate writes (cluster-aware file system / exclusive locking).',
        ja: 'マルチアタッチのボリューム `{volume}` が `{instance}`（{instanceType}）に接続されていますが、これは Nitro ベースのインスタンスではありません。マルチアタッチは同一 AZ の Nitro ベースのインスタンス（最大 {max} 台）にだけ接続でき、アプリケーション側で排他制御が必要です。',
      },
      tooMany: {
        en: 'Multi-Attach volume `{volume}` is attached to {count} instances; the maximum is {max}.',
        ja: 'マルチアタッチのボリューム `{volume}` が {count} 台のインスタンスに接続されていますが、上限は {max} 台です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const max = context.knowledge.number('ebs.multi-attach', 'maxInstances');
    for (const [volume, links] of attachmentsByVolume(template)) {
      const state = multiAttachState(volume, template);
      if (state !== 'on' && state !== 'mixed') continue;
      for (const link of links) {
        const types = instanceTypes(template, instanceTypeNode(template, link.instance));
        if (!types) continue;
        const bad = types.values.filter((t) => isNitro(t, context.knowledge) === false);
        if (bad.length === 0) continue;
        context.report({
          path: link.path,
          target: 'key',
          messageId: 'notNitro',
          data: { volume: volume.name, instance: link.instance.name, instanceType: bad[0], max },
          downgrade: state === 'mixed' || bad.length < types.values.length,
        });
      }
      if (links.length > max) {
        context.report({
          path: get(volume.properties, 'MultiAttachEnabled') ? [...volume.path, 'Properties', 'MultiAttachEnabled'] : volume.path,
          messageId: 'tooMany',
          data: { volume: volume.name, count: links.length, max },
          downgrade: state === 'mixed',
        });
      }
    }
  },
};

export default rule;

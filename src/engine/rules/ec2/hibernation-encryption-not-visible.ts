import { get, isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { booleanOf, LAUNCH_TYPES } from './instance-facts';
import { hibernatingSpecs, rootMapping } from './hibernation';

/**
 * EC2002: hibernation is enabled but the template does not show an encrypted root volume. The
 * root volume must be encrypted, which can also come from EBS encryption by default or an
 * encrypted AMI, so this is a warning. Source: EC2 User Guide, "Prerequisites for EC2 instance
 * hibernation" — root volume encryption, root volume size (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: LAUNCH_TYPES,
    title: { en: 'Hibernation with root encryption not visible', ja: '休止設定でルートの暗号化がテンプレートから確認できない' },
    note: 'ec2.hibernation.ebs-encrypted',
    messages: {
      notVisible: {
        en: '`{resource}` enables hibernation, which requires an encrypted EBS root volume. Set `Encrypted: true` on the root mapping unless the AMI or EBS encryption by default guarantees it. The root volume must also be large enough to hold the RAM.',
        ja: '`{resource}` は休止を有効にしています。休止には暗号化された EBS ルートボリュームが必要です。AMI やアカウントの EBS デフォルト暗号化で保証されていない限り、ルートのマッピングに `Encrypted: true` を設定してください。ルートボリュームはメモリを保存できる容量も必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const prefix = String(context.knowledge.value('ec2.instance-store', 'virtualNamePrefix'));
    for (const { spec, configuredPath, partial } of hibernatingSpecs(template)) {
      const root = rootMapping(context.knowledge, spec.data);
      if (root) {
        const virtualName = get(root.node, 'VirtualName');
        if (isScalar(virtualName) && String(virtualName.value).startsWith(prefix)) continue; // EC2001
        const encryptedNode = get(get(root.node, 'Ebs'), 'Encrypted');
        if (encryptedNode !== undefined) continue; // true: fine; false: EC2001; unknown: silent
      }
      if (booleanOf(template, get(get(spec.data, 'HibernationOptions'), 'Configured')) === undefined) continue;
      context.report({ path: configuredPath, messageId: 'notVisible', data: { resource: spec.resource.name }, downgrade: partial });
    }
  },
};

export default rule;

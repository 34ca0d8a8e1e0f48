import { get, isMap, isScalar, stringOf } from '../../parse/tree';
import type { Rule } from '../types';
import { booleanOf, LAUNCH_TYPES } from './instance-facts';
import { hibernatingSpecs, rootMapping } from './hibernation';

/**
 * EC2001: hibernation with a root volume that is not an encrypted EBS volume. Hibernation writes
 * RAM to the EBS root volume, which "must be encrypted … Encryption of the root volume is enforced
 * at instance launch" and "must be an EBS volume, not an instance store volume". Source: EC2 User
 * Guide, "Prerequisites for EC2 instance hibernation" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: LAUNCH_TYPES,
    title: { en: 'Hibernation with an unencrypted root volume', ja: '休止設定でルートボリュームが暗号化されていない' },
    note: 'ec2.hibernation.ebs-encrypted',
    messages: {
      unencrypted: {
        en: '`{resource}` enables hibernation, but its root volume `{device}` has `Encrypted: false`. Hibernation stores RAM on the EBS root volume, which must be EBS and encrypted; the launch is rejected.',
        ja: '`{resource}` は休止を有効にしていますが、ルートボリューム `{device}` が `Encrypted: false` です。休止はメモリを EBS ルートボリュームに保存するため、ルートは暗号化された EBS である必要があり、起動は拒否されます。',
      },
      instanceStore: {
        en: '`{resource}` enables hibernation, but its root device `{device}` is an instance store volume (`{virtualName}`). Hibernation stores RAM on the EBS root volume, which must be EBS and encrypted.',
        ja: '`{resource}` は休止を有効にしていますが、ルートデバイス `{device}` がインスタンスストア（`{virtualName}`）です。休止にはメモリを保存する暗号化された EBS ルートボリュームが必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const prefix = String(context.knowledge.value('ec2.instance-store', 'virtualNamePrefix'));
    for (const { spec, partial } of hibernatingSpecs(template)) {
      const root = rootMapping(context.knowledge, spec.data);
      if (!root) continue;
      const mappingPath = [...spec.path, 'BlockDeviceMappings', root.index];
      const device = stringOf(get(root.node, 'DeviceName')) ?? '';
      const virtualName = get(root.node, 'VirtualName');
      if (isScalar(virtualName) && String(virtualName.value).startsWith(prefix)) {
        context.report({ path: [...mappingPath, 'VirtualName'], messageId: 'instanceStore', data: { resource: spec.resource.name, device, virtualName: String(virtualName.value) }, downgrade: partial });
        continue;
      }
      const ebs = get(root.node, 'Ebs');
      const encryptedNode = get(ebs, 'Encrypted');
      const encrypted = booleanOf(template, encryptedNode);
      if (encrypted !== false && encrypted !== 'mixed') continue;
      const literal = isScalar(encryptedNode) && isMap(ebs);
      context.report({
        path: [...mappingPath, 'Ebs', 'Encrypted'],
        messageId: 'unencrypted',
        data: { resource: spec.resource.name, device },
        downgrade: partial || encrypted === 'mixed',
        fixes: literal && encryptedNode ? [{
          title: { en: 'Set Encrypted: true', ja: 'Encrypted: true にする' },
          edits: [{ start: encryptedNode.start, end: encryptedNode.end, newText: 'true' }],
          preferred: true,
        }] : [],
      });
    }
  },
};

export default rule;

import { get } from '../../parse/tree';
import { insertNested } from '../../edits';
import type { Rule } from '../types';

/**
 * KINESIS002: an `AWS::Kinesis::Stream` without `StreamEncryption`, so data at rest is not
 * encrypted (the endpoints are HTTPS either way). Advisory hardening from the study note. Fix:
 * add `StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}` (the AWS managed key,
 * which every account has). Source: Kinesis Data Streams Developer Guide, "Data protection…
 * server-side encryption" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'KINESIS002',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Kinesis::Stream'],
    title: { en: 'Stream without encryption at rest', ja: '保存データが暗号化されていないストリーム' },
    note: 'kds.encryption',
    messages: {
      unencrypted: {
        en: 'Stream `{stream}`: enable KMS encryption at rest (`StreamEncryption: {EncryptionType: KMS, KeyId: {key}}`); endpoints are HTTPS in transit.',
        ja: 'ストリーム `{stream}`: KMS による保存データの暗号化を有効にしてください（`StreamEncryption: {EncryptionType: KMS, KeyId: {key}}`）。転送中は HTTPS エンドポイントで暗号化されます。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const type = String(context.knowledge.value('kds.encryption', 'encryptionType'));
    const key = String(context.knowledge.value('kds.encryption', 'awsManagedKey'));
    for (const stream of template.ofType('AWS::Kinesis::Stream')) {
      if (get(stream.properties, 'StreamEncryption') !== undefined) continue;
      const value = context.doc.format === 'json'
        ? `{ "EncryptionType": ${JSON.stringify(type)}, "KeyId": ${JSON.stringify(key)} }`
        : `{EncryptionType: ${type}, KeyId: ${key}}`;
      context.report({
        path: stream.path,
        target: 'key',
        messageId: 'unencrypted',
        data: { stream: stream.name, key },
        fixes: stream.properties ? [{
          title: { en: `Encrypt with ${key}`, ja: `${key} で暗号化` },
          edits: [insertNested(context.doc, stream.properties, ['StreamEncryption'], value)],
          preferred: true,
        }] : [],
      });
    }
  },
};

export default rule;

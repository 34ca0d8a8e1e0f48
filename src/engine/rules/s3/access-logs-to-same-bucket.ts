import { get, isMap, isScalar, type Node } from '../../parse/tree';
import type { ParsedDocument } from '../../parse';
import type { Rule } from '../types';
import { sourceOf } from '../../edits';
import { isIntrinsic } from '../shared/data-conditional';

/**
 * S3002: server access logs delivered to the bucket they describe. Logging into the source bucket
 * logs the log writes too, so storage grows with every access (the note: storage grows in
 * proportion to the number of accesses). Detected when `LoggingConfiguration` has no
 * `DestinationBucketName` (CloudFormation: "By default, logs are stored in the bucket where the
 * LoggingConfiguration property is defined"), when it equals the bucket's own `BucketName` (same
 * literal or same expression), or refers to the bucket itself. Sources: CloudFormation
 * AWS::S3::Bucket LoggingConfiguration; S3 User Guide "Logging requests with server access logging"
 * (verified 2026-11-21); note `s3.server-access-logs`.
 */
const rule: Rule = {
  meta: {
    id: 'S3002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::S3::Bucket'],
    title: { en: 'Server access logs delivered to the same bucket', ja: 'サーバーアクセスログの出力先が同じバケット' },
    note: 's3.server-access-logs',
    messages: {
      same: {
        en: 'Bucket `{bucket}` logs into itself{detail}: logging into the source bucket logs the log writes too; storage grows with every access. Use a separate log bucket.',
        ja: 'バケット `{bucket}` のアクセスログの出力先が自分自身です{detailJa}。ログの書き込み自体もログになり、アクセスのたびに容量が増え続けます。別のログ用バケットを使いましょう。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const bucket of template.ofType('AWS::S3::Bucket')) {
      const logging = get(bucket.properties, 'LoggingConfiguration');
      if (!isMap(logging) || isIntrinsic(logging)) continue;
      const destination = get(logging, 'DestinationBucketName');
      const base = [...bucket.path, 'Properties', 'LoggingConfiguration'];
      if (destination === undefined) {
        context.report({ path: base, target: 'key', messageId: 'same', data: { bucket: bucket.name, detail: ' (no DestinationBucketName: logs go to the source bucket)', detailJa: '（DestinationBucketName がないため、ログは元のバケットに保存されます）' } });
        continue;
      }
      const ref = template.referenced(destination);
      const self = ref ? ref.name === bucket.name : sameValue(context.doc, destination, get(bucket.properties, 'BucketName'));
      if (self) context.report({ path: [...base, 'DestinationBucketName'], messageId: 'same', data: { bucket: bucket.name, detail: '', detailJa: '' } });
    }
  },
};

/** The same literal, or the same expression written the same way (e.g. one `!Sub` string). */
function sameValue(doc: ParsedDocument, a: Node, b: Node | undefined): boolean {
  if (!b) return false;
  if (isScalar(a) && isScalar(b)) return a.value !== null && a.value === b.value;
  if (isScalar(a) || isScalar(b)) return false;
  const norm = (n: Node) => sourceOf(doc, n).replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export default rule;

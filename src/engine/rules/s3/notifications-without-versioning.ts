import { get, isMap, stringOf } from '../../parse/tree';
import type { Resource, TemplateModel } from '../../model/template';
import type { Rule } from '../types';
import { isIntrinsic, presence, valuesOrDefault } from '../shared/data-conditional';
import { resolveBucket } from '../elb/log-bucket-not-writable';

/**
 * S3001: a bucket sends event notifications but is not versioned. S3: "If two writes are made to a
 * single non-versioned object at the same time, it is possible that only a single event
 * notification will be sent. If you want to ensure that an event notification is sent for every
 * successful write, you can enable versioning on your bucket." Applies to
 * `NotificationConfiguration` and to SAM functions with `Events.*.Type: S3` on the bucket. Advice
 * (only concurrent overwrites are affected), off by default. Source: S3 User Guide "Amazon S3 Event
 * Notifications" (verified 2026-11-21); note `s3.event-notifications`.
 */
const rule: Rule = {
  meta: {
    id: 'S3001',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::S3::Bucket', 'AWS::Serverless::Function'],
    title: { en: 'Event notifications without versioning', ja: 'バージョニングなしのイベント通知' },
    note: 's3.event-notifications',
    enabledByDefault: false,
    messages: {
      unversioned: {
        en: 'Bucket `{bucket}` sends event notifications{via} but is not versioned: concurrent writes to the same key of a non-versioned bucket may produce a single notification. Enable versioning if every successful write must emit an event.',
        ja: 'バケット `{bucket}` はイベント通知を送信しますが{viaJa}、バージョニングが有効ではありません。バージョニングなしのバケットで同じキーに同時に書き込むと、通知が 1 回しか送られないことがあります。書き込みが成功するたびに通知が必要ならバージョニングを有効にしましょう。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const enabled = String(context.knowledge.value('s3.event-notifications', 'versioningEnabled'));
    const samEvents = samTargets(template);
    for (const bucket of template.ofType('AWS::S3::Bucket')) {
      const notifications = presence(get(bucket.properties, 'NotificationConfiguration'));
      const functions = samEvents.get(bucket.name) ?? [];
      if (notifications !== 'present' && functions.length === 0) continue;
      const status = valuesOrDefault(get(get(bucket.properties, 'VersioningConfiguration'), 'Status'), template, 'Unset');
      const versioning = get(bucket.properties, 'VersioningConfiguration');
      if (versioning !== undefined && (!isMap(versioning) || isIntrinsic(versioning))) continue;
      if (!status || status.values.every((s) => s === enabled)) continue;
      const via = functions.length ? ` (to ${functions.map((f) => `\`${f}\``).join(', ')})` : '';
      const viaJa = functions.length ? `（送信先: ${functions.map((f) => `\`${f}\``).join('、')}）` : '';
      context.report({
        path: notifications === 'present' ? [...bucket.path, 'Properties', 'NotificationConfiguration'] : bucket.path,
        target: 'key', messageId: 'unversioned', data: { bucket: bucket.name, via, viaJa }, downgrade: status.values.includes(enabled),
      });
    }
  },
};

/** Buckets (logical ids) that SAM functions subscribe to with `Events.*.Type: S3`. */
function samTargets(template: TemplateModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const fn of template.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      if (stringOf(get(pair.value, 'Type')) !== 'S3') continue;
      const target = get(get(pair.value, 'Properties'), 'Bucket');
      const bucket: Resource | undefined = target ? resolveBucket(template, target) : undefined;
      if (!bucket) continue;
      const list = out.get(bucket.name) ?? [];
      if (!list.includes(fn.name)) list.push(fn.name);
      out.set(bucket.name, list);
    }
  }
  return out;
}

export default rule;

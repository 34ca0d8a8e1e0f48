import { get, isMap, isScalar, isSeq, type Node, stringOf } from '../../parse/tree';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { literalItems } from '../shared/data-conditional';
import { accessLogsEnabled, ALB_NLB, attributeEntries, CLB } from './elb-facts';

const BUCKET = 'AWS::S3::Bucket';
const PUT_ACTIONS = ['s3:putobject', 's3:put*', 's3:*', '*'];

/**
 * ELB003: access logs go to a bucket of this template that no bucket policy lets ELB write to.
 * Elastic Load Balancing checks write access when logging is enabled, so creating or updating the
 * load balancer fails (or logs are lost). The bucket policy must allow `s3:PutObject` to the ELB
 * log-delivery principal: `logdelivery.elasticloadbalancing.amazonaws.com`, the Region's ELB
 * account (an AWS principal), or `delivery.logs.amazonaws.com` for NLBs. Reported only when the
 * bucket is an `AWS::S3::Bucket` of the template and its policies are literal: a statement that
 * allows PutObject to any AWS principal or to one of those service principals counts as enough.
 * Sources: ALB User Guide "Enable access logs" (bucket policy), NLB User Guide "Access logs"
 * (verified 2026-11-21); note `elb.access-logs`.
 */
const rule: Rule = {
  meta: {
    id: 'ELB003',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::ElasticLoadBalancing::LoadBalancer',
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
    ],
    title: { en: 'Access-log bucket not writable by ELB', ja: 'アクセスログのバケットに ELB が書き込めない' },
    note: 'elb.access-logs',
    messages: {
      noPolicy: {
        en: 'The load balancer `{lb}` cannot write access logs to `{bucket}`: add a bucket policy for ELB log delivery (s3:PutObject for {principal}).',
        ja: 'ロードバランサー `{lb}` はバケット `{bucket}` にアクセスログを書き込めません。ELB のログ配信用のバケットポリシー（{principal} に s3:PutObject を許可）を追加してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const enabledKey = String(k.value('elb.access-logs', 'enabledKey'));
    const bucketKey = String(k.value('elb.access-logs', 'bucketKey'));
    const services = (k.value('elb.access-logs', 'logDeliveryServicePrincipals') as string[]).map((s) => s.toLowerCase());
    for (const lb of template.ofType(ALB_NLB, CLB)) {
      if (accessLogsEnabled(template, lb, enabledKey) !== true) continue;
      const target = bucketNode(lb, bucketKey);
      if (!target) continue;
      const bucket = resolveBucket(template, target.node);
      if (!bucket) continue;
      const verdict = writable(template, bucket, services);
      if (verdict !== false) continue;
      context.report({ path: target.path, messageId: 'noPolicy', data: { lb: lb.name, bucket: bucket.name, principal: services[0] } });
    }
  },
};

function bucketNode(lb: Resource, bucketKey: string): { node: Node; path: Path } | undefined {
  if (lb.type === ALB_NLB) {
    const entry = (attributeEntries(lb, 'LoadBalancerAttributes') ?? []).find((e) => e.key === bucketKey);
    return entry?.value ? { node: entry.value, path: [...entry.path, 'Value'] } : undefined;
  }
  const node = get(get(lb.properties, 'AccessLoggingPolicy'), 'S3BucketName');
  return node ? { node, path: [...lb.path, 'Properties', 'AccessLoggingPolicy', 'S3BucketName'] } : undefined;
}

/** `!Ref B`, `${B}` in a Sub, or a literal equal to B's BucketName. */
export function resolveBucket(template: TemplateModel, node: Node): Resource | undefined {
  const ref = template.referenced(node);
  if (ref) {
    const resource = template.resources.get(ref.name);
    return resource?.type === BUCKET && !ref.attribute ? resource : undefined;
  }
  return template.byLiteralName(node, BUCKET, 'BucketName');
}

/**
 * true when some literal policy lets a plausible ELB principal put objects, false when the bucket
 * has no policy or none does, undefined when a policy is computed (unknown).
 */
function writable(template: TemplateModel, bucket: Resource, services: string[]): boolean | undefined {
  let unknown = false;
  for (const policy of template.ofType('AWS::S3::BucketPolicy')) {
    const target = get(policy.properties, 'Bucket');
    if (!target || resolveBucket(template, target) !== bucket) {
      if (target && !isScalar(target) && !template.referenced(target)) unknown = true;
      continue;
    }
    const statements = get(get(policy.properties, 'PolicyDocument'), 'Statement');
    const items = isSeq(statements) ? statements.items : isMap(statements) ? [statements] : undefined;
    if (!items) { unknown = true; continue; }
    for (const statement of items) {
      if (!isMap(statement)) { unknown = true; continue; }
      if (stringOf(get(statement, 'Effect')) !== 'Allow') continue;
      const actions = strings(get(statement, 'Action'));
      if (!actions) { unknown = true; continue; }
      if (!actions.some((a) => PUT_ACTIONS.includes(a.toLowerCase()))) continue;
      const principal = get(statement, 'Principal');
      if (principalAllows(principal, services)) return true;
    }
  }
  return unknown ? undefined : false;
}

function principalAllows(principal: Node | undefined, services: string[]): boolean {
  if (principal === undefined) return false;
  if (isScalar(principal)) return principal.value === '*';
  if (!isMap(principal)) return true;
  if (get(principal, 'AWS') !== undefined) return true;
  const service = get(principal, 'Service');
  if (service === undefined) return false;
  const names = strings(service);
  if (!names) return true;
  return names.some((n) => services.includes(n.toLowerCase()));
}

/** A string or a list of strings; undefined when computed. */
function strings(node: Node | undefined): string[] | undefined {
  if (node === undefined) return [];
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : undefined;
  const items = literalItems(node);
  if (!items) return undefined;
  const out: string[] = [];
  for (const item of items) {
    const s = stringOf(item);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

export default rule;

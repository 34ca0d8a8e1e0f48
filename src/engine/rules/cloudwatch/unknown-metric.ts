import { candidates } from '../../model/values';
import { isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { replaceScalar } from '../apigw/util';
import { alarmMetrics, apiGatewayKinds, closest, metricCatalog } from './metrics';

/**
 * CW001: an alarm on a metric name its namespace does not publish. CloudWatch accepts any name,
 * so the alarm deploys but never gets data (INSUFFICIENT_DATA) and never fires. Typical hits are
 * the note's own typos (`CacheMissCoun`, `BurstBlance`) and REST names on an HTTP API
 * (`4XXError` where HTTP APIs publish `4xx`). The catalog is data: every note's
 * `values.cloudwatchMetrics` (today the `apigw.metrics` note, sources listed there); namespaces
 * without a list are not checked. For AWS/ApiGateway the API kind comes from the alarm's
 * dimensions (`ApiName` = REST, `ApiId` = HTTP/WebSocket). Sources: API Gateway, EC2, EBS, Lambda,
 * SQS, DynamoDB, ELB and Kinesis CloudWatch metric reference pages (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CW001',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CloudWatch::Alarm'],
    title: { en: 'Unknown metric name for the namespace', ja: '名前空間にないメトリクス名' },
    note: 'apigw.metrics',
    messages: {
      unknown: {
        en: '`{name}` is not an `{namespace}` metric; the alarm will stay INSUFFICIENT_DATA. Did you mean `{closest}`?',
        ja: '`{name}` は `{namespace}` のメトリクスではありません。アラームは INSUFFICIENT_DATA のままになります。`{closest}` のことですか？',
      },
      unknownNoHint: {
        en: '`{name}` is not an `{namespace}` metric; the alarm will stay INSUFFICIENT_DATA.',
        ja: '`{name}` は `{namespace}` のメトリクスではありません。アラームは INSUFFICIENT_DATA のままになります。',
      },
      wrongApiKind: {
        en: '`{name}` is not published for {apiKind} APIs (this alarm\'s dimensions point to one); the alarm will stay INSUFFICIENT_DATA. Did you mean `{closest}`? ({apiKind} API metrics: {names})',
        ja: '`{name}` は {apiKind} API では発行されません（このアラームのディメンションは {apiKind} API を指しています）。アラームは INSUFFICIENT_DATA のままになります。`{closest}` のことですか？（{apiKind} API のメトリクス: {names}）',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const catalog = metricCatalog(context.knowledge);
    const byKind = context.knowledge.value('apigw.metrics', 'apiGateway') as Record<string, string[]>;
    const label: Record<string, string> = { rest: 'REST', http: 'HTTP', websocket: 'WebSocket' };
    for (const metric of alarmMetrics(template)) {
      if (!metric.namespace || !metric.nameNode) continue;
      const known = catalog.get(metric.namespace);
      if (!known) continue;
      const c = candidates(metric.nameNode, template);
      if (!c || !c.values.every((v) => typeof v === 'string')) continue;
      const names = c.values as string[];
      let allowed = known;
      let kindLabel: string | undefined;
      if (metric.namespace === 'AWS/ApiGateway') {
        const kinds = apiGatewayKinds(template, metric.dimensions);
        if (kinds) {
          allowed = new Set(kinds.flatMap((k) => byKind[k] ?? []));
          kindLabel = kinds.map((k) => label[k]).join('/');
        }
      }
      const bad = names.filter((n) => !allowed.has(n));
      if (bad.length === 0) continue;
      const name = bad[0];
      const hint = caseAlias(name, allowed) ?? closest(name, allowed);
      const near = hint && hint.distance <= Math.max(2, Math.floor(name.length / 3)) ? hint : undefined;
      const downgrade = c.choice && bad.length < names.length;
      const edit = near && near.distance <= 2 && isScalar(metric.nameNode) ? replaceScalar(context.doc, metric.nameNode, near.name) : undefined;
      const fixes = edit ? [{ title: { en: `Change to ${near!.name}`, ja: `${near!.name} に変更` }, edits: [edit], preferred: near!.distance <= 1 }] : [];
      if (kindLabel && known.has(name)) {
        context.report({
          path: metric.namePath, messageId: 'wrongApiKind', downgrade, fixes,
          data: { name, apiKind: kindLabel, closest: near?.name ?? [...allowed][0], names: [...allowed].join(', ') },
        });
        continue;
      }
      context.report({
        path: metric.namePath, messageId: near ? 'unknown' : 'unknownNoHint', downgrade, fixes,
        data: { name, namespace: metric.namespace, closest: near?.name ?? '' },
      });
    }
  },
};

/** `4XXError` ↔ `4xx`, `5XXError` ↔ `5xx`: the REST and HTTP API spellings of the same count. */
function caseAlias(name: string, allowed: Set<string>): { name: string; distance: number } | undefined {
  const match = /^([45])(?:XXError|xx)$/i.exec(name);
  if (!match) return undefined;
  for (const candidate of [`${match[1]}xx`, `${match[1]}XXError`]) {
    if (candidate !== name && allowed.has(candidate)) return { name: candidate, distance: 1 };
  }
  return undefined;
}

export default rule;

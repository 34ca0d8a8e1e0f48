import { get, isMap, isScalar, isSeq, type Node, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Rule } from '../types';
import { presence } from '../shared/data-conditional';
import { billingModes, SIMPLE_TABLE, TABLE } from './table-facts';

/**
 * DDB007: a provisioned table with no Application Auto Scaling target in the template. Traffic
 * above provisioned capacity is throttled (ProvisionedThroughputExceededException); auto scaling
 * (an `AWS::ApplicationAutoScaling::ScalableTarget` with `ServiceNamespace: dynamodb` and
 * `ResourceId: table/<name>`) helps but does not react instantly. Only tables that are certainly
 * PROVISIONED and have ProvisionedThroughput are checked; a dynamodb scalable target whose
 * ResourceId cannot be resolved counts as covering every table (no report). Sources: DynamoDB
 * Developer Guide "Managing throughput capacity automatically with DynamoDB auto scaling" and
 * "DynamoDB provisioned capacity mode" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'DDB007',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::ApplicationAutoScaling::ScalableTarget',
      'AWS::DynamoDB::Table',
      'AWS::Serverless::SimpleTable',
    ],
    title: { en: 'Provisioned table without auto scaling', ja: 'プロビジョンドのテーブルに Auto Scaling がない' },
    note: 'ddb.provisioned',
    enabledByDefault: false,
    messages: {
      noScaling: {
        en: '`{table}` is provisioned with fixed capacity and no auto scaling in this template. Traffic above provisioned capacity is throttled (ProvisionedThroughputExceededException; retry with exponential backoff + jitter). Auto scaling helps but does not react instantly; on-demand removes capacity planning.',
        ja: '`{table}` はプロビジョンドで、このテンプレートに Auto Scaling がありません。キャパシティを超えるとスロットリング（ProvisionedThroughputExceededException。ジッター付きエクスポネンシャルバックオフでリトライ）。Auto Scaling で回避できるが即応性はなく、オンデマンドならキャパシティ計画が不要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const provisioned = String(k.value('ddb.provisioned', 'billingMode'));
    const namespace = String(k.value('ddb.provisioned', 'autoScalingNamespace'));
    const covered = scaledTables(template, namespace);
    if (covered === 'all') return;
    for (const table of template.ofType(TABLE, SIMPLE_TABLE)) {
      if (presence(get(table.properties, 'ProvisionedThroughput')) !== 'present') continue;
      if (table.type === TABLE) {
        const modes = billingModes(template, table, k);
        if (!modes || !modes.values.every((m) => m === provisioned)) continue;
      }
      if (covered.has(table.name)) continue;
      const name = stringOf(get(table.properties, 'TableName'));
      if (name && covered.has(`name:${name}`)) continue;
      context.report({ path: [...table.path, 'Properties', 'ProvisionedThroughput'], target: 'key', messageId: 'noScaling', data: { table: table.name } });
    }
  },
};

/**
 * The tables that DynamoDB scalable targets point at: logical ids (`!Ref T`, `${T}` in a Sub,
 * `!Join`) and literal names (`name:<TableName>`). 'all' when some target cannot be resolved.
 */
function scaledTables(template: TemplateModel, namespace: string): Set<string> | 'all' {
  const out = new Set<string>();
  for (const target of template.ofType('AWS::ApplicationAutoScaling::ScalableTarget')) {
    const ns = candidates(get(target.properties, 'ServiceNamespace'), template);
    if (!ns) return 'all';
    if (!ns.values.includes(namespace)) continue;
    const found = new Set<string>();
    collect(template, get(target.properties, 'ResourceId'), found);
    if (found.size === 0) return 'all';
    for (const f of found) out.add(f);
  }
  return out;
}

function collect(template: TemplateModel, node: Node | null | undefined, out: Set<string>): void {
  if (node == null) return;
  if (isScalar(node)) {
    const text = typeof node.value === 'string' ? node.value : '';
    const literal = /^table\/([^/$]+)/.exec(text);
    if (literal) out.add(`name:${literal[1]}`);
    for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)\}/g)) if (isTable(template.resources.get(m[1]))) out.add(m[1]);
    return;
  }
  const ref = template.referenced(node);
  if (ref && isTable(template.resources.get(ref.name)) && !ref.attribute) { out.add(ref.name); return; }
  if (isSeq(node)) for (const item of node.items) collect(template, item, out);
  if (isMap(node)) for (const pair of node.pairs) collect(template, pair.value, out);
}

function isTable(resource: Resource | undefined): boolean {
  return resource?.type === TABLE || resource?.type === SIMPLE_TABLE;
}

export default rule;

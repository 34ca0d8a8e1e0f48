import { get, isScalar, type Node } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import type { Rule, RuleContext } from '../types';
import { billingModes, indexes, SIMPLE_TABLE, TABLE } from './table-facts';

const UNITS = ['ReadCapacityUnits', 'WriteCapacityUnits'];

/**
 * DDB002: a capacity unit below 1 or not a whole number. DynamoDB's ProvisionedThroughput takes
 * integers of at least 1 for ReadCapacityUnits and WriteCapacityUnits (CreateTable API, type Long,
 * minimum 1), on the table, on each GSI, on `AWS::Serverless::SimpleTable` and in
 * `Globals.SimpleTable`. Tables that are certainly PAY_PER_REQUEST are left to DDB001. The sizing
 * in the message comes from the note `ddb.wcu-calculation` (DynamoDB Developer Guide,
 * "Constraints" and "read-write-operations"; verified 2026-11-21). Fix: round up to the nearest
 * valid whole number (at least 1).
 */
const rule: Rule = {
  meta: {
    id: 'DDB002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable'],
    title: { en: 'Capacity units below 1', ja: 'キャパシティユニットが 1 未満' },
    note: 'ddb.wcu-calculation',
    messages: {
      invalid: {
        en: '{property} must be a whole number ≥ {min} (found {value}). Sizing: 1 WCU = 1 write/s of ≤ {writeKB} KB (a 2 KB item needs 2, transactional ×{tx}); 1 RCU = 1 strongly or {eventual} eventually consistent reads/s of ≤ {readKB} KB.',
        ja: '{property} は {min} 以上の整数で指定します（現在の値: {value}）。目安: 1 WCU = {writeKB}KB までの項目に 1回/秒の書き込み（2KB なら 2、トランザクションは {tx} 倍）。1 RCU = {readKB}KB までの項目に強い整合性 1回/秒・結果整合性 {eventual}回/秒。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const sizing = {
      min: k.number('ddb.wcu-calculation', 'minCapacityUnits'),
      writeKB: k.number('ddb.wcu-calculation', 'writeUnitKB'),
      readKB: k.number('ddb.wcu-calculation', 'readUnitKB'),
      eventual: k.number('ddb.wcu-calculation', 'eventualReadsPerRcu'),
      tx: k.number('ddb.wcu-calculation', 'transactionalMultiplier'),
    };
    const onDemand = String(k.value('ddb.on-demand', 'billingMode'));
    for (const table of template.ofType(TABLE, SIMPLE_TABLE)) {
      if (!table.properties) continue;
      if (table.type === TABLE) {
        const modes = billingModes(template, table, k);
        if (modes && modes.values.every((m) => m === onDemand)) continue;
      }
      checkThroughput(context, template, get(table.properties, 'ProvisionedThroughput'), [...table.path, 'Properties', 'ProvisionedThroughput'], sizing);
      if (table.type !== TABLE) continue;
      for (const index of indexes(table, 'GlobalSecondaryIndexes') ?? []) {
        checkThroughput(context, template, get(index.node, 'ProvisionedThroughput'), [...index.path, 'ProvisionedThroughput'], sizing);
      }
    }
    const globals = get(get(template.globals, 'SimpleTable'), 'ProvisionedThroughput');
    checkThroughput(context, template, globals, ['Globals', 'SimpleTable', 'ProvisionedThroughput'], sizing);
  },
};

function checkThroughput(context: RuleContext, template: TemplateModel, throughput: Node | undefined, path: Path, sizing: Record<string, number>): void {
  for (const property of UNITS) {
    const node = get(throughput, property);
    const numbers = numberCandidates(node, template);
    if (!node || !numbers) continue;
    const bad = numbers.values.filter((n) => n < sizing.min || !Number.isInteger(n));
    if (bad.length === 0) continue;
    const value = bad[0];
    const fixed = Math.max(sizing.min, Math.ceil(value));
    context.report({
      path: [...path, property],
      messageId: 'invalid',
      data: { property, value, ...sizing },
      downgrade: numbers.choice && bad.length < numbers.values.length,
      fixes: isScalar(node)
        ? [{ title: { en: `Set ${property} to ${fixed}`, ja: `${property} を ${fixed} にする` }, edits: [{ start: node.start, end: node.end, newText: String(fixed) }], preferred: true }]
        : [],
    });
  }
}

export default rule;

import type { Rule } from '../types';
import { indexes, TABLE } from './table-facts';

/**
 * DDB005 (template-only part): more global secondary indexes than the default per-table quota
 * (20, adjustable through Service Quotas). The spec's other condition, adding and deleting GSIs in
 * one stack update (CloudFormation documents one GSI add or delete per update), needs the previous
 * version of the template, which a template alone does not carry, so it is not checked here.
 * Sources: DynamoDB Developer Guide "Constraints" / Service Quotas (20 GSIs per table), CloudFormation
 * AWS::DynamoDB::Table GlobalSecondaryIndexes (verified 2026-11-21); the note `ddb.gsi`.
 */
const rule: Rule = {
  meta: {
    id: 'DDB005',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::DynamoDB::Table'],
    title: { en: 'Risky GSI changes', ja: 'GSI の変更に注意' },
    note: 'ddb.gsi',
    messages: {
      quota: {
        en: '`{table}` defines {count} GSIs: more than {max} exceeds the default per-table quota (raise it in Service Quotas first). GSIs can be added later, but CloudFormation adds or deletes one GSI per stack update.',
        ja: '`{table}` の GSI は {count} 個です。{max} 個を超えると 1 テーブルあたりの既定のクォータを超えます（先に Service Quotas で引き上げてください）。GSI はあとから追加できますが、CloudFormation では 1 回の更新で追加・削除できる GSI は 1 つです。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const max = context.knowledge.number('ddb.gsi', 'defaultQuotaPerTable');
    for (const table of template.ofType(TABLE)) {
      const gsis = indexes(table, 'GlobalSecondaryIndexes');
      if (!gsis || gsis.length <= max) continue;
      context.report({ path: [...table.path, 'Properties', 'GlobalSecondaryIndexes'], target: 'key', messageId: 'quota', data: { table: table.name, count: gsis.length, max } });
    }
  },
};

export default rule;

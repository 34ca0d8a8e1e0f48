import { get, pairOf, type MapNode } from '../../parse/tree';
import { removePair } from '../../edits';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { presence } from '../shared/data-conditional';
import { billingModes, indexes, TABLE } from './table-facts';

/**
 * DDB001: `BillingMode` and `ProvisionedThroughput` disagree. With PROVISIONED (the CloudFormation
 * default when `BillingMode` is unset) the table and every global secondary index need
 * `ProvisionedThroughput`; with PAY_PER_REQUEST neither may have it (DynamoDB: "Neither
 * ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST").
 * CloudFormation rejects the table either way. `AWS::Serverless::SimpleTable` without
 * ProvisionedThroughput is on-demand by SAM's design and is not checked. Sources: CloudFormation
 * AWS::DynamoDB::Table (BillingMode, ProvisionedThroughput "required if BillingMode is
 * PROVISIONED"), DynamoDB Developer Guide "DynamoDB throughput capacity" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'DDB001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::DynamoDB::Table'],
    title: { en: 'Billing mode and provisioned throughput disagree', ja: '請求モードとプロビジョンドスループットが矛盾' },
    note: 'ddb.provisioned',
    messages: {
      missing: {
        en: '{mode} needs ProvisionedThroughput on the table and on every GSI, but {subject} has none. On-demand (PAY_PER_REQUEST) suits unpredictable traffic; provisioned suits predictable traffic (throttles above capacity).',
        ja: '{mode} ではテーブルとすべての GSI に ProvisionedThroughput が必要ですが、{subjectJa}にありません。アクセスが読めないならオンデマンド（PAY_PER_REQUEST）、安定したアクセスならプロビジョンド（超えるとスロットリング）。',
      },
      forbidden: {
        en: 'PAY_PER_REQUEST (on-demand) must not specify ProvisionedThroughput (found on {subject}). On-demand suits unpredictable traffic; provisioned suits predictable traffic (throttles above capacity).',
        ja: 'PAY_PER_REQUEST（オンデマンド）では ProvisionedThroughput を指定できません（{subjectJa}）。アクセスが読めないならオンデマンド、安定したアクセスならプロビジョンド（超えるとスロットリング）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const provisioned = String(context.knowledge.value('ddb.provisioned', 'billingMode'));
    const onDemand = String(context.knowledge.value('ddb.on-demand', 'billingMode'));
    for (const table of template.ofType(TABLE)) {
      // A properties-level `Fn::Transform` (AWS::Include) can inject ProvisionedThroughput: unknown.
      if (!table.properties || pairOf(table.properties, 'Fn::Transform')) continue;
      const modes = billingModes(template, table, context.knowledge);
      if (!modes) continue;
      const provisionedCount = modes.values.filter((m) => m === provisioned).length;
      const onDemandCount = modes.values.filter((m) => m === onDemand).length;
      const mode = modes.explicit ? provisioned : `${provisioned} (default)`;
      const targets: Array<{ map: MapNode; path: Path; subject: string; subjectJa: string }> = [
        { map: table.properties, path: [...table.path, 'Properties'], subject: `\`${table.name}\``, subjectJa: `\`${table.name}\`` },
      ];
      for (const index of indexes(table, 'GlobalSecondaryIndexes') ?? []) {
        targets.push({ map: index.node, path: index.path, subject: `GSI \`${index.name}\` of \`${table.name}\``, subjectJa: `\`${table.name}\` の GSI \`${index.name}\`` });
      }
      for (const target of targets) {
        const state = presence(get(target.map, 'ProvisionedThroughput'));
        if (state === 'conditional') continue;
        const data = { table: table.name, mode, subject: target.subject, subjectJa: target.subjectJa };
        if (state === 'absent' && provisionedCount > 0) {
          context.report({ ...missingAt(table, target), messageId: 'missing', data, downgrade: provisionedCount < modes.values.length });
        }
        if (state === 'present' && onDemandCount > 0) {
          const downgrade = onDemandCount < modes.values.length;
          const edit = downgrade ? undefined : removePair(context.doc, target.map, 'ProvisionedThroughput');
          context.report({
            path: [...target.path, 'ProvisionedThroughput'], target: 'key', messageId: 'forbidden', data, downgrade,
            fixes: edit ? [{ title: { en: 'Remove ProvisionedThroughput', ja: 'ProvisionedThroughput を削除' }, edits: [edit], preferred: true }] : [],
          });
        }
      }
    }
  },
};

/** Where a missing ProvisionedThroughput is shown: BillingMode when written, else the table's logical id; the GSI's IndexName. */
function missingAt(table: { path: Path; properties: MapNode | undefined }, target: { map: MapNode; path: Path }): { path: Path; target?: 'value' } {
  if (target.map !== table.properties) return { path: [...target.path, 'IndexName'], target: 'value' };
  return { path: pairOf(table.properties, 'BillingMode') ? [...table.path, 'Properties', 'BillingMode'] : table.path };
}

export default rule;

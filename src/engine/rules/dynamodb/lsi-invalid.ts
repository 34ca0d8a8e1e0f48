import type { Rule } from '../types';
import { indexes, keySchema, TABLE } from './table-facts';

/**
 * DDB003: an invalid local secondary index. An LSI keeps the table's partition key with a
 * different sort key, so the table itself needs a composite key (DynamoDB: "Table KeySchema does
 * not have a range key, which is required when specifying a LocalSecondaryIndex"), each LSI needs
 * the table's HASH attribute and exactly one RANGE attribute, and a table can have at most 5 LSIs.
 * CreateTable rejects these. An LSI whose sort key equals the table's adds nothing; that case is
 * reported one level lower (warning), because AWS does not state verbatim that it is rejected.
 * Sources: DynamoDB Developer Guide "Local secondary indexes" and "Constraints" (5 per table),
 * verified 2026-11-21; the note `ddb.lsi`.
 */
const rule: Rule = {
  meta: {
    id: 'DDB003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::DynamoDB::Table'],
    title: { en: 'Invalid local secondary index definition', ja: 'LSI の定義が不正' },
    note: 'ddb.lsi',
    messages: {
      tooMany: {
        en: 'An LSI keeps the table\'s partition key with a different sort key, needs a composite-key table, and a table can have at most {max}. (`{table}` defines {count}.)',
        ja: 'LSI はテーブルと同じパーティションキーで異なるソートキーを持ち、複合キーのテーブルが必要で、1 テーブル最大 {max} 個です（`{table}` には {count} 個）。',
      },
      noTableRange: {
        en: 'An LSI keeps the table\'s partition key with a different sort key, so it needs a composite-key table: `{table}` has no RANGE key in its KeySchema.',
        ja: 'LSI はテーブルと同じパーティションキーで異なるソートキーを持つため、複合キーのテーブルが必要です。`{table}` の KeySchema に RANGE キーがありません。',
      },
      wrongHash: {
        en: 'LSI `{index}` must use the table\'s partition key `{tableHash}` as its HASH key (found `{hash}`). An LSI keeps the partition key and changes only the sort key.',
        ja: 'LSI `{index}` の HASH キーはテーブルのパーティションキー `{tableHash}` でなければなりません（現在: `{hash}`）。LSI はパーティションキーが同じでソートキーだけが異なります。',
      },
      noRange: {
        en: 'LSI `{index}` needs exactly one RANGE (sort) key different from the table\'s. An LSI keeps the partition key with a different sort key.',
        ja: 'LSI `{index}` にはテーブルと異なる RANGE（ソート）キーがちょうど 1 つ必要です。',
      },
      sameRange: {
        en: 'LSI `{index}` uses the table\'s own sort key `{range}`: an LSI exists to give a *different* sort key (same partition key). Pick another attribute or drop the index.',
        ja: 'LSI `{index}` のソートキー `{range}` はテーブルと同じです。LSI は「パーティションキーは同じでソートキーが異なる」インデックスです。別の属性にするか削除してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const max = context.knowledge.number('ddb.lsi', 'maxPerTable');
    for (const table of template.ofType(TABLE)) {
      const lsis = indexes(table, 'LocalSecondaryIndexes');
      if (!lsis || lsis.length === 0) continue;
      const listPath = [...table.path, 'Properties', 'LocalSecondaryIndexes'];
      if (lsis.length > max) context.report({ path: listPath, target: 'key', messageId: 'tooMany', data: { table: table.name, max, count: lsis.length } });
      const tableKeys = keySchema(table.properties, [...table.path, 'Properties']);
      if (!tableKeys) continue;
      const tableHash = tableKeys.find((k) => k.type === 'HASH');
      const tableRange = tableKeys.find((k) => k.type === 'RANGE');
      if (!tableRange) {
        context.report({ path: listPath, target: 'key', messageId: 'noTableRange', data: { table: table.name } });
        continue;
      }
      for (const lsi of lsis) {
        const keys = keySchema(lsi.node, lsi.path);
        if (!keys) continue;
        const hash = keys.find((k) => k.type === 'HASH');
        const ranges = keys.filter((k) => k.type === 'RANGE');
        if (hash && tableHash && hash.attribute !== tableHash.attribute) {
          context.report({ path: [...hash.path, 'AttributeName'], messageId: 'wrongHash', data: { index: lsi.name, tableHash: tableHash.attribute, hash: hash.attribute } });
        }
        if (ranges.length !== 1) {
          context.report({ path: [...lsi.path, 'KeySchema'], target: 'key', messageId: 'noRange', data: { index: lsi.name } });
        } else if (ranges[0].attribute === tableRange.attribute) {
          context.report({ path: [...ranges[0].path, 'AttributeName'], messageId: 'sameRange', data: { index: lsi.name, range: tableRange.attribute }, downgrade: true });
        }
      }
    }
  },
};

export default rule;

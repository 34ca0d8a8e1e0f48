import { at, get, isMap } from '../../parse/tree';
import { candidates } from '../../model/values';
import { removePair } from '../../edits';
import type { Rule } from '../types';

/**
 * KINESIS001: `ShardCount` on a stream whose `StreamModeDetails.StreamMode` is `ON_DEMAND`. In
 * on-demand mode Kinesis manages the shards itself; ShardCount is for PROVISIONED mode only
 * ("Required when StreamMode = PROVISIONED"). Warning, as in the spec: whether the API rejects or
 * ignores the value is not documented clearly, and either way it doesn't do what the author
 * expects. Fix: remove ShardCount. Sources: Kinesis API CreateStream; CloudFormation
 * AWS::Kinesis::Stream registry schema (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'KINESIS001',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Kinesis::Stream'],
    title: { en: 'ShardCount with on-demand mode', ja: 'オンデマンドモードで ShardCount を指定' },
    note: 'kds.shards',
    messages: {
      onDemand: {
        en: 'On-demand streams manage shards automatically; ShardCount only applies to PROVISIONED mode. Remove it (or switch to PROVISIONED and size shards: {write} MB/s / {records} records/s write, {read} MB/s read each).',
        ja: 'オンデマンドのストリームはシャードを自動で管理します。ShardCount は PROVISIONED モード専用です。削除するか、PROVISIONED にしてシャード数を見積もってください（1 シャードあたり書き込み {write} MB/秒・{records} レコード/秒、読み込み {read} MB/秒）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const onDemand = String(context.knowledge.value('kds.shards', 'onDemand'));
    const data = {
      write: context.knowledge.number('kds.write-limits', 'write', 'mbPerSecondPerShard'),
      records: context.knowledge.number('kds.write-limits', 'write', 'recordsPerSecondPerShard'),
      read: context.knowledge.number('kds.write-limits', 'read', 'mbPerSecondPerShard'),
    };
    for (const stream of template.ofType('AWS::Kinesis::Stream')) {
      if (!stream.properties || get(stream.properties, 'ShardCount') === undefined) continue;
      const mode = candidates(at(stream.properties, ['StreamModeDetails', 'StreamMode']), template);
      if (!mode) continue;
      const hits = mode.values.filter((v) => v === onDemand);
      if (hits.length === 0) continue;
      const edit = hits.length === mode.values.length && isMap(stream.properties) ? removePair(context.doc, stream.properties, 'ShardCount') : undefined;
      context.report({
        path: [...stream.path, 'Properties', 'ShardCount'],
        target: 'key',
        messageId: 'onDemand',
        data,
        downgrade: hits.length < mode.values.length,
        fixes: edit ? [{ title: { en: 'Remove ShardCount', ja: 'ShardCount を削除' }, edits: [edit], preferred: true }] : [],
      });
    }
  },
};

export default rule;

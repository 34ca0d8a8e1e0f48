import * as assert from 'assert';
import { getKnowledge } from '../../src/engine/knowledge';
import { lookup } from '../../src/engine/lookup';

/**
 * Real queries an engineer types into "Look Up Note…", in either language, with AWS vocabulary,
 * typos and partial words. The note that covers the expected fact must rank in the top three.
 */
const QUERIES: Array<[query: string, fact: string]> = [
  ['可視性', 'sqs.visibility-timeout'],
  ['visibility', 'sqs.visibility-timeout'],
  ['visibilty timeout', 'sqs.visibility-timeout'],
  ['スティッキーセッション', 'elb.sticky-vs-elasticity'],
  ['sticky session', 'elb.sticky-vs-elasticity'],
  ['RCU', 'ddb.rcu'],
  ['WCU', 'ddb.wcu'],
  ['400KB', 'ddb.item-size-400kb'],
  ['400 KB item', 'ddb.item-size-400kb'],
  ['hook order', 'codedeploy.hook-order-ec2'],
  ['フックの順番', 'codedeploy.hook-order-ec2'],
  ['デプロイポリシー', 'eb.deploy.new-vs-existing'],
  ['deployment policy', 'eb.deploy.new-vs-existing'],
  ['all at once', 'eb.deploy.all-at-once'],
  ['プレイスメントグループ', 'ec2.pg.general'],
  ['placement group', 'ec2.pg.general'],
  ['placemnt grp', 'ec2.pg.general'],
  ['ロングポーリング', 'sqs.long-polling'],
  ['long poll', 'sqs.long-polling'],
  ['29 seconds timeout', 'apigw.504-29s'],
  ['504', 'apigw.504-29s'],
  ['ハイバネーション', 'ec2.hibernation.overview'],
  ['hibernate', 'ec2.hibernation.overview'],
  ['Multi-Attach', 'ebs.multi-attach'],
  ['マルチアタッチ', 'ebs.multi-attach'],
  ['buildspec phases', 'codebuild.buildspec'],
  ['GetAtt', 'cfn.getatt'],
  ['FindInMap', 'cfn.mappings-findinmap'],
  ['X-Ray annotation', 'xray.annotations'],
  ['注釈', 'xray.annotations'],
  ['ephemeral storage /tmp', 'lambda.tmp-storage'],
  ['dead letter queue', 'lambda.dlq'],
  ['kinesis shard', 'kds.shards'],
  ['cli page size', 'cli.page-size'],
  ['step functions express', 'sfn.express'],
  ['gp2 burst', 'ebs.gp2.burst'],
  ['io2 block express', 'ebs.io1.max-iops'],
];

describe('lookup ranking (real queries)', () => {
  const knowledge = getKnowledge();
  for (const [query, fact] of QUERIES) {
    it(`"${query}" → ${fact} in the top three`, () => {
      const entry = knowledge.get(fact);
      assert.ok(entry, `no note covers ${fact}`);
      const top = lookup(query, { knowledge, limit: 3 }).map((hit) => hit.id);
      assert.ok(top.includes(entry.id), `"${query}": ${entry.id} not in the top three: ${top.join(', ')}`);
    });
  }

  it('reaches every lookup-only note (spec §2.9) by its title', () => {
    for (const entry of knowledge.entries.filter((e) => e.attach.includes('lookup-only'))) {
      const top = lookup(entry.title.en, { knowledge, limit: 3 }).map((hit) => hit.id);
      assert.ok(top.includes(entry.id), `"${entry.title.en}" does not find ${entry.id}: ${top.join(', ')}`);
    }
  });
});

import { get, stringOf } from '../../parse/tree';
import { candidates, numberCandidates } from '../../model/values';
import type { Rule } from '../types';
import { placementGroups } from './placement';

/**
 * EC2010: a placement group constraint the launch will violate.
 * (a) cluster groups are single-AZ ("You cannot specify multiple Availability Zones and a cluster
 *     placement group" — EC2 Auto Scaling API; CreatePlacementGroup);
 * (b) rack spread groups allow "a maximum of seven running instances per Availability Zone per
 *     group";
 * (c) partition groups allow at most seven partitions per AZ;
 * (d) "You can't launch Dedicated Hosts in placement groups" (Tenancy: host).
 * Limits are the values of ec2.pg.general. Source: EC2 User Guide, "Placement group rules and
 * limitations" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2010',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::AutoScalingGroup',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
      'AWS::EC2::PlacementGroup',
    ],
    title: { en: 'Placement group constraint violated', ja: 'プレイスメントグループの制約違反' },
    note: 'ec2.pg.general',
    messages: {
      clusterAz: {
        en: '`{member}` puts cluster placement group `{group}` in more than one Availability Zone ({azs}). Cluster groups are single-AZ.',
        ja: '`{member}` によりクラスタープレイスメントグループ `{group}` が複数の AZ（{azs}）にまたがります。クラスタープレイスメントグループは単一 AZ です。',
      },
      spreadCount: {
        en: 'Spread placement group `{group}` would hold {count} instances in one Availability Zone ({member}); spread groups allow at most {max} running instances per AZ.',
        ja: 'スプレッドプレイスメントグループ `{group}` の 1 つの AZ に {count} 台が入ります（{member}）。スプレッドは AZ あたり最大 {max} 台です。',
      },
      partitionCount: {
        en: 'PartitionCount {count} is above {max}: partition placement groups allow at most {max} partitions per Availability Zone.',
        ja: 'PartitionCount {count} は上限 {max} を超えています。パーティションプレイスメントグループは AZ あたり最大 {max} パーティションです。',
      },
      host: {
        en: '`{member}` uses Tenancy host in placement group `{group}`: Dedicated Hosts can\'t join placement groups.',
        ja: '`{member}` は Tenancy: host でプレイスメントグループ `{group}` に入っています。Dedicated Host はプレイスメントグループで起動できません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const spreadMax = context.knowledge.number('ec2.pg.general', 'spreadMaxInstancesPerAz');
    const partitionMax = context.knowledge.number('ec2.pg.general', 'partitionMaxPerAz');
    for (const pg of template.ofType('AWS::EC2::PlacementGroup')) {
      if (stringOf(get(pg.properties, 'Strategy')) !== 'partition') continue;
      const counts = numberCandidates(get(pg.properties, 'PartitionCount'), template);
      const bad = counts?.values.filter((n) => n > partitionMax) ?? [];
      if (!counts || bad.length === 0) continue;
      context.report({
        path: [...pg.path, 'Properties', 'PartitionCount'], messageId: 'partitionCount',
        data: { count: bad[0], max: partitionMax }, downgrade: counts.choice && bad.length < counts.values.length,
      });
    }
    for (const group of placementGroups(template)) {
      const name = group.resource.name;
      for (const member of group.members) {
        if (!member.tenancy) continue;
        const c = candidates(member.tenancy.node, template);
        if (!c || !c.values.includes('host')) continue;
        context.report({ path: member.tenancy.path, messageId: 'host', data: { member: member.resource.name, group: name }, downgrade: c.values.some((v) => v !== 'host') });
      }
      if (group.strategy === 'cluster') {
        const seen = new Set<string>();
        for (const member of group.members) {
          if (!member.azs) continue;
          for (const az of member.azs) seen.add(az);
          if (seen.size > 1) {
            context.report({ path: member.via, messageId: 'clusterAz', data: { member: member.resource.name, group: name, azs: [...seen].map(label).join(', ') } });
            break;
          }
        }
      }
      if (group.strategy === 'spread' && stringOf(get(group.resource.properties, 'SpreadLevel')) !== 'host') {
        const perAz = new Map<string, number>();
        for (const member of group.members) {
          if (!member.azs) continue;
          let count: number;
          let az: string;
          if (member.kind === 'asg') {
            if (member.maxSize === undefined) continue;
            count = Math.ceil(member.maxSize / member.azs.length);
            az = member.azs[0];
          } else if (member.kind === 'instance') {
            count = 1;
            az = member.azs[0];
          } else continue;
          const total = (perAz.get(az) ?? 0) + count;
          perAz.set(az, total);
          if (total > spreadMax) {
            context.report({ path: member.via, messageId: 'spreadCount', data: { group: name, count: total, max: spreadMax, member: member.resource.name } });
            break;
          }
        }
      }
    }
  },
};

function label(az: string): string {
  return az.startsWith('#') ? `Fn::GetAZs[${az.slice(1)}]` : az;
}

export default rule;

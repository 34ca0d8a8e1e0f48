import type { Rule } from '../types';
import { placementGroups } from './placement';

/**
 * EC2011: a cluster placement group whose members resolve to more than one instance type. The
 * study note says the types "must" be identical; AWS only recommends one type per cluster group,
 * launched in a single request, to avoid insufficient-capacity errors (spec FC-23). Info.
 * Source: EC2 User Guide, "Placement strategies — cluster" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2011',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::AutoScalingGroup',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
      'AWS::EC2::PlacementGroup',
    ],
    title: { en: 'Mixed instance types in a cluster placement group', ja: 'クラスタープレイスメントグループ内でインスタンスタイプが混在' },
    note: 'ec2.pg.general',
    messages: {
      mixed: {
        en: 'Cluster placement group `{group}` gets several instance types ({types}). AWS recommends one instance type per cluster placement group, launched in a single request, to avoid insufficient-capacity errors. It is a recommendation, not a requirement.',
        ja: 'クラスタープレイスメントグループ `{group}` に複数のインスタンスタイプ（{types}）が入ります。容量不足エラーを避けるため、AWS は 1 つのタイプを 1 回のリクエストで起動することを推奨しています（必須ではありません）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const group of placementGroups(template)) {
      if (group.strategy !== 'cluster') continue;
      const types = new Set<string>();
      for (const member of group.members) for (const t of member.types ?? []) types.add(t);
      if (types.size < 2) continue;
      context.report({ path: [...group.resource.path, 'Properties', 'Strategy'], messageId: 'mixed', data: { group: group.resource.name, types: [...types].join(', ') } });
    }
  },
};

export default rule;

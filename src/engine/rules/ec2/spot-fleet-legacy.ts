import type { Rule } from '../types';

/**
 * EC2012: AWS::EC2::SpotFleet. "We strongly discourage using Spot Fleet because it uses a legacy
 * API with no planned investment. If you want to manage your instance lifecycle, use EC2 Fleet
 * instead. If you don't want to manage your instance lifecycle, use an Auto Scaling group
 * instead." Source: EC2 User Guide, "Work with Spot Fleet" (verified 2026-11-21). Info: it works.
 */
const rule: Rule = {
  meta: {
    id: 'EC2012',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EC2::SpotFleet'],
    title: { en: 'Spot Fleet is a legacy API', ja: 'スポットフリートはレガシー API' },
    note: 'ec2.spot-fleet',
    messages: {
      legacy: {
        en: 'AWS strongly discourages Spot Fleet (legacy API, no planned investment). Use an Auto Scaling group (mixed instances) or `AWS::EC2::EC2Fleet` instead of `{resource}`.',
        ja: 'AWS はスポットフリートの使用を強く非推奨としています（投資予定のないレガシー API）。`{resource}` の代わりに Auto Scaling グループ（混合インスタンス）か `AWS::EC2::EC2Fleet` を使ってください。',
      },
    },
  },
  check(context) {
    for (const fleet of context.template?.ofType('AWS::EC2::SpotFleet') ?? []) {
      context.report({ path: [...fleet.path, 'Type'], messageId: 'legacy', data: { resource: fleet.name } });
    }
  },
};

export default rule;

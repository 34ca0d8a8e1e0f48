import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { groupPlatform, platformLabel, stringCandidates } from './platform';

/**
 * CODEDEPLOY001: an in-place deployment group on the Lambda or ECS compute platform. "Only
 * deployments that use the EC2/On-Premises compute platform can use in-place deployments"
 * (CodeDeploy User Guide, "Working with deployments"); Lambda and ECS deployments shift traffic
 * (blue/green), so CodeDeploy rejects `DeploymentType: IN_PLACE` or `DeploymentOption:
 * WITHOUT_TRAFFIC_CONTROL` there. Only explicit values count: an unset DeploymentStyle says
 * nothing (its default depends on the platform and on how the group is created). The platform
 * comes from the group's application (`ApplicationName: !Ref App` → `App.ComputePlatform`). Note
 * `codedeploy.in-place-ec2-only` (003:L222-223; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CODEDEPLOY001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodeDeploy::DeploymentGroup'],
    title: { en: 'In-place deployment on Lambda/ECS', ja: 'Lambda・ECS でインプレイスデプロイ' },
    note: 'codedeploy.in-place-ec2-only',
    messages: {
      inPlace: {
        en: 'In-place deployments exist only for EC2/On-Premises. `{group}` deploys the {platform} application `{application}`: use `DeploymentType: BLUE_GREEN` with `DeploymentOption: WITH_TRAFFIC_CONTROL` (found `{property}: {value}`).',
        ja: 'インプレイスデプロイは EC2/オンプレミスだけのものです。`{group}` は {platformJa} のアプリケーション `{application}` をデプロイするので、`DeploymentType: BLUE_GREEN` と `DeploymentOption: WITH_TRAFFIC_CONTROL` にしてください（現在: `{property}: {value}`）。',
      },
    },
  },
  check(context) {
    const model = context.template;
    if (!model) return;
    for (const group of model.ofType('AWS::CodeDeploy::DeploymentGroup')) {
      const linked = groupPlatform(model, group);
      if (!linked || linked.platform === 'server') continue;
      const style = get(group.properties, 'DeploymentStyle');
      for (const [property, bad] of [['DeploymentType', 'IN_PLACE'], ['DeploymentOption', 'WITHOUT_TRAFFIC_CONTROL']] as const) {
        const c = stringCandidates(model, get(style, property));
        if (!c || !c.values.includes(bad)) continue;
        const label = platformLabel(linked.platform);
        context.report({
          path: [...group.path, 'Properties', 'DeploymentStyle', property],
          messageId: 'inPlace',
          data: { group: group.name, application: linked.application.name, platform: label.en, platformJa: label.ja, property, value: bad },
          downgrade: c.choice && c.values.some((v) => v !== bad),
        });
      }
    }
  },
};

export default rule;

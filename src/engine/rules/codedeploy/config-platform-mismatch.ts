import { get } from '../../parse/tree';
import type { Platform } from '../../model/appspec';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { configPlatform, customConfigPlatform, groupPlatform, platformLabel, stringCandidates } from './platform';

/**
 * CODEDEPLOY003: a deployment configuration of another compute platform. Predefined
 * configurations belong to one platform — CodeDeployDefault.OneAtATime/HalfAtATime/AllAtOnce to
 * EC2/On-Premises, CodeDeployDefault.Lambda… to Lambda, CodeDeployDefault.ECS… to ECS
 * (CodeDeploy User Guide, "Working with deployment configurations") — and so does a custom
 * `AWS::CodeDeploy::DeploymentConfig` (its ComputePlatform). CodeDeploy rejects a group whose
 * configuration does not match its application's platform. Also checked: SAM
 * `DeploymentPreference.Type`, which always deploys a Lambda function (a predefined name of
 * another platform there is the same mistake). Lists: note `codedeploy.deployment-group`
 * (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CODEDEPLOY003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodeDeploy::DeploymentGroup', 'AWS::Serverless::Function'],
    title: { en: 'Deployment config does not match the compute platform', ja: 'デプロイ設定がコンピューティングプラットフォームと合わない' },
    note: 'codedeploy.deployment-group',
    messages: {
      mismatch: {
        en: '`{config}` is a {configPlatform} deployment configuration; `{group}` deploys to {platform}.',
        ja: '`{config}` は {configPlatformJa} 用のデプロイ設定ですが、`{group}` のデプロイ先は {platformJa} です。',
      },
    },
  },
  check(context) {
    const model = context.template;
    if (!model) return;
    const check = (node: ReturnType<typeof get>, path: Path, group: string, platform: Platform) => {
      const ref = model.referenced(node);
      let configs: Array<{ name: string; platform: Platform | undefined }> = [];
      let choice = false;
      if (ref) {
        const resource = model.resources.get(ref.name);
        if (resource?.type !== 'AWS::CodeDeploy::DeploymentConfig') return;
        configs = [{ name: ref.name, platform: customConfigPlatform(model, resource) }];
      } else {
        const c = stringCandidates(model, node);
        if (!c) return;
        choice = c.choice;
        configs = c.values.map((name) => ({ name, platform: configPlatform(context.knowledge, name) }));
      }
      const bad = configs.filter((c) => c.platform !== undefined && c.platform !== platform);
      if (bad.length === 0) return;
      const cfg = platformLabel(bad[0].platform!);
      const grp = platformLabel(platform);
      context.report({
        path,
        messageId: 'mismatch',
        data: { config: bad[0].name, configPlatform: cfg.en, configPlatformJa: cfg.ja, group, platform: grp.en, platformJa: grp.ja },
        downgrade: choice && bad.length < configs.length,
      });
    };
    for (const group of model.ofType('AWS::CodeDeploy::DeploymentGroup')) {
      const linked = groupPlatform(model, group);
      const node = get(group.properties, 'DeploymentConfigName');
      if (!linked || node === undefined) continue;
      check(node, [...group.path, 'Properties', 'DeploymentConfigName'], group.name, linked.platform);
    }
    for (const fn of model.ofType('AWS::Serverless::Function')) {
      const node = get(get(fn.properties, 'DeploymentPreference'), 'Type');
      if (node !== undefined) check(node, [...fn.path, 'Properties', 'DeploymentPreference', 'Type'], fn.name, 'lambda');
    }
    const globalType = get(get(get(model.globals, 'Function'), 'DeploymentPreference'), 'Type');
    if (globalType !== undefined) check(globalType, ['Globals', 'Function', 'DeploymentPreference', 'Type'], 'Globals.Function', 'lambda');
  },
};

export default rule;

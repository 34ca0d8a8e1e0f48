import { get } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * CODEDEPLOY002: a deployment group without automatic rollback. "CodeDeploy rolls back
 * deployments by redeploying a previously deployed revision of an application as a new
 * deployment… with new deployment IDs"; automatic rollback does so when a deployment fails or an
 * alarm threshold is met (CodeDeploy User Guide, "Redeploy and roll back a deployment"). Without
 * `AutoRollbackConfiguration.Enabled: true` a failed deployment stays failed until someone
 * redeploys. An operational choice, so info; on by default: every deployment group in the corpus
 * configures it (docs/corpus-review/codetools.md), so a group without it stands out. Note
 * `codedeploy.rollback` (003:L243-246).
 */
const rule: Rule = {
  meta: {
    id: 'CODEDEPLOY002',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodeDeploy::DeploymentGroup'],
    title: { en: 'No automatic rollback', ja: '自動ロールバックが無効' },
    note: 'codedeploy.rollback',
    messages: {
      off: {
        en: 'Automatic rollback is off for `{group}`. A rollback redeploys the last good revision as a *new* deployment (new deployment ID); consider `AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]}`.',
        ja: '`{group}` は自動ロールバックが無効です。ロールバックは最後に正常だったリビジョンを*新しいデプロイ*として配ります（デプロイ ID は新しくなる）。`AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]}` を検討してください。',
      },
    },
  },
  check(context) {
    const model = context.template;
    if (!model) return;
    for (const group of model.ofType('AWS::CodeDeploy::DeploymentGroup')) {
      const config = get(group.properties, 'AutoRollbackConfiguration');
      if (config === undefined) {
        context.report({ path: group.path, target: 'key', messageId: 'off', data: { group: group.name } });
        continue;
      }
      const enabled = get(config, 'Enabled');
      const c = candidates(enabled, model);
      if (enabled === undefined || !c) continue;
      const values = c.values.map(asBoolean);
      if (!values.includes(false)) continue;
      context.report({
        path: [...group.path, 'Properties', 'AutoRollbackConfiguration', 'Enabled'],
        messageId: 'off',
        data: { group: group.name },
        downgrade: c.choice && values.includes(true),
      });
    }
  },
};

export default rule;

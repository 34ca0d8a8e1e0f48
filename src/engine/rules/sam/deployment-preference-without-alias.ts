import { get } from '../../parse/tree';
import { candidates, asBoolean } from '../../model/values';
import { insertNested } from '../../edits';
import type { Rule } from '../types';

/**
 * SAM003: `DeploymentPreference` (own or from `Globals.Function`) on an `AWS::Serverless::Function`
 * without `AutoPublishAlias`. Gradual deployments shift traffic between versions of an alias, and
 * the SAM transform fails: "'DeploymentPreference' requires AutoPublishAlias property to be
 * specified." A preference with `Enabled: false` is exempt (SAM checks only enabled ones); an
 * `Enabled` that can't be evaluated says nothing, one that is false on only some branches
 * downgrades the finding. The fix adds `AutoPublishAlias: live` (the alias name AWS examples use;
 * rename it as you like) and is not marked preferred. Source: samtranslator sam_resources.py
 * (aws/serverless-application-model), AWS SAM "DeploymentPreference" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SAM003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Serverless::Function'],
    title: { en: 'DeploymentPreference without AutoPublishAlias', ja: 'AutoPublishAlias のない DeploymentPreference' },
    note: 'codedeploy.hooks-lambda',
    messages: {
      missing: {
        en: 'Gradual deployments shift traffic between alias versions: add `AutoPublishAlias` (e.g., `live`) to `{function}`. Hooks: PreTraffic = CodeDeploy BeforeAllowTraffic, PostTraffic = AfterAllowTraffic.',
        ja: '段階的デプロイはエイリアスのバージョン間でトラフィックを移すので、`{function}` に `AutoPublishAlias`（例: `live`）を追加してください。フック: PreTraffic = CodeDeploy の BeforeAllowTraffic、PostTraffic = AfterAllowTraffic。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const fn of template.ofType('AWS::Serverless::Function')) {
      const preference = template.effective(fn, 'DeploymentPreference', 'Function');
      if (!preference) continue;
      const enabled = get(preference.node, 'Enabled');
      let downgrade = false;
      if (enabled !== undefined) {
        const values = candidates(enabled, template);
        if (!values) continue;
        const flags = values.values.map(asBoolean);
        if (flags.some((f) => f === undefined)) continue;
        if (flags.every((f) => f === false)) continue;
        downgrade = flags.some((f) => f === false);
      }
      if (template.effective(fn, 'AutoPublishAlias', 'Function')) continue;
      const path = preference.fromGlobals ? fn.path : preference.path;
      const alias = context.doc.format === 'json' ? '"live"' : 'live';
      context.report({
        path,
        target: 'key',
        messageId: 'missing',
        data: { function: fn.name },
        downgrade,
        fixes: fn.properties ? [{
          title: { en: 'Add AutoPublishAlias: live', ja: 'AutoPublishAlias: live を追加' },
          edits: [insertNested(context.doc, fn.properties, ['AutoPublishAlias'], alias)],
        }] : [],
      });
    }
  },
};

export default rule;

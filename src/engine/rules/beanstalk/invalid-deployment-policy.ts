import { stringCandidates, replaceScalar } from '../apigw/util';
import { isScalar } from '../../parse/tree';
import type { Rule } from '../types';
import { ENV_TYPES, ownSettings } from './options';

/**
 * EB002: a `DeploymentPolicy` Elastic Beanstalk does not know. Valid values are AllAtOnce, Rolling,
 * RollingWithAdditionalBatch, Immutable and TrafficSplitting; anything else (BlueGreen, Linear,
 * Canary, "All at once") is rejected. Beanstalk has no linear policy, blue/green is an environment
 * clone plus a CNAME swap, canary is TrafficSplitting. A value that differs from a valid one only in
 * case, spaces or dashes gets a fix. Sources: EB Developer Guide "General options for all
 * environments" (aws:elasticbeanstalk:command), "Deployment policies and settings" (verified
 * 2026-11-21). Notes `eb.deploy.new-vs-existing`, `eb.deploy.no-linear`, `eb.deploy.blue-green`.
 */
const rule: Rule = {
  meta: {
    id: 'EB002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ENV_TYPES,
    title: { en: 'Invalid DeploymentPolicy', ja: '無効な DeploymentPolicy' },
    note: 'eb.deploy.new-vs-existing',
    messages: {
      invalid: {
        en: 'DeploymentPolicy `{value}` is not valid. Valid policies: {valid}. Beanstalk has no linear policy; blue/green = clone the environment + swap environment URLs (CNAME); canary = TrafficSplitting.',
        ja: 'DeploymentPolicy `{value}` は無効です。有効な値: {valid}。Elastic Beanstalk に線形デプロイはなく、ブルーグリーンは環境のクローン＋環境 URL（CNAME）のスワップ、カナリアは TrafficSplitting です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const namespace = String(k.value('eb.deploy.new-vs-existing', 'namespace'));
    const option = String(k.value('eb.deploy.new-vs-existing', 'option'));
    const valid = k.value('eb.deploy.new-vs-existing', 'validPolicies') as string[];
    const normal = (s: string) => s.replace(/[\s_-]+/g, '').toLowerCase();
    for (const resource of template.ofType(...ENV_TYPES)) {
      for (const s of ownSettings(resource)) {
        if (s.namespace !== namespace || s.option !== option || !s.value) continue;
        const values = stringCandidates(s.value, template);
        if (!values) continue;
        const bad = values.values.filter((v) => !valid.includes(v));
        if (bad.length === 0) continue;
        const match = valid.find((v) => normal(v) === normal(bad[0]));
        const edit = match && isScalar(s.value) ? replaceScalar(context.doc, s.value, match) : undefined;
        context.report({
          path: [...s.path, 'Value'], messageId: 'invalid', data: { value: bad[0], valid: valid.join(', ') },
          downgrade: values.choice && bad.length < values.values.length,
          fixes: edit ? [{ title: { en: `Change to ${match}`, ja: `${match} に変更` }, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};

export default rule;

import { numberCandidates } from '../../model/values';
import { stringCandidates } from '../apigw/util';
import type { Rule } from '../types';
import { ebConfigs, setting, ENV_TYPES } from './options';

/**
 * EB006: a rolling deployment whose single batch covers every instance: `BatchSizeType:
 * Percentage` (the default) with `BatchSize` 100 (also the default), or `Fixed` with `BatchSize` ≥
 * the Auto Scaling group's `MinSize` (`aws:autoscaling:asg`, when set). It then behaves like All at
 * once (downtime for Rolling). Probably unintended, hence info. Source: EB option table
 * aws:elasticbeanstalk:command (BatchSizeType default Percentage, BatchSize default 100) (verified
 * 2026-11-21). Note `eb.deploy.rolling` (001:L385-386).
 */
const rule: Rule = {
  meta: {
    id: 'EB006',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ENV_TYPES,
    title: { en: 'Rolling batch of 100%', ja: 'ローリングのバッチが 100%' },
    note: 'eb.deploy.rolling',
    messages: {
      fullBatch: {
        en: 'With {policy}, a batch of {batch} covers every instance, so the deployment behaves like All at once (downtime for Rolling). Use a smaller batch.',
        ja: '{policy} でバッチが {batch} だと 1 バッチで全インスタンスになり、All at once と同じ動きになります（Rolling ではダウンタイムが発生）。バッチを小さくしてください。',
      },
      defaultBatch: {
        en: 'With {policy} and no BatchSize, the default batch is {batch}: one batch covers every instance, so the deployment behaves like All at once (downtime for Rolling). Set BatchSize (e.g. 25–50 %).',
        ja: '{policy} で BatchSize が未指定だと既定のバッチは {batch} で、1 バッチで全インスタンスになり All at once と同じ動きになります（Rolling ではダウンタイムが発生）。BatchSize を指定してください（例：25～50%）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const commandNs = String(k.value('eb.deploy.new-vs-existing', 'namespace'));
    const defaultType = String(k.value('eb.deploy.rolling', 'defaultBatchSizeType'));
    const defaultSize = k.number('eb.deploy.rolling', 'defaultBatchSize');
    const maxPercentage = k.number('eb.deploy.rolling', 'maxPercentage');
    const reported = new Set<string>();
    for (const config of ebConfigs(template)) {
      const policy = setting(config.settings, commandNs, 'DeploymentPolicy');
      const policies = policy ? stringCandidates(policy.value, template) : undefined;
      if (!policy || !policies || !policies.values.every((p) => p === 'Rolling' || p === 'RollingWithAdditionalBatch')) continue;
      const envType = setting(config.settings, 'aws:elasticbeanstalk:environment', 'EnvironmentType');
      if (envType && stringCandidates(envType.value, template)?.values.includes('SingleInstance') !== false) continue;
      const typeSetting = setting(config.settings, commandNs, 'BatchSizeType');
      const typeValues = typeSetting ? stringCandidates(typeSetting.value, template) : { values: [defaultType], choice: false };
      if (!typeValues || typeValues.values.length !== 1) continue;
      const sizeSetting = setting(config.settings, commandNs, 'BatchSize');
      const sizes = sizeSetting ? numberCandidates(sizeSetting.value, template) : { values: [defaultSize], choice: false };
      if (!sizes || sizes.values.length !== 1) continue;
      const size = sizes.values[0];
      let full = false;
      if (typeValues.values[0] === 'Percentage') full = size >= maxPercentage;
      else if (typeValues.values[0] === 'Fixed') {
        const min = setting(config.settings, 'aws:autoscaling:asg', 'MinSize');
        const mins = min ? numberCandidates(min.value, template) : undefined;
        full = !!mins && mins.values.length === 1 && size >= mins.values[0];
      }
      if (!full) continue;
      const path = sizeSetting ? [...sizeSetting.path, 'Value'] : [...policy.path, 'Value'];
      if (reported.has(path.join('/'))) continue;
      reported.add(path.join('/'));
      const batch = typeValues.values[0] === 'Percentage' ? `${size} %` : `${size} instance(s)`;
      context.report({ path, messageId: sizeSetting ? 'fullBatch' : 'defaultBatch', data: { policy: policies.values[0], batch } });
    }
  },
};

export default rule;

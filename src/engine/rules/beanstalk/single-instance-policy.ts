import { stringCandidates } from '../apigw/util';
import type { Rule } from '../types';
import { ebConfigs, setting, ENV_TYPES } from './options';

/**
 * EB003: Rolling, RollingWithAdditionalBatch or TrafficSplitting on a single-instance environment
 * (`aws:elasticbeanstalk:environment` / `EnvironmentType: SingleInstance`). Single-instance
 * environments support only AllAtOnce and Immutable deployments. Source: EB Developer Guide
 * "Deploying applications to Elastic Beanstalk environments", supported deployment policies table
 * (verified 2026-11-21). Note `eb.deploy.downtime-groups` (FC-46).
 */
const rule: Rule = {
  meta: {
    id: 'EB003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ENV_TYPES,
    title: { en: 'Policy not available for single-instance environments', ja: '単一インスタンス環境では使えないデプロイポリシー' },
    note: 'eb.deploy.downtime-groups',
    messages: {
      singleInstance: {
        en: 'DeploymentPolicy `{policy}` on the single-instance environment `{resource}`: single-instance environments support only {allowed} deployments.',
        ja: '単一インスタンス環境 `{resource}` に DeploymentPolicy `{policy}` が指定されています。単一インスタンス環境で使えるのは {allowed} だけです。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const allowed = k.value('eb.deploy.downtime-groups', 'singleInstancePolicies') as string[];
    const valid = k.value('eb.deploy.new-vs-existing', 'validPolicies') as string[];
    const commandNs = String(k.value('eb.deploy.new-vs-existing', 'namespace'));
    const reported = new Set<string>();
    for (const config of ebConfigs(template)) {
      const envType = setting(config.settings, 'aws:elasticbeanstalk:environment', 'EnvironmentType');
      const types = envType ? stringCandidates(envType.value, template) : undefined;
      if (!types || !types.values.includes('SingleInstance')) continue;
      const policy = setting(config.settings, commandNs, 'DeploymentPolicy');
      const policies = policy ? stringCandidates(policy.value, template) : undefined;
      if (!policy || !policies) continue;
      const bad = policies.values.filter((p) => valid.includes(p) && !allowed.includes(p));
      if (bad.length === 0) continue;
      const path = [...policy.path, 'Value'];
      if (reported.has(path.join('/'))) continue;
      reported.add(path.join('/'));
      context.report({
        path, messageId: 'singleInstance', data: { policy: bad[0], resource: config.resource.name, allowed: allowed.join(' and ') },
        downgrade: types.values.some((t) => t !== 'SingleInstance') || bad.length < policies.values.length,
      });
    }
  },
};

export default rule;

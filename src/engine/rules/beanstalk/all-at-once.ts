import { get, stringOf } from '../../parse/tree';
import { stringCandidates } from '../apigw/util';
import type { Rule } from '../types';
import { ebConfigs, setting, ENV_TYPES } from './options';

/**
 * EB005: an all-at-once deployment, explicit or by default (DeploymentPolicy defaults to
 * AllAtOnce), on a load-balanced web-server environment. Every instance is briefly out of service
 * during each deployment. A valid choice for development, hence info. Worker and single-instance
 * environments are left alone. Sources: EB Developer Guide "Deployment policies and settings"
 * (default all-at-once) and the aws:elasticbeanstalk:command option table (verified 2026-11-21).
 * Notes `eb.deploy.all-at-once`, `eb.deploy.downtime-groups`.
 */
const rule: Rule = {
  meta: {
    id: 'EB005',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ENV_TYPES,
    title: { en: 'All-at-once deployment (explicit or default)', ja: 'All at once デプロイ（明示または既定）' },
    note: 'eb.deploy.all-at-once',
    messages: {
      explicit: {
        en: 'All at once is fastest but takes every instance out of service briefly. For zero downtime use {zeroDowntime}.',
        ja: 'All at once は最速ですが、デプロイ中はすべてのインスタンスが短時間停止します。ダウンタイムなしにするには {zeroDowntime} を使います。',
      },
      byDefault: {
        en: '`{resource}` sets no DeploymentPolicy, so deployments are All at once (the default): fastest, but every instance is briefly out of service. For zero downtime use {zeroDowntime}.',
        ja: '`{resource}` は DeploymentPolicy を指定していないため、デプロイは All at once（既定）になります。最速ですが、すべてのインスタンスが短時間停止します。ダウンタイムなしにするには {zeroDowntime} を使います。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const commandNs = String(k.value('eb.deploy.new-vs-existing', 'namespace'));
    const defaultPolicy = String(k.value('eb.deploy.new-vs-existing', 'defaultPolicy'));
    const zeroDowntime = (k.value('eb.deploy.downtime-groups', 'fullCapacity') as string[]).join(', ');
    const reported = new Set<string>();
    for (const config of ebConfigs(template)) {
      if (config.environment) {
        const tier = stringOf(get(get(config.resource.properties, 'Tier'), 'Name'));
        if (tier && tier !== 'WebServer') continue;
      }
      const envType = setting(config.settings, 'aws:elasticbeanstalk:environment', 'EnvironmentType');
      const types = envType ? stringCandidates(envType.value, template) : undefined;
      if (envType && (!types || types.values.includes('SingleInstance'))) continue;
      const policy = setting(config.settings, commandNs, 'DeploymentPolicy');
      if (!policy) {
        if (config.environment) context.report({ path: config.resource.path, target: 'key', messageId: 'byDefault', data: { resource: config.resource.name, zeroDowntime } });
        continue;
      }
      const policies = stringCandidates(policy.value, template);
      if (!policies?.values.includes(defaultPolicy)) continue;
      const path = [...policy.path, 'Value'];
      if (reported.has(path.join('/'))) continue;
      reported.add(path.join('/'));
      context.report({ path, messageId: 'explicit', data: { zeroDowntime }, downgrade: policies.values.some((p) => p !== defaultPolicy) });
    }
  },
};

export default rule;

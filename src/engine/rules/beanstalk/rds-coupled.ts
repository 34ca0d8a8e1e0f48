import { booleanCandidates, stringCandidates } from '../apigw/util';
import type { Rule } from '../types';
import { ENV_TYPES, ownSettings } from './options';

/**
 * EB001: an RDS database coupled to the Beanstalk environment (any `aws:rds:dbinstance` option,
 * unless `HasCoupledDatabase` is false). The database then shares the environment's lifecycle:
 * terminating or rebuilding the environment deletes it unless `DBDeletionPolicy` is Snapshot or
 * Retain. Fine for development, risky for production, hence a warning. Sources: EB Developer Guide
 * "Adding a database to your Elastic Beanstalk environment" (database lifecycle), "Rebuilding
 * environments" (verified 2026-11-21). Note `eb.rds-decouple` (001:L378-379).
 */
const rule: Rule = {
  meta: {
    id: 'EB001',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ENV_TYPES,
    title: { en: 'RDS coupled to the environment', ja: 'RDS が環境に組み込まれている' },
    note: 'eb.rds-decouple',
    messages: {
      coupled: {
        en: '`{resource}` creates a database inside the Beanstalk environment, which shares its lifecycle (terminate or rebuild the environment, lose the DB unless DBDeletionPolicy is Snapshot/Retain). For production, create AWS::RDS::DBInstance separately and pass the endpoint via environment properties. Current DBDeletionPolicy: {policy}.',
        ja: '`{resource}` は Beanstalk 環境の中にデータベースを作成します。DB のライフサイクルが環境と結び付くため、環境を終了・再構築すると DB も削除されます（DBDeletionPolicy が Snapshot／Retain の場合を除く）。本番では AWS::RDS::DBInstance を別に作成し、エンドポイントを環境プロパティで渡してください。現在の DBDeletionPolicy: {policy}。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const namespace = String(k.value('eb.rds-decouple', 'namespace'));
    const defaultPolicy = String(k.value('eb.rds-decouple', 'defaultDeletionPolicy'));
    for (const resource of template.ofType(...ENV_TYPES)) {
      const rds = ownSettings(resource).filter((s) => s.namespace === namespace);
      if (rds.length === 0) continue;
      const coupled = rds.find((s) => s.option === 'HasCoupledDatabase');
      const coupledValues = coupled ? booleanCandidates(coupled.value, template) : undefined;
      if (coupledValues && coupledValues.every((v) => v === false)) continue;
      const deletion = rds.find((s) => s.option === 'DBDeletionPolicy');
      const policy = deletion ? stringCandidates(deletion.value, template)?.values.join(' / ') ?? '(set by a parameter or function)' : `${defaultPolicy} (default)`;
      context.report({ path: [...rds[0].path, 'Namespace'], messageId: 'coupled', data: { resource: resource.name, policy } });
    }
  },
};

export default rule;

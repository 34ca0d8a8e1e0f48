import { get, isScalar } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';
import { REPLICATION_GROUP, booleans } from './auth-facts';

/** Properties that describe the topology some other way (cluster mode, an existing primary, a global datastore). */
const OTHER_TOPOLOGY = ['NumNodeGroups', 'ReplicasPerNodeGroup', 'NodeGroupConfiguration', 'PrimaryClusterId', 'GlobalReplicationGroupId'];

/**
 * ELASTICACHE004: automatic failover or Multi-AZ without a replica. CreateReplicationGroup: "If
 * AutomaticFailoverEnabled is true, the value of [NumCacheClusters] must be at least 2" (it
 * defaults to 1); Multi-AZ is only supported with at least one read replica per shard and requires
 * automatic failover. ElastiCache rejects the group otherwise.
 * Deviation from the spec: `AutomaticFailoverEnabled: true` with `ReplicasPerNodeGroup: 0` is not
 * reported: cluster-mode-enabled groups must have automatic failover enabled and AWS documents
 * shards without replicas, so that combination is not known to fail. Sources: ElastiCache API
 * Reference CreateReplicationGroup (NumCacheClusters), User Guide "Minimizing downtime … Multi-AZ"
 * (verified 2026-11-21). Fix: raise a literal NumCacheClusters to the minimum.
 */
const rule: Rule = {
  meta: {
    id: 'ELASTICACHE004',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    title: { en: 'Automatic failover without a replica', ja: 'レプリカなしで自動フェールオーバー' },
    note: 'elasticache.redis-features',
    messages: {
      failoverReplica: {
        en: 'Automatic failover needs at least one replica (NumCacheClusters ≥ {min} or ReplicasPerNodeGroup ≥ 1); Multi-AZ requires automatic failover. `{group}` has {clusters} node(s).',
        ja: '自動フェールオーバーには少なくとも 1 つのレプリカが必要です（NumCacheClusters ≥ {min} または ReplicasPerNodeGroup ≥ 1）。マルチ AZ には自動フェールオーバーが必要です。`{group}` のノード数は {clusters} です。',
      },
      multiAzFailover: {
        en: 'Automatic failover needs at least one replica (NumCacheClusters ≥ {min} or ReplicasPerNodeGroup ≥ 1); Multi-AZ requires automatic failover, which `{group}` does not enable.',
        ja: '自動フェールオーバーには少なくとも 1 つのレプリカが必要で、マルチ AZ には自動フェールオーバーが必要です。`{group}` では自動フェールオーバーが有効になっていません。',
      },
      multiAzReplica: {
        en: 'Multi-AZ needs at least one replica per shard (NumCacheClusters ≥ {min} or ReplicasPerNodeGroup ≥ 1); `{group}` has none.',
        ja: 'マルチ AZ にはシャードごとに少なくとも 1 つのレプリカが必要です（NumCacheClusters ≥ {min} または ReplicasPerNodeGroup ≥ 1）。`{group}` にはレプリカがありません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const min = context.knowledge.number('elasticache.redis-features', 'minClustersWithFailover');
    for (const group of template.ofType(REPLICATION_GROUP)) {
      const props = group.properties;
      if (!props) continue;
      const base = [...group.path, 'Properties'];
      const failover = booleans(get(props, 'AutomaticFailoverEnabled'), template, false);
      const multiAz = booleans(get(props, 'MultiAZEnabled'), template, false);
      const clustersNode = get(props, 'NumCacheClusters');
      const otherTopology = OTHER_TOPOLOGY.some((key) => get(props, key) !== undefined);
      // Node count of a cluster-mode-disabled group: literal NumCacheClusters, or its default 1.
      const clusters = clustersNode ? numberCandidates(clustersNode, template) : otherTopology ? undefined : { values: [1], choice: false };
      const replicasNode = get(props, 'ReplicasPerNodeGroup');
      const replicas = replicasNode ? numberCandidates(replicasNode, template) : undefined;
      const noReplica = (clusters && clusters.values.some((n) => n < min)) || (replicas && replicas.values.some((n) => n < 1));
      const partial = (clusters && clusters.values.some((n) => n >= min) && clusters.values.some((n) => n < min)) || false;

      if (failover && failover.includes(true) && clusters && clusters.values.some((n) => n < min)) {
        const downgrade = failover.includes(false) || partial;
        const fixes = isScalar(clustersNode)
          ? [{ title: { en: `Set NumCacheClusters to ${min}`, ja: `NumCacheClusters を ${min} にする` }, edits: [{ start: clustersNode.start, end: clustersNode.end, newText: String(min) }], preferred: true }]
          : [];
        context.report({
          path: get(props, 'AutomaticFailoverEnabled') ? [...base, 'AutomaticFailoverEnabled'] : group.path,
          target: 'key', messageId: 'failoverReplica', data: { group: group.name, min, clusters: Math.min(...clusters.values) }, downgrade, fixes,
        });
        continue;
      }
      if (!multiAz || !multiAz.includes(true)) continue;
      if (failover && failover.includes(false)) {
        context.report({ path: [...base, 'MultiAZEnabled'], target: 'key', messageId: 'multiAzFailover', data: { group: group.name, min }, downgrade: multiAz.includes(false) || failover.includes(true) });
      } else if (noReplica) {
        context.report({ path: [...base, 'MultiAZEnabled'], target: 'key', messageId: 'multiAzReplica', data: { group: group.name, min }, downgrade: multiAz.includes(false) || partial });
      }
    }
  },
};

export default rule;

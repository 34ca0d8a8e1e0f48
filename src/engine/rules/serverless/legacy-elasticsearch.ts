import { get } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * APPSYNC001 (info): an `AWS::AppSync::DataSource` of type `AMAZON_ELASTICSEARCH`, the legacy
 * name: Elasticsearch is now Amazon OpenSearch Service (`AMAZON_OPENSEARCH_SERVICE`, configured
 * with `OpenSearchServiceConfig`). The legacy type still works. No fix: the config property
 * changes too. Source: `appsync.overview`, FC-43 (CloudFormation AWS::AppSync::DataSource;
 * verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'APPSYNC001',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::AppSync::DataSource'],
    title: { en: 'Legacy Elasticsearch data source', ja: '旧 Elasticsearch データソース' },
    note: 'appsync.overview',
    messages: {
      legacy: {
        en: 'Use `{current}` with `OpenSearchServiceConfig` (Elasticsearch is now Amazon OpenSearch Service). AppSync also supports Lambda, DynamoDB, HTTP, RDS (Aurora), EventBridge, Bedrock and NONE data sources.',
        ja: '`{current}` と `OpenSearchServiceConfig` を使ってください（Elasticsearch は現在 Amazon OpenSearch Service）。AppSync は Lambda、DynamoDB、HTTP、RDS（Aurora）、EventBridge、Bedrock、NONE もデータソースにできます。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const legacy = context.knowledge.value('appsync.overview', 'legacyTypes') as Record<string, string>;
    for (const source of template.ofType('AWS::AppSync::DataSource')) {
      const node = get(source.properties, 'Type');
      const c = candidates(node, template);
      if (!c) continue;
      const hit = c.values.find((v): v is string => typeof v === 'string' && v in legacy);
      if (!hit) continue;
      context.report({
        path: [...source.path, 'Properties', 'Type'],
        messageId: 'legacy',
        data: { current: legacy[hit] },
        downgrade: c.values.some((v) => v !== hit),
      });
    }
  },
};

export default rule;

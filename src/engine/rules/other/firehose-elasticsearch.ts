import { get } from '../../parse/tree';
import type { Rule } from '../types';

/**
 * FIREHOSE001: a delivery stream with `ElasticsearchDestinationConfiguration`. Elasticsearch is now
 * Amazon OpenSearch Service and Firehose has OpenSearch destinations
 * (`AmazonopensearchserviceDestinationConfiguration`, `AmazonOpenSearchServerlessDestinationConfiguration`);
 * the service itself is now Amazon Data Firehose. Info: the legacy form still works. Property
 * names are data in the `firehose.overview` note. Source: CloudFormation
 * AWS::KinesisFirehose::DeliveryStream (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'FIREHOSE001',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::KinesisFirehose::DeliveryStream'],
    title: { en: 'Elasticsearch destination', ja: 'Elasticsearch の配信先' },
    note: 'firehose.overview',
    messages: {
      legacy: {
        en: 'Elasticsearch is now Amazon OpenSearch Service; use `AmazonopensearchserviceDestinationConfiguration` (or `AmazonOpenSearchServerlessDestinationConfiguration`). The service is now called Amazon Data Firehose.',
        ja: 'Elasticsearch は Amazon OpenSearch Service になりました。`AmazonopensearchserviceDestinationConfiguration`（または `AmazonOpenSearchServerlessDestinationConfiguration`）を使ってください。サービス名も Amazon Data Firehose に変わりました。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const legacy = String(context.knowledge.value('firehose.overview', 'legacyDestination'));
    for (const stream of template.ofType('AWS::KinesisFirehose::DeliveryStream')) {
      if (get(stream.properties, legacy) === undefined) continue;
      context.report({ path: [...stream.path, 'Properties', legacy], target: 'key', messageId: 'legacy' });
    }
  },
};

export default rule;

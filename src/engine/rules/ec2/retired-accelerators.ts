import { get, isMap, isSeq } from '../../parse/tree';
import { removePair } from '../../edits';
import type { Rule } from '../types';
import { launchSpecs } from './instance-facts';

/**
 * EC2007: Elastic Graphics and Elastic Inference accelerators. "Amazon Elastic Graphics reached
 * end of life on January 8, 2024" (EC2 API Reference, ElasticGpuSpecification); Amazon Elastic
 * Inference took no new customers from 2023-04-15 and reached end of life on 2024-04-15 (AWS
 * CLI elastic-inference notice; spec FC-16). Launches that ask for them fail. The dates come from
 * the notes' values. Verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'EC2007',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::LaunchConfiguration',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
      'AWS::SageMaker::EndpointConfig',
    ],
    title: { en: 'Retired accelerator services', ja: '提供終了したアクセラレーター' },
    note: 'ec2.elastic-graphics',
    messages: {
      graphics: {
        en: 'Amazon Elastic Graphics reached end of life on {date}. Use GPU instances (e.g., G4dn/G5/G6) instead of `{property}`.',
        ja: 'Amazon Elastic Graphics は {date} に提供終了しました。`{property}` の代わりに GPU インスタンス（G4dn・G5・G6 など）を使ってください。',
      },
      inference: {
        en: 'Amazon Elastic Inference reached end of life on {date}. Use AWS Inferentia (Inf2) or GPU instances instead of `{property}`.',
        ja: 'Amazon Elastic Inference は {date} に提供終了しました。`{property}` の代わりに AWS Inferentia（Inf2）や GPU インスタンスを使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const graphicsEol = String(context.knowledge.value('ec2.elastic-graphics', 'endOfLife'));
    const inferenceEol = String(context.knowledge.value('ec2.elastic-inference', 'endOfLife'));
    const retired: Array<[string, 'graphics' | 'inference', string]> = [
      ['ElasticGpuSpecifications', 'graphics', graphicsEol],
      ['ElasticInferenceAccelerators', 'inference', inferenceEol],
    ];
    for (const spec of launchSpecs(template)) {
      if (spec.kind === 'launchConfiguration') continue;
      for (const [property, messageId, date] of retired) {
        if (get(spec.data, property) === undefined) continue;
        const edit = removePair(context.doc, spec.data, property);
        context.report({
          path: [...spec.path, property], target: 'key', messageId, data: { property, date },
          fixes: edit ? [{ title: { en: `Remove ${property}`, ja: `${property} を削除` }, edits: [edit], preferred: true }] : [],
        });
      }
    }
    for (const config of template.ofType('AWS::SageMaker::EndpointConfig')) {
      const variants = get(config.properties, 'ProductionVariants');
      if (!isSeq(variants)) continue;
      variants.items.forEach((variant, index) => {
        if (!isMap(variant) || get(variant, 'AcceleratorType') === undefined) return;
        const edit = removePair(context.doc, variant, 'AcceleratorType');
        context.report({
          path: [...config.path, 'Properties', 'ProductionVariants', index, 'AcceleratorType'], target: 'key',
          messageId: 'inference', data: { property: 'AcceleratorType', date: inferenceEol },
          fixes: edit ? [{ title: { en: 'Remove AcceleratorType', ja: 'AcceleratorType を削除' }, edits: [edit], preferred: true }] : [],
        });
      });
    }
  },
};

export default rule;

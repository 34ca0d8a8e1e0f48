import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import type { Rule, RuleContext } from '../types';

/**
 * LAMBDA016: an invalid Lambda@Edge association in a CloudFront distribution
 * (`DefaultCacheBehavior` / `CacheBehaviors[]` `LambdaFunctionAssociations[]`): an `EventType`
 * other than viewer-request, origin-request, origin-response, viewer-response; a
 * `LambdaFunctionARN` that is not a numbered version (`!GetAtt F.Arn`, an alias, `$LATEST`); or a
 * literal ARN outside us-east-1. CloudFront rejects these. An event type that differs only in
 * case or `_` gets a fix. Source: `lambda.edge` (CloudFormation LambdaFunctionAssociation;
 * CloudFront "Restrictions on Lambda@Edge"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA016',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CloudFront::Distribution'],
    title: { en: 'Invalid Lambda@Edge association', ja: '不正な Lambda@Edge の関連付け' },
    note: 'lambda.edge',
    messages: {
      eventType: {
        en: '`{value}` is not a CloudFront event: Lambda@Edge runs on viewer-request, origin-request, origin-response or viewer-response.',
        ja: '`{value}` は CloudFront のイベントではありません。Lambda@Edge のイベントは viewer-request・origin-request・origin-response・viewer-response の 4 つです。',
      },
      unversioned: {
        en: 'Lambda@Edge needs a numbered function version ARN; {what} is not one. Publish an `AWS::Lambda::Version` (or SAM `AutoPublishAlias` and `!Ref Function.Version`) and reference it.',
        ja: 'Lambda@Edge には番号付きの関数バージョンの ARN が必要ですが、{whatJa}。`AWS::Lambda::Version` を発行して（SAM なら `AutoPublishAlias` と `!Ref 関数.Version`）参照してください。',
      },
      region: {
        en: 'Lambda@Edge functions must be created in us-east-1; this ARN is in `{region}`.',
        ja: 'Lambda@Edge の関数は us-east-1 に作成する必要があります。この ARN のリージョンは `{region}` です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const eventTypes = context.knowledge.value('lambda.edge', 'eventTypes') as string[];
    const region = String(context.knowledge.value('lambda.edge', 'region'));
    for (const distribution of template.ofType('AWS::CloudFront::Distribution')) {
      const config = get(distribution.properties, 'DistributionConfig');
      if (!isMap(config)) continue;
      const base: Path = [...distribution.path, 'Properties', 'DistributionConfig'];
      const behaviors: Array<{ node: Node | undefined; path: Path }> = [{ node: get(config, 'DefaultCacheBehavior'), path: [...base, 'DefaultCacheBehavior'] }];
      const others = get(config, 'CacheBehaviors');
      if (isSeq(others)) others.items.forEach((item, i) => behaviors.push({ node: item, path: [...base, 'CacheBehaviors', i] }));
      for (const behavior of behaviors) {
        const associations = get(behavior.node, 'LambdaFunctionAssociations');
        if (!isSeq(associations)) continue;
        associations.items.forEach((association, i) => {
          const path: Path = [...behavior.path, 'LambdaFunctionAssociations', i];
          checkEventType(context, get(association, 'EventType'), [...path, 'EventType'], eventTypes);
          checkArn(context, template, get(association, 'LambdaFunctionARN'), [...path, 'LambdaFunctionARN'], region);
        });
      }
    }
  },
};

function checkEventType(context: RuleContext, node: Node | undefined, path: Path, allowed: string[]): void {
  if (!node || !isScalar(node) || typeof node.value !== 'string') return;
  const value = node.value;
  if (allowed.includes(value)) return;
  const normalized = value.trim().toLowerCase().replace(/[_\s]+/g, '-').replace(/^(viewer|origin)(request|response)$/, '$1-$2');
  const fix = allowed.includes(normalized) ? normalized : undefined;
  context.report({
    path, messageId: 'eventType', data: { value },
    fixes: fix ? [{
      title: { en: `Change to ${fix}`, ja: `${fix} に変更` },
      edits: [{ start: node.start, end: node.end, newText: node.quoted ? context.doc.text[node.start] + fix + context.doc.text[node.end - 1] : fix }],
      preferred: true,
    }] : [],
  });
}

function checkArn(context: RuleContext, template: TemplateModel, node: Node | undefined, path: Path, region: string): void {
  if (!node) return;
  const ref = template.referenced(node);
  if (ref && soleKey(node) !== 'Fn::Sub') {
    const resource = template.resources.get(ref.name)!;
    if (resource.type === 'AWS::Lambda::Version') return;
    // `!GetAtt F.Version.FunctionArn` (SAM AutoPublishAlias) and other attributes are versions or unknown.
    if ((resource.type === 'AWS::Lambda::Function' || resource.type === 'AWS::Serverless::Function') && (ref.attribute === 'Arn' || ref.attribute === undefined)) {
      context.report({ path, messageId: 'unversioned', data: { what: `\`${ref.name}.Arn\` (the unqualified function ARN)`, whatJa: `\`${ref.name}.Arn\`（バージョンなしの関数 ARN）はそうではありません` } });
    } else if (resource.type === 'AWS::Lambda::Alias') {
      context.report({ path, messageId: 'unversioned', data: { what: `the alias \`${ref.name}\``, whatJa: `エイリアス \`${ref.name}\` はそうではありません` } });
    }
    return;
  }
  // SAM: `!Ref MyFunction.Version` is a version ARN; `!Ref MyFunction.Alias` is an alias.
  if (soleKey(node) === 'Ref' && isMap(node)) {
    const target = stringOf(node.pairs[0].value) ?? '';
    if (target.endsWith('.Alias')) context.report({ path, messageId: 'unversioned', data: { what: `the alias \`${target}\``, whatJa: `エイリアス \`${target}\` はそうではありません` } });
    return;
  }
  if (soleKey(node) === 'Fn::Sub' && isMap(node)) {
    const arg = node.pairs[0].value;
    const text = isSeq(arg) ? stringOf(arg.items[0]) : stringOf(arg);
    const match = text ? /^\$\{([A-Za-z0-9]+)\.Arn\}(?::(.+))?$/.exec(text) : null;
    if (match && !(match[2] && /^\d+$/.test(match[2]))) {
      const qualifier = match[2];
      context.report({ path, messageId: 'unversioned', data: {
        what: qualifier ? `\`${text}\` (qualifier \`${qualifier}\`)` : `\`${text}\``,
        whatJa: `\`${text}\` はそうではありません`,
      } });
    }
    return;
  }
  const c = candidates(node, template);
  if (!c || c.values.length !== 1 || typeof c.values[0] !== 'string') return;
  const arn = c.values[0];
  const parts = /^arn:[^:]+:lambda:([^:]*):[^:]*:function:[^:]+(?::(.+))?$/.exec(arn);
  if (!parts) return;
  if (parts[1] && parts[1] !== region) context.report({ path, messageId: 'region', data: { region: parts[1] } });
  const qualifier = parts[2];
  if (!qualifier || !/^\d+$/.test(qualifier)) {
    context.report({ path, messageId: 'unversioned', data: {
      what: qualifier ? `\`${arn}\` (qualifier \`${qualifier}\`)` : `\`${arn}\` (no version)`,
      whatJa: `\`${arn}\` はそうではありません`,
    } });
  }
}

export default rule;

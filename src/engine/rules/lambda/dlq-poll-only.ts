import { get, isMap, isScalar, isSeq, type Node, stringOf } from '../../parse/tree';
import { eventSources, resolveFunction } from '../../model/lambda-links';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { isSam, lambdaFunctions } from './functions';

/** Resource types that invoke a function asynchronously when they name it. */
const PUSH_TYPES = new Set([
  'AWS::Lambda::Permission', 'AWS::SNS::Subscription', 'AWS::SNS::Topic', 'AWS::Events::Rule', 'AWS::S3::Bucket',
  'AWS::Scheduler::Schedule', 'AWS::IoT::TopicRule', 'AWS::Logs::SubscriptionFilter', 'AWS::CloudFormation::CustomResource',
  'AWS::Pipes::Pipe', 'AWS::Config::ConfigRule', 'AWS::Cognito::UserPool', 'AWS::SES::ReceiptRule', 'AWS::CloudWatch::Alarm',
]);

const POLL_EVENTS = new Set(['SQS', 'Kinesis', 'DynamoDB', 'MQ', 'MSK', 'SelfManagedKafka', 'DocumentDB']);

/**
 * LAMBDA006 (info): a function's dead-letter queue (`DeadLetterConfig`, SAM `DeadLetterQueue`, or
 * an `EventInvokeConfig` on-failure destination) while its only event sources in the template are
 * poll-based (SQS, Kinesis, DynamoDB Streams… through event source mappings). The function DLQ
 * only receives failed asynchronous invocations (after 2 retries, 3 attempts); records read by a
 * mapping never reach it. For SQS use the queue's RedrivePolicy; for streams the mapping's
 * `DestinationConfig.OnFailure`. Corrects the note (FC-39). A function named by any resource that
 * can invoke it asynchronously (permissions, SNS, EventBridge, S3, custom resources…) is skipped.
 * Source: `lambda.dlq` (Lambda Developer Guide "Use Lambda recursive loop detection" note on
 * DLQs; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA006',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::Lambda::EventInvokeConfig',
      'AWS::Lambda::EventSourceMapping',
      'AWS::Lambda::Function',
      'AWS::Serverless::Function',
    ],
    title: { en: 'DeadLetterConfig on a function fed only by poll-based sources', ja: 'ポーリング型のイベントソースだけの関数にデッドレターキュー' },
    note: 'lambda.dlq',
    messages: {
      pollOnly: {
        en: '`{function}` is only fed by {sources} in this template, but the function DLQ only catches failed asynchronous invocations (after 2 retries, 3 attempts in total). For SQS sources set a RedrivePolicy on the queue; for streams use the event source mapping\'s `DestinationConfig.OnFailure`.',
        ja: '`{function}` のイベントソースはこのテンプレートでは {sources} だけですが、関数のデッドレターキューが受け取るのは失敗した非同期呼び出し（2 回再試行、計 3 回）だけです。SQS ならキューの RedrivePolicy、ストリームならイベントソースマッピングの `DestinationConfig.OnFailure` を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const sources = eventSources(template);
    const invokeConfigs = template.ofType('AWS::Lambda::EventInvokeConfig');
    for (const fn of lambdaFunctions(template)) {
      const sites: Path[] = [];
      if (!isSam(fn) && get(fn.properties, 'DeadLetterConfig')) sites.push([...fn.path, 'Properties', 'DeadLetterConfig']);
      if (isSam(fn) && get(fn.properties, 'DeadLetterQueue')) sites.push([...fn.path, 'Properties', 'DeadLetterQueue']);
      if (isSam(fn) && get(get(fn.properties, 'EventInvokeConfig'), 'DestinationConfig')) {
        const onFailure = get(get(get(fn.properties, 'EventInvokeConfig'), 'DestinationConfig'), 'OnFailure');
        if (onFailure) sites.push([...fn.path, 'Properties', 'EventInvokeConfig', 'DestinationConfig', 'OnFailure']);
      }
      for (const config of invokeConfigs) {
        if (resolveFunction(template, get(config.properties, 'FunctionName')) !== fn) continue;
        if (get(get(config.properties, 'DestinationConfig'), 'OnFailure')) sites.push([...config.path, 'Properties', 'DestinationConfig', 'OnFailure']);
      }
      if (sites.length === 0) continue;
      const own = sources.filter((s) => s.fn === fn);
      if (own.length === 0 || own.some((s) => !s.kind)) continue;
      if (hasPushEvents(fn) || invokedElsewhere(template, fn)) continue;
      const kinds = [...new Set(own.map((s) => (s.kind === 'sqs' ? 'SQS' : s.kind === 'kinesis' ? 'Kinesis' : s.kind === 'dynamodb' ? 'DynamoDB Streams' : 'poll-based sources')))];
      for (const path of sites) {
        context.report({ path, target: 'key', messageId: 'pollOnly', data: { function: fn.name, sources: kinds.join(', ') } });
      }
    }
  },
};

function hasPushEvents(fn: Resource): boolean {
  const events = get(fn.properties, 'Events');
  if (!isMap(events)) return false;
  return events.pairs.some((pair) => !POLL_EVENTS.has(stringOf(get(pair.value, 'Type')) ?? ''));
}

/** Is the function named by a resource that can invoke it asynchronously, or exported? */
function invokedElsewhere(template: TemplateModel, fn: Resource): boolean {
  for (const resource of template.resources.values()) {
    if (resource === fn) continue;
    if (!PUSH_TYPES.has(resource.type) && !resource.type.startsWith('Custom::')) continue;
    if (names(template, resource.properties ?? null, fn)) return true;
  }
  const outputs = get(template.doc.tree, 'Outputs');
  return isMap(outputs) && outputs.pairs.some((pair) => get(pair.value, 'Export') !== undefined && names(template, get(pair.value, 'Value') ?? null, fn));
}

function names(template: TemplateModel, node: Node | null, fn: Resource): boolean {
  if (node == null) return false;
  const resolved = resolveFunction(template, node);
  if (resolved === fn) return true;
  if (isScalar(node)) return typeof node.value === 'string' && node.value.includes(`\${${fn.name}`);
  if (isSeq(node)) return node.items.some((item) => names(template, item, fn));
  if (isMap(node)) return node.pairs.some((pair) => names(template, pair.value, fn));
  return false;
}


export default rule;

import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../parse/tree';
import type { Path } from '../types';
import type { Resource, TemplateModel } from './template';
import { candidates } from './values';
import { FUNCTION_TYPES, resolveFunction } from './links';

/**
 * Links between Lambda functions and what feeds them, for the LAMBDA and ESM rules (spec §2.1
 * "Linking graph"): event sources (event source mappings and SAM poll events), API Gateway
 * integrations, and the function a `FunctionName`/ARN value names.
 */

export { FUNCTION_TYPES, resolveFunction } from './links';

export type SourceKind = 'sqs' | 'kinesis' | 'dynamodb' | 'other';

/** A Lambda function fed by a poll-based source: an event source mapping or a SAM event. */
export interface EventSource {
  fn: Resource | undefined;
  kind: SourceKind | undefined;
  /** The queue, stream, table or stream consumer in the template, when the ARN names one. */
  source?: Resource;
  /** The mapping's (or SAM event's) properties map. */
  properties: Node | undefined;
  /** Path of those properties. */
  path: Path;
  /** Path of the mapping resource or SAM event, for findings about the whole link. */
  anchor: Path;
  via: 'mapping' | 'sam';
}

const SAM_POLL_EVENTS: Record<string, SourceKind> = {
  SQS: 'sqs', Kinesis: 'kinesis', DynamoDB: 'dynamodb', MQ: 'other', MSK: 'other', SelfManagedKafka: 'other', DocumentDB: 'other',
};

const cache = new WeakMap<TemplateModel, EventSource[]>();

/** Every event source mapping and SAM poll event of the template, with its function and source kind. */
export function eventSources(model: TemplateModel): EventSource[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: EventSource[] = [];
  for (const mapping of model.ofType('AWS::Lambda::EventSourceMapping')) {
    const arn = get(mapping.properties, 'EventSourceArn');
    const { kind, source } = sourceOf(model, arn);
    out.push({
      fn: resolveFunction(model, get(mapping.properties, 'FunctionName')),
      kind: arn ? kind : (get(mapping.properties, 'SelfManagedEventSource') ? 'other' : undefined),
      source,
      properties: mapping.properties,
      path: [...mapping.path, 'Properties'],
      anchor: mapping.path,
      via: 'mapping',
    });
  }
  for (const fn of model.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      const type = stringOf(get(pair.value, 'Type'));
      if (!type || !(type in SAM_POLL_EVENTS)) continue;
      const properties = get(pair.value, 'Properties');
      const arn = type === 'SQS' ? get(properties, 'Queue') : get(properties, 'Stream');
      const resolved = sourceOf(model, arn);
      const kind = SAM_POLL_EVENTS[type];
      const anchor: Path = [...fn.path, 'Properties', 'Events', String(pair.key.value)];
      out.push({
        fn, kind, source: resolved.kind === kind ? resolved.source : undefined,
        properties, path: [...anchor, 'Properties'], anchor, via: 'sam',
      });
    }
  }
  cache.set(model, out);
  return out;
}

/** The kind of source an `EventSourceArn` value names, and the template resource when it is one. */
export function sourceOf(model: TemplateModel, node: Node | null | undefined): { kind: SourceKind | undefined; source?: Resource } {
  if (node == null) return { kind: undefined };
  const ref = model.referenced(node);
  if (ref) {
    const resource = model.resources.get(ref.name);
    switch (resource?.type) {
      case 'AWS::SQS::Queue': return ref.attribute === 'Arn' ? { kind: 'sqs', source: resource } : { kind: undefined };
      case 'AWS::Kinesis::Stream': case 'AWS::Kinesis::StreamConsumer': return { kind: 'kinesis', source: resource };
      case 'AWS::DynamoDB::Table': case 'AWS::DynamoDB::GlobalTable': return ref.attribute === 'StreamArn' ? { kind: 'dynamodb', source: resource } : { kind: undefined };
      case 'AWS::Serverless::SimpleTable': return { kind: undefined };
      case 'AWS::AmazonMQ::Broker': case 'AWS::MSK::Cluster': case 'AWS::DocDB::DBCluster': return { kind: 'other', source: resource };
      default: return { kind: undefined };
    }
  }
  const text = arnText(model, node);
  if (!text) return { kind: undefined };
  const service = /^arn:[^:]*:([^:]+):/.exec(text)?.[1];
  if (service === 'sqs') return { kind: 'sqs', source: model.byLiteralName(node, 'AWS::SQS::Queue', 'QueueName') };
  if (service === 'kinesis') return { kind: 'kinesis' };
  if (service === 'dynamodb' && text.includes('/stream/')) return { kind: 'dynamodb' };
  if (service === 'mq' || service === 'kafka' || service === 'rds') return { kind: 'other' };
  return { kind: undefined };
}

/** A literal ARN, or the text of a `!Sub` with only pseudo parameters (the service part is what matters). */
function arnText(model: TemplateModel, node: Node): string | undefined {
  const literal = single(candidates(node, model));
  if (literal) return literal;
  if (soleKey(node) === 'Fn::Sub' && isMap(node)) {
    const arg = node.pairs[0].value;
    const text = isSeq(arg) ? stringOf(arg.items[0]) : stringOf(arg);
    if (text) return text.replace(/\$\{AWS::(Partition|Region|AccountId|URLSuffix)\}/g, 'x');
  }
  return undefined;
}

function single(c: { values: unknown[] } | undefined): string | undefined {
  return c && c.values.length === 1 && typeof c.values[0] === 'string' ? c.values[0] : undefined;
}

export type ApiKind = 'rest' | 'http' | 'websocket';

/** An API Gateway integration (or SAM API event) that invokes a function. */
export interface ApiLink {
  fn: Resource;
  kind: ApiKind;
  /** Integration timeout in ms when set; undefined for the API's default; null when unknown. */
  timeoutMs: number | null | undefined;
  /** The integration resource or SAM event. */
  anchor: Path;
  name: string;
}

/** Every API Gateway → function link of spec §2.1 (REST methods, V2 integrations, SAM Api/HttpApi events). */
export function apiLinks(model: TemplateModel): ApiLink[] {
  const out: ApiLink[] = [];
  for (const method of model.ofType('AWS::ApiGateway::Method')) {
    const integration = get(method.properties, 'Integration');
    const type = single(candidates(get(integration, 'Type'), model));
    if (type !== 'AWS_PROXY' && type !== 'AWS') continue;
    const uri = get(integration, 'Uri');
    if (!uri || !mentions(uri, 'lambda:path')) continue;
    const fn = functionIn(model, uri);
    if (!fn) continue;
    out.push({ fn, kind: 'rest', timeoutMs: timeoutOf(model, get(integration, 'TimeoutInMillis')), anchor: method.path, name: method.name });
  }
  for (const integration of model.ofType('AWS::ApiGatewayV2::Integration')) {
    const type = single(candidates(get(integration.properties, 'IntegrationType'), model));
    if (type !== 'AWS_PROXY' && type !== 'AWS') continue;
    const fn = functionIn(model, get(integration.properties, 'IntegrationUri'));
    if (!fn) continue;
    const apiRef = model.referenced(get(integration.properties, 'ApiId'));
    const api = apiRef ? model.resources.get(apiRef.name) : undefined;
    const protocol = api?.type === 'AWS::ApiGatewayV2::Api' ? single(candidates(get(api.properties, 'ProtocolType'), model)) : undefined;
    // Unknown API: assume HTTP, whose 30 s default is the longer one (fewer findings).
    const kind: ApiKind = protocol === 'WEBSOCKET' ? 'websocket' : 'http';
    out.push({ fn, kind, timeoutMs: timeoutOf(model, get(integration.properties, 'TimeoutInMillis')), anchor: integration.path, name: integration.name });
  }
  for (const fn of model.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      const type = stringOf(get(pair.value, 'Type'));
      if (type !== 'Api' && type !== 'HttpApi') continue;
      const properties = get(pair.value, 'Properties');
      const anchor: Path = [...fn.path, 'Properties', 'Events', String(pair.key.value)];
      out.push({ fn, kind: type === 'Api' ? 'rest' : 'http', timeoutMs: timeoutOf(model, get(properties, 'TimeoutInMillis')), anchor, name: `${fn.name}.Events.${String(pair.key.value)}` });
    }
  }
  return out;
}

function timeoutOf(model: TemplateModel, node: Node | undefined): number | null | undefined {
  if (!node) return undefined;
  const c = candidates(node, model);
  if (!c) return null;
  const numbers = c.values.map((v) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN));
  if (numbers.some((n) => Number.isNaN(n))) return null;
  // Several candidates: the largest timeout is the one that spares a finding.
  return Math.max(...numbers);
}

/** Does any string in the node (a Sub text, a Join part) contain `text`? */
function mentions(node: Node, text: string): boolean {
  if (isScalar(node)) return typeof node.value === 'string' && node.value.includes(text);
  if (isSeq(node)) return node.items.some((item) => mentions(item, text));
  if (isMap(node)) return node.pairs.some((pair) => pair.value != null && mentions(pair.value, text));
  return false;
}

/** The single function a URI names through `${F.Arn}`, `!GetAtt F.Arn` or `!Ref` inside Sub/Join. */
function functionIn(model: TemplateModel, node: Node | undefined): Resource | undefined {
  if (!node) return undefined;
  const found = new Set<Resource>();
  const visit = (n: Node | null | undefined): void => {
    if (n == null) return;
    const direct = resolveFunction(model, n);
    if (direct) { found.add(direct); return; }
    if (isScalar(n) && typeof n.value === 'string') {
      for (const match of n.value.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) {
        const resource = model.resources.get(match[1]);
        if (resource && FUNCTION_TYPES.includes(resource.type)) found.add(resource);
        else if (resource && (resource.type === 'AWS::Lambda::Alias' || resource.type === 'AWS::Lambda::Version')) {
          const fn = resolveFunction(model, get(resource.properties, 'FunctionName'));
          if (fn) found.add(fn);
        }
      }
      return;
    }
    if (isSeq(n)) n.items.forEach(visit);
    else if (isMap(n)) n.pairs.forEach((p) => visit(p.value));
  };
  visit(node);
  return found.size === 1 ? [...found][0] : undefined;
}

/** The execution role of a function when it is an `AWS::IAM::Role` of the template (`!GetAtt R.Arn`). */
export function templateRoleOf(model: TemplateModel, fn: Resource): { role?: Resource; explicit: boolean; path?: Path } {
  const pair = fn.properties?.pairs.find((p) => p.key.value === 'Role');
  if (!pair?.value) return { explicit: false };
  const path: Path = [...fn.path, 'Properties', 'Role'];
  const ref = model.referenced(pair.value);
  if (ref) {
    const resource = model.resources.get(ref.name);
    if (resource?.type === 'AWS::IAM::Role' && (ref.attribute === 'Arn' || ref.attribute === undefined)) return { role: resource, explicit: true, path };
  }
  return { explicit: true, path };
}

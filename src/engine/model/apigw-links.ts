import { get, isMap, isSeq, type Node, soleKey, stringOf } from '../parse/tree';
import type { Path } from '../types';
import type { Resource, TemplateModel } from './template';
import { candidates, literalText } from './values';
import { FUNCTION_TYPES } from './links';

/**
 * API Gateway ↔ Lambda links and API facts the apigw rules (and LAMBDA002) share, following the
 * forms of spec §2.1's linking table:
 * - REST: `AWS::ApiGateway::Method.Integration.Uri` written as the Lambda invocations ARN
 *   (`!Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${F.Arn}/invocations"`,
 *   its `Fn::Join` equivalent, or a Sub with a variable map), and SAM `Events.*.Type: Api`
 *   (`RestApiId` → a specific `AWS::Serverless::Api`, else the implicit API);
 * - HTTP/WebSocket: `AWS::ApiGatewayV2::Integration.IntegrationUri` (`!GetAtt F.Arn` or the
 *   invocations ARN) and SAM `Events.*.Type: HttpApi`;
 * - Integration → API: `Method.RestApiId`, `ApiGatewayV2::Integration.ApiId`.
 * A `${stageVariables.x}` indirection, an import or a parameter is unknown: no link.
 */

export type ApiKind = 'rest' | 'http' | 'websocket';

export const REST_API_TYPES = ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api'];
export const HTTP_API_TYPES = ['AWS::ApiGatewayV2::Api', 'AWS::Serverless::HttpApi'];

/** `…:lambda:path/2015-03-31/functions/…` — the Lambda invocations URI API Gateway calls. */
const LAMBDA_URI = /:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\//;

export interface ApiFunctionLink {
  /** Undefined for an ApiGatewayV2 integration whose API (HTTP or WebSocket) is unknown. */
  kind: ApiKind | undefined;
  /** The API resource; undefined for SAM's implicit API or an API the template does not define. */
  api?: Resource;
  /** True for SAM's implicit `ServerlessRestApi` / `ServerlessHttpApi`. */
  implicit: boolean;
  fn: Resource;
  /** The Method or Integration resource, or the SAM event. */
  via: Path;
  /** The integration timeout property, when set. */
  timeout?: { node: Node; path: Path };
}

const cache = new WeakMap<TemplateModel, ApiFunctionLink[]>();

/** Every (API, Lambda function) pair the template wires together. */
export function apiFunctionLinks(model: TemplateModel): ApiFunctionLink[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: ApiFunctionLink[] = [];
  for (const method of model.ofType('AWS::ApiGateway::Method')) {
    const integration = get(method.properties, 'Integration');
    const fn = lambdaOfUri(model, get(integration, 'Uri'));
    if (!fn) continue;
    const api = restApiOfMethod(model, method);
    const timeout = get(integration, 'TimeoutInMillis');
    out.push({
      kind: 'rest', api, implicit: false, fn, via: method.path,
      timeout: timeout ? { node: timeout, path: [...method.path, 'Properties', 'Integration', 'TimeoutInMillis'] } : undefined,
    });
  }
  for (const integration of model.ofType('AWS::ApiGatewayV2::Integration')) {
    const uri = get(integration.properties, 'IntegrationUri');
    const fn = functionOf(model, uri) ?? lambdaOfUri(model, uri);
    if (!fn) continue;
    const api = v2ApiOf(model, get(integration.properties, 'ApiId'));
    const kind = api ? v2KindOf(model, api) : undefined;
    const timeout = get(integration.properties, 'TimeoutInMillis');
    out.push({
      kind, api, implicit: false, fn, via: integration.path,
      timeout: timeout ? { node: timeout, path: [...integration.path, 'Properties', 'TimeoutInMillis'] } : undefined,
    });
  }
  for (const event of samApiEvents(model)) {
    const timeout = get(event.props, 'TimeoutInMillis');
    out.push({
      kind: event.kind, api: event.api, implicit: event.implicit, fn: event.fn, via: event.via,
      timeout: timeout ? { node: timeout, path: [...event.via, 'Properties', 'TimeoutInMillis'] } : undefined,
    });
  }
  cache.set(model, out);
  return out;
}

/**
 * The `Api`/`HttpApi` events of SAM functions whose API is known: a resource of the template, or
 * the implicit API SAM creates when the event names none. Events on APIs defined elsewhere are
 * left out (unknown).
 */
function samApiEvents(model: TemplateModel): Array<{ fn: Resource; via: Path; props: Node | undefined; kind: 'rest' | 'http'; api: Resource | undefined; implicit: boolean }> {
  const out = [];
  for (const fn of model.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      const type = stringOf(get(pair.value, 'Type'));
      if (type !== 'Api' && type !== 'HttpApi') continue;
      const props = get(pair.value, 'Properties');
      const idNode = get(props, type === 'Api' ? 'RestApiId' : 'ApiId');
      const ref = idNode ? model.referenced(idNode) : undefined;
      const api = ref ? model.resources.get(ref.name) : undefined;
      if (idNode && !api) continue;
      const kind: 'rest' | 'http' = type === 'Api' ? 'rest' : 'http';
      out.push({ fn, via: [...fn.path, 'Properties', 'Events', String(pair.key.value)], props, kind, api, implicit: !idNode });
    }
  }
  return out;
}

/** The REST API a Method belongs to (`RestApiId: !Ref Api`), when the template defines it. */
export function restApiOfMethod(model: TemplateModel, method: Resource): Resource | undefined {
  const ref = model.referenced(get(method.properties, 'RestApiId'));
  const api = ref ? model.resources.get(ref.name) : undefined;
  return api && REST_API_TYPES.includes(api.type) ? api : undefined;
}

/** The `AWS::ApiGatewayV2::Api` / `AWS::Serverless::HttpApi` an `ApiId` refers to. */
export function v2ApiOf(model: TemplateModel, node: Node | undefined): Resource | undefined {
  const ref = model.referenced(node);
  const api = ref ? model.resources.get(ref.name) : undefined;
  return api && HTTP_API_TYPES.includes(api.type) ? api : undefined;
}

/** HTTP or WebSocket, from `ProtocolType` (SAM `HttpApi` is HTTP); undefined when unknown. */
export function v2KindOf(model: TemplateModel, api: Resource): ApiKind | undefined {
  if (api.type === 'AWS::Serverless::HttpApi') return 'http';
  if (api.type !== 'AWS::ApiGatewayV2::Api') return REST_API_TYPES.includes(api.type) ? 'rest' : undefined;
  const c = candidates(get(api.properties, 'ProtocolType'), model);
  if (!c || c.values.length !== 1) return undefined;
  if (c.values[0] === 'HTTP') return 'http';
  if (c.values[0] === 'WEBSOCKET') return 'websocket';
  return undefined;
}

export interface EndpointTypes {
  /** Every candidate list of types (two for an `Fn::If`). */
  types: string[][];
  /** False when the endpoint configuration is left unset (the EDGE default applies). */
  explicit: boolean;
  /** Where the configuration is written, when it is. */
  path?: Path;
  choice: boolean;
}

/**
 * The endpoint types of a REST API (`AWS::ApiGateway::RestApi.EndpointConfiguration.Types`,
 * SAM `EndpointConfiguration` as a string or `{Type: …}`, `Globals.Api.EndpointConfiguration`),
 * or SAM's implicit API (`api` undefined). Undefined when unknown. `defaultType` is the type an
 * API gets without a configuration (EDGE, from the endpoint-types note).
 */
export function endpointTypes(model: TemplateModel, api: Resource | undefined, defaultType: string): EndpointTypes | undefined {
  if (api && api.type === 'AWS::ApiGateway::RestApi') {
    const config = get(api.properties, 'EndpointConfiguration');
    const path: Path = [...api.path, 'Properties', 'EndpointConfiguration'];
    if (config === undefined) {
      if (get(get(api.properties, 'Parameters'), 'endpointConfigurationTypes') !== undefined) return undefined;
      return { types: [[defaultType]], explicit: false, choice: false };
    }
    if (!isMap(config) || soleKey(config)?.startsWith('Fn::')) return undefined;
    const typesNode = get(config, 'Types');
    if (typesNode === undefined) return { types: [[defaultType]], explicit: true, path, choice: false };
    const list = listCandidates(model, typesNode);
    return list ? { types: list.lists, explicit: true, path: [...path, 'Types'], choice: list.choice } : undefined;
  }
  if (!api || api.type === 'AWS::Serverless::Api') {
    const own = api ? get(api.properties, 'EndpointConfiguration') : undefined;
    const fromGlobals = own === undefined ? get(get(model.globals, 'Api'), 'EndpointConfiguration') : undefined;
    const config = own ?? fromGlobals;
    const path: Path = own !== undefined && api ? [...api.path, 'Properties', 'EndpointConfiguration'] : ['Globals', 'Api', 'EndpointConfiguration'];
    if (config === undefined) return { types: [[defaultType]], explicit: false, choice: false };
    const mapForm = isMap(config) && !soleKey(config)?.startsWith('Fn::') && soleKey(config) !== 'Ref';
    const typeNode = mapForm ? get(config, 'Type') : config;
    if (typeNode === undefined) return { types: [[defaultType]], explicit: true, path, choice: false };
    const c = candidates(typeNode, model);
    if (!c || !c.values.every((v) => typeof v === 'string')) return undefined;
    return { types: c.values.map((v) => [String(v).toUpperCase()]), explicit: true, path: mapForm ? [...path, 'Type'] : path, choice: c.choice };
  }
  return undefined;
}

/** A list whose items (or the whole list, through Fn::If / a parameter) evaluate to strings. */
function listCandidates(model: TemplateModel, node: Node): { lists: string[][]; choice: boolean } | undefined {
  if (isSeq(node)) {
    const items: string[] = [];
    let choice = false;
    for (const item of node.items) {
      const c = candidates(item, model);
      if (!c || c.values.length !== 1 || typeof c.values[0] !== 'string') return undefined;
      choice ||= c.choice;
      items.push(c.values[0]);
    }
    return { lists: [items], choice };
  }
  if (isMap(node) && soleKey(node) === 'Fn::If') {
    const arg = node.pairs[0].value;
    if (!isSeq(arg) || arg.items.length !== 3) return undefined;
    const a = listCandidates(model, arg.items[1]);
    const b = listCandidates(model, arg.items[2]);
    return a && b ? { lists: [...a.lists, ...b.lists], choice: true } : undefined;
  }
  const c = candidates(node, model);
  if (c && c.values.every((v) => typeof v === 'string')) return { lists: c.values.map((v) => String(v).split(',').map((s) => s.trim())), choice: c.choice };
  return undefined;
}

/** True when a `Uri` is (certainly) a Lambda invocations ARN. */
export function isLambdaUri(node: Node | undefined): boolean {
  const text = uriText(node);
  return text !== undefined && LAMBDA_URI.test(text);
}

/** The function a Lambda invocations URI points at, when it is one of the template's functions. */
export function lambdaOfUri(model: TemplateModel, node: Node | undefined): Resource | undefined {
  if (!isLambdaUri(node) || !isMap(node)) return undefined;
  const fn = soleKey(node);
  const arg = node.pairs[0].value;
  if (fn === 'Fn::Sub') {
    const text = isSeq(arg) ? stringOf(arg.items[0]) : stringOf(arg);
    const vars = isSeq(arg) ? arg.items[1] : undefined;
    for (const match of (text ?? '').matchAll(/\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}/g)) {
      const name = match[1];
      const fromVars = get(vars, name);
      if (fromVars) {
        const resource = functionOf(model, fromVars);
        if (resource) return resource;
        continue;
      }
      const resource = model.resources.get(name);
      if (resource && FUNCTION_TYPES.includes(resource.type)) return resource;
    }
    return undefined;
  }
  if (fn === 'Fn::Join' && isSeq(arg) && isSeq(arg.items[1])) {
    for (const part of arg.items[1].items) {
      const resource = functionOf(model, part);
      if (resource) return resource;
    }
  }
  return undefined;
}

/** `!GetAtt F.Arn`, `!Ref F` (or an alias/version of F) for a Lambda function of the template. */
function functionOf(model: TemplateModel, node: Node | undefined): Resource | undefined {
  const ref = model.referenced(node);
  if (!ref) return undefined;
  const resource = model.resources.get(ref.name);
  if (!resource) return undefined;
  if (FUNCTION_TYPES.includes(resource.type)) return resource;
  if (resource.type === 'AWS::Lambda::Alias' || resource.type === 'AWS::Lambda::Version') {
    const inner = model.referenced(get(resource.properties, 'FunctionName'));
    const target = inner ? model.resources.get(inner.name) : undefined;
    return target && FUNCTION_TYPES.includes(target.type) ? target : undefined;
  }
  return undefined;
}

/** The literal text of a URI: a string, a Sub template, or the literal parts of a Join. */
function uriText(node: Node | undefined): string | undefined {
  return literalText(node, '${}');
}

export interface IntegrationTimeout {
  kind: ApiKind | undefined;
  api?: Resource;
  implicit: boolean;
  node: Node;
  path: Path;
}

/**
 * Every integration timeout the template sets, whatever the backend: REST
 * `Method.Integration.TimeoutInMillis`, `ApiGatewayV2::Integration.TimeoutInMillis`, and SAM
 * `Api`/`HttpApi` events' `TimeoutInMillis`.
 */
export function integrationTimeouts(model: TemplateModel): IntegrationTimeout[] {
  const out: IntegrationTimeout[] = [];
  for (const method of model.ofType('AWS::ApiGateway::Method')) {
    const node = get(get(method.properties, 'Integration'), 'TimeoutInMillis');
    if (!node) continue;
    const ref = model.referenced(get(method.properties, 'RestApiId'));
    const api = restApiOfMethod(model, method);
    if (ref && !api) continue;
    out.push({ kind: 'rest', api, implicit: false, node, path: [...method.path, 'Properties', 'Integration', 'TimeoutInMillis'] });
  }
  for (const integration of model.ofType('AWS::ApiGatewayV2::Integration')) {
    const node = get(integration.properties, 'TimeoutInMillis');
    if (!node) continue;
    const api = v2ApiOf(model, get(integration.properties, 'ApiId'));
    out.push({ kind: api ? v2KindOf(model, api) : undefined, api, implicit: false, node, path: [...integration.path, 'Properties', 'TimeoutInMillis'] });
  }
  for (const event of samApiEvents(model)) {
    const node = get(event.props, 'TimeoutInMillis');
    if (!node) continue;
    out.push({ kind: event.kind, api: event.api, implicit: event.implicit, node, path: [...event.via, 'Properties', 'TimeoutInMillis'] });
  }
  return out;
}

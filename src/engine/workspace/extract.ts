import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../parse/tree';
import { asBoolean, candidates } from '../model/values';
import type { Resource, TemplateModel } from '../model/template';
import type { Platform } from '../model/appspec';
import type { Path } from '../types';

/**
 * What other files need to know about the CodeBuild projects and CodeDeploy deployment groups of
 * one template (spec §2.1 linking table): plain data, so a workspace index can keep it for every
 * template without keeping the parsed documents.
 */

/** Where a project takes its buildspec from (`Source.BuildSpec`). */
export type BuildSpecSource =
  /** No BuildSpec: `buildspec.yml` in the root of the source. */
  | { kind: 'default' }
  /** A file path relative to the source root (`CODEBUILD_SRC_DIR`). */
  | { kind: 'path'; path: string }
  /** The buildspec itself, as a YAML string. */
  | { kind: 'inline' }
  /** An expression the template does not resolve (a parameter without default, an import…). */
  | { kind: 'unknown' };

export interface RoleInfo {
  logicalId: string;
  /** Allowed actions (as written, wildcards included) of the policies the template attaches. */
  actions: string[];
  /**
   * False when the role may hold permissions the template does not show: managed policy ARNs,
   * `NotAction`, statements or actions that are not literals. Then a missing action proves nothing.
   */
  complete: boolean;
}

export interface ProjectInfo {
  /** The template's file name, as the index was given it. */
  file: string;
  logicalId: string;
  /** Path of the resource in its template. */
  path: Path;
  buildSpec: BuildSpecSource;
  /** `Environment.PrivilegedMode`: false when unset, undefined when it cannot be evaluated. */
  privilegedMode: boolean | undefined;
  /** `Environment.Type` when literal (LINUX_CONTAINER, ARM_CONTAINER, WINDOWS_SERVER_2019_CONTAINER…). */
  environmentType: string | undefined;
  /** The service role when the template defines it (`ServiceRole: !GetAtt Role.Arn`, `!Ref Role`, `${Role.Arn}`). */
  role: RoleInfo | undefined;
}

export interface DeploymentGroupInfo {
  file: string;
  logicalId: string;
  path: Path;
  /** Compute platform of the group's application; undefined when the application is not in the template. */
  platform: Platform | undefined;
  /** The application's logical id, when linked. */
  application?: string;
  /**
   * Whether deployments go through a load balancer: `LoadBalancerInfo` with at least one entry and
   * `DeploymentStyle.DeploymentOption: WITH_TRAFFIC_CONTROL` (CloudFormation ignores LoadBalancerInfo
   * otherwise). Undefined when a value cannot be evaluated.
   */
  loadBalancer: boolean | undefined;
  /** Why `loadBalancer` is false: no LoadBalancerInfo at all, or it is ignored without traffic control. */
  loadBalancerReason?: 'none' | 'without-traffic-control';
  /** `DeploymentConfigName` when literal. */
  deploymentConfig?: string;
  /** A deployment group SAM creates for a function's `DeploymentPreference`. */
  implicit?: boolean;
}

export interface TemplateLinks {
  projects: ProjectInfo[];
  deploymentGroups: DeploymentGroupInfo[];
}

const PROJECT = 'AWS::CodeBuild::Project';
const GROUP = 'AWS::CodeDeploy::DeploymentGroup';
const APPLICATION = 'AWS::CodeDeploy::Application';
const PLATFORM_OF: Record<string, Platform> = { Server: 'server', Lambda: 'lambda', ECS: 'ecs' };

/** The projects and deployment groups of a template. */
export function extractLinks(model: TemplateModel, file: string): TemplateLinks {
  return {
    projects: model.ofType(PROJECT).map((resource) => projectInfo(model, resource, file)),
    deploymentGroups: [
      ...model.ofType(GROUP).map((resource) => groupInfo(model, resource, file)),
      ...model.ofType('AWS::Serverless::Function').filter((fn) => hasDeploymentPreference(model, fn)).map((fn) => ({
        file, logicalId: fn.name, path: [...fn.path, 'Properties', 'DeploymentPreference'], platform: 'lambda' as Platform,
        loadBalancer: false, implicit: true,
      })),
    ],
  };
}

export function projectInfo(model: TemplateModel, resource: Resource, file: string): ProjectInfo {
  const environment = get(resource.properties, 'Environment');
  return {
    file,
    logicalId: resource.name,
    path: resource.path,
    buildSpec: buildSpecSource(model, get(get(resource.properties, 'Source'), 'BuildSpec')),
    privilegedMode: booleanOf(model, get(environment, 'PrivilegedMode'), false),
    environmentType: single(model, get(environment, 'Type')),
    role: roleOf(model, get(resource.properties, 'ServiceRole')),
  };
}

/**
 * How `Source.BuildSpec` names the buildspec. CloudFormation takes either the buildspec itself
 * or a path relative to the source root (or an S3 ARN): text that parses as a YAML map is
 * inline, a single line is a path (spec §2.1, detection rule 2).
 */
export function buildSpecSource(model: TemplateModel, node: Node | undefined): BuildSpecSource {
  if (node === undefined) return { kind: 'default' };
  const text = inlineText(node) ?? single(model, node);
  if (text === undefined) return { kind: 'unknown' };
  if (looksInline(text)) return { kind: 'inline' };
  const path = text.trim();
  if (path === '') return { kind: 'default' };
  if (/^arn:/i.test(path) || /\$\{/.test(path)) return { kind: 'unknown' };
  return { kind: 'path', path: path.replace(/^\.\//, '') };
}

/** The text of a literal string or of a `Fn::Sub` string (`!Sub |` inline buildspecs). */
function inlineText(node: Node): string | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? node.value : undefined;
  if (soleKey(node) === 'Fn::Sub' && isMap(node)) {
    const arg = node.pairs[0].value;
    return stringOf(isSeq(arg) ? arg.items[0] : arg);
  }
  return undefined;
}

/** More than one line, or a one-line flow map / `key: value`: the buildspec itself, not a path. */
export function looksInline(text: string): boolean {
  const trimmed = text.trim();
  if (/[\r\n]/.test(trimmed)) return true;
  return /^\{.*\}$/.test(trimmed) || /^version\s*:/.test(trimmed);
}

function single(model: TemplateModel, node: Node | undefined): string | undefined {
  const c = candidates(node, model);
  if (!c || c.values.length !== 1) return undefined;
  const v = c.values[0];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean property: `fallback` when unset, undefined when it cannot be evaluated to one value. */
function booleanOf(model: TemplateModel, node: Node | undefined, fallback: boolean): boolean | undefined {
  if (node === undefined) return fallback;
  const c = candidates(node, model);
  if (!c) return undefined;
  const values = new Set(c.values.map((v) => asBoolean(v)));
  if (values.size !== 1) return undefined;
  const [value] = values;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Service role

function roleOf(model: TemplateModel, node: Node | undefined): RoleInfo | undefined {
  const ref = model.referenced(node);
  const role = ref ? model.resources.get(ref.name) : undefined;
  if (!role || role.type !== 'AWS::IAM::Role') return undefined;
  const info: RoleInfo = { logicalId: role.name, actions: [], complete: true };
  const managed = get(role.properties, 'ManagedPolicyArns');
  if (managed !== undefined) {
    if (!isSeq(managed)) info.complete = false;
    else for (const arn of managed.items) addManaged(model, arn, info);
  }
  const policies = get(role.properties, 'Policies');
  if (policies !== undefined) {
    if (!isSeq(policies)) info.complete = false;
    else for (const policy of policies.items) addDocument(get(policy, 'PolicyDocument'), info);
  }
  // Policies that name the role: AWS::IAM::Policy / ManagedPolicy with `Roles: [!Ref Role]`.
  for (const policy of model.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy')) {
    if (policy.type === 'AWS::IAM::RolePolicy') {
      if (model.referenced(get(policy.properties, 'RoleName'))?.name === role.name) addDocument(get(policy.properties, 'PolicyDocument'), info);
      continue;
    }
    const roles = get(policy.properties, 'Roles');
    if (!isSeq(roles)) continue;
    if (roles.items.some((item) => model.referenced(item)?.name === role.name)) addDocument(get(policy.properties, 'PolicyDocument'), info);
  }
  return info;
}

function addManaged(model: TemplateModel, arn: Node, info: RoleInfo): void {
  const ref = model.referenced(arn);
  const policy = ref ? model.resources.get(ref.name) : undefined;
  if (policy?.type === 'AWS::IAM::ManagedPolicy') {
    addDocument(get(policy.properties, 'PolicyDocument'), info);
    return;
  }
  // An AWS managed or external policy: its actions are not in the template.
  info.complete = false;
}

function addDocument(document: Node | undefined, info: RoleInfo): void {
  const statements = get(document, 'Statement');
  const list = isSeq(statements) ? statements.items : isMap(statements) ? [statements] : undefined;
  if (!list) { info.complete = false; return; }
  for (const statement of list) {
    if (!isMap(statement)) { info.complete = false; continue; }
    const effect = stringOf(get(statement, 'Effect'));
    if (effect === 'Deny') continue;
    if (effect !== 'Allow') { info.complete = false; continue; }
    if (get(statement, 'NotAction') !== undefined) { info.complete = false; continue; }
    const action = get(statement, 'Action');
    const actions = isSeq(action) ? action.items : action ? [action] : [];
    for (const item of actions) {
      const text = stringOf(item);
      if (text === undefined) info.complete = false;
      else info.actions.push(text);
    }
  }
}

/**
 * Does the role allow `action` (e.g. `ssm:GetParameters`)? True when a statement allows it
 * (`ssm:*`, `ssm:Get*` and `*` included), false when the role is complete and none does,
 * undefined when the template does not show everything the role may hold.
 */
export function roleAllows(role: RoleInfo, action: string): boolean | undefined {
  const lower = action.toLowerCase();
  for (const pattern of role.actions) {
    const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (re.test(lower)) return true;
  }
  return role.complete ? false : undefined;
}

// ---------------------------------------------------------------------------------------------
// Deployment groups

function groupInfo(model: TemplateModel, resource: Resource, file: string): DeploymentGroupInfo {
  const props = resource.properties;
  const app = applicationOf(model, get(props, 'ApplicationName'));
  const info: DeploymentGroupInfo = {
    file,
    logicalId: resource.name,
    path: resource.path,
    platform: app?.platform,
    application: app?.name,
    loadBalancer: undefined,
  };
  const config = single(model, get(props, 'DeploymentConfigName'));
  if (config) info.deploymentConfig = config;
  const lb = loadBalancerEntries(model, get(props, 'LoadBalancerInfo'));
  const option = get(get(props, 'DeploymentStyle'), 'DeploymentOption');
  const optionValue = option === undefined ? 'WITHOUT_TRAFFIC_CONTROL' : single(model, option);
  if (lb === false) { info.loadBalancer = false; info.loadBalancerReason = 'none'; }
  else if (lb === true && optionValue === 'WITH_TRAFFIC_CONTROL') info.loadBalancer = true;
  else if (lb === true && optionValue === 'WITHOUT_TRAFFIC_CONTROL') { info.loadBalancer = false; info.loadBalancerReason = 'without-traffic-control'; }
  return info;
}

/** The application a deployment group names, with its compute platform (default `Server`). */
export function applicationOf(model: TemplateModel, node: Node | undefined): { name: string; platform: Platform | undefined; resource: Resource } | undefined {
  const ref = model.referenced(node);
  const app = ref ? model.resources.get(ref.name) : model.byLiteralName(node, APPLICATION, 'ApplicationName');
  if (!app || app.type !== APPLICATION) return undefined;
  const platformNode = get(app.properties, 'ComputePlatform');
  if (platformNode === undefined) return { name: app.name, platform: 'server', resource: app };
  const value = single(model, platformNode);
  return { name: app.name, platform: value ? PLATFORM_OF[value] : undefined, resource: app };
}

/** True when LoadBalancerInfo lists a load balancer or target group, false when absent or empty. */
function loadBalancerEntries(model: TemplateModel, node: Node | undefined): boolean | undefined {
  if (node === undefined) return false;
  if (!isMap(node) || soleKey(node)?.startsWith('Fn::')) return undefined;
  let unknown = false;
  for (const key of ['ElbInfoList', 'TargetGroupInfoList', 'TargetGroupPairInfoList']) {
    const list = get(node, key);
    if (list === undefined) continue;
    if (!isSeq(list)) { unknown = true; continue; }
    if (list.items.length > 0) return true;
  }
  void model;
  return unknown ? undefined : false;
}

function hasDeploymentPreference(model: TemplateModel, fn: Resource): boolean {
  return get(fn.properties, 'DeploymentPreference') !== undefined || get(get(model.globals, 'Function'), 'DeploymentPreference') !== undefined;
}

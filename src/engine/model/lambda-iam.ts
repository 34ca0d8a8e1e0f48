import type { Knowledge } from '../knowledge';
import { parse } from '../parse';
import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../parse/tree';
import type { Resource, TemplateModel } from './template';
import { templateRoleOf } from './lambda-links';

/** The policy resources that can grant a role permissions in the template. */
export const POLICY_TYPES: readonly string[] = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy'];

/**
 * A small, conservative reader of what a Lambda execution role allows, for LAMBDA005/007/008/009.
 *
 * It reads the Allow statements of the role's inline `Policies`, of `AWS::IAM::Policy`,
 * `AWS::IAM::ManagedPolicy` and `AWS::IAM::RolePolicy` resources attached to it in the template,
 * and of the AWS managed policies and SAM policy templates whose actions are listed in the note
 * `lambda.least-privilege-role`. Anything it cannot know — a managed policy it does not list, a
 * `Ref` to a parameter, an `Fn::If`, a `NotAction` — makes the answer "unknown", and a rule with
 * an unknown answer says nothing. Deny statements, conditions and permission boundaries only
 * remove permissions, so ignoring them can only hide a finding, never invent one.
 */

export type Grant = 'yes' | 'no' | 'unknown';

/** What a statement's `Resource` names, as far as the template tells. */
type ResourceSpec =
  | { kind: 'any' }
  | { kind: 'resource'; name: string }
  | { kind: 'arn'; pattern: string };

interface Statement {
  actions: string[];
  resources: ResourceSpec[];
}

export interface Permissions {
  statements: Statement[];
  /** False when some policy of the role could not be read: "no" then becomes "unknown". */
  complete: boolean;
}

/** A target of an action: a resource of the template and/or its literal ARN. */
export interface Target {
  resource?: string;
  arn?: string;
}

/** Does the role allow `action` (on `target`)? */
export function allows(permissions: Permissions, action: string, target?: Target): Grant {
  for (const statement of permissions.statements) {
    if (!statement.actions.some((pattern) => wildcard(pattern, action))) continue;
    if (!target || statement.resources.some((spec) => resourceMatches(spec, target))) return 'yes';
  }
  return permissions.complete ? 'no' : 'unknown';
}

/** The actions of `required` that the role does not allow; an inner list means "any one of". Undefined when unknown. */
export function missingActions(permissions: Permissions, required: Array<string | string[]>, target?: Target): string[] | undefined {
  const missing: string[] = [];
  for (const item of required) {
    const options = Array.isArray(item) ? item : [item];
    const answers = options.map((action) => allows(permissions, action, target));
    if (answers.includes('yes')) continue;
    if (answers.includes('unknown')) return undefined;
    missing.push(options.join(' or '));
  }
  return missing;
}

/** IAM action and ARN patterns (`sqs:Receive*`), compiled once each: rules ask about them on every lint. */
const compiled = new Map<string, RegExp>();

function wildcard(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
    if (compiled.size < 5000) compiled.set(pattern, re);
  }
  return re.test(value);
}

function resourceMatches(spec: ResourceSpec, target: Target): boolean {
  switch (spec.kind) {
    case 'any': return true;
    case 'resource': return target.resource === undefined || spec.name === target.resource;
    case 'arn': return target.arn === undefined || wildcard(spec.pattern, target.arn);
  }
}

/** A function's execution role, and whether the rules can reason about it. */
export interface ExecutionRole {
  /** The role's logical id, or a description of the role SAM generates. */
  name: string;
  /** Where to point a finding about the role: the function's `Role` property, or the function. */
  path: ReadonlyArray<string | number>;
  generated: boolean;
  permissions: Permissions;
}

/**
 * The execution role of `fn` when the template defines it: an `AWS::IAM::Role` named by `Role`,
 * or (SAM function without `Role`) the role SAM generates from `Policies`, its events, `Tracing`,
 * `VpcConfig` and `DeadLetterQueue`. Undefined when the role comes from outside the template.
 */
export function executionRole(model: TemplateModel, fn: Resource, knowledge: Knowledge): ExecutionRole | undefined {
  const tables = policyTables(knowledge);
  const linked = templateRoleOf(model, fn);
  if (linked.explicit) {
    if (!linked.role) return undefined;
    return { name: linked.role.name, path: linked.path!, generated: false, permissions: rolePermissions(model, linked.role, tables) };
  }
  if (fn.type !== 'AWS::Serverless::Function') return undefined;
  return { name: `the role SAM generates for ${fn.name}`, path: fn.path, generated: true, permissions: samGeneratedPermissions(model, fn, tables) };
}

interface PolicyTables {
  managed: Record<string, string[]>;
  templates: Record<string, string[]>;
  sam: { always: string[]; tracing: string[]; vpc: string[]; events: Record<string, string> };
}

function policyTables(knowledge: Knowledge): PolicyTables {
  return {
    managed: knowledge.value('lambda.least-privilege-role', 'managedPolicyActions') as Record<string, string[]>,
    templates: knowledge.value('lambda.least-privilege-role', 'samPolicyTemplateActions') as Record<string, string[]>,
    sam: knowledge.value('lambda.least-privilege-role', 'samGeneratedRole') as PolicyTables['sam'],
  };
}

const roleCache = new WeakMap<Resource, Permissions>();

function rolePermissions(model: TemplateModel, role: Resource, tables: PolicyTables): Permissions {
  const cached = roleCache.get(role);
  if (cached) return cached;
  const out: Permissions = { statements: [], complete: true };
  const policies = get(role.properties, 'Policies');
  if (policies !== undefined) {
    if (!isSeq(policies)) out.complete = false;
    else for (const policy of policies.items) addDocument(out, model, isMap(policy) && !soleKey(policy)?.startsWith('Fn::') ? get(policy, 'PolicyDocument') : undefined);
  }
  const managed = get(role.properties, 'ManagedPolicyArns');
  if (managed !== undefined) {
    if (!isSeq(managed)) out.complete = false;
    else for (const item of managed.items) addManaged(out, model, item, tables);
  }
  // Policies attached to the role by other resources of the template.
  for (const resource of model.ofType(...POLICY_TYPES)) {
    const attached = attachedTo(model, resource, role);
    if (attached === 'no') continue;
    if (attached === 'unknown') { out.complete = false; continue; }
    addDocument(out, model, get(resource.properties, 'PolicyDocument'));
  }
  roleCache.set(role, out);
  return out;
}

function attachedTo(model: TemplateModel, policy: Resource, role: Resource): 'yes' | 'no' | 'unknown' {
  const names = policy.type === 'AWS::IAM::RolePolicy' ? [get(policy.properties, 'RoleName')] : (() => {
    const roles = get(policy.properties, 'Roles');
    if (roles === undefined) return [];
    return isSeq(roles) ? roles.items : [roles];
  })();
  let unknown = false;
  const literalName = stringOf(get(role.properties, 'RoleName'));
  for (const node of names) {
    if (!node) continue;
    const ref = model.referenced(node);
    if (ref) { if (ref.name === role.name) return 'yes'; continue; }
    const text = stringOf(node);
    if (text !== undefined) { if (literalName && text === literalName) return 'yes'; continue; }
    unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}

function addDocument(out: Permissions, model: TemplateModel, document: Node | undefined): void {
  let doc = document;
  if (isScalar(doc) && typeof doc.value === 'string') {
    const parsed = parse(doc.value, 'policy.json');
    doc = parsed.errors.length === 0 ? parsed.tree : undefined;
  }
  if (!isMap(doc) || soleKey(doc)?.startsWith('Fn::')) { out.complete = false; return; }
  const statements = get(doc, 'Statement');
  const list = isSeq(statements) ? statements.items : statements ? [statements] : [];
  if (statements !== undefined && !isSeq(statements) && !isMap(statements)) { out.complete = false; return; }
  for (const statement of list) {
    if (!isMap(statement) || soleKey(statement)?.startsWith('Fn::')) { out.complete = false; continue; }
    const effect = stringOf(get(statement, 'Effect'));
    if (effect === 'Deny') continue;
    if (effect !== 'Allow') { out.complete = false; continue; }
    if (get(statement, 'NotAction') !== undefined || get(statement, 'NotResource') !== undefined) { out.complete = false; continue; }
    const actions = stringList(get(statement, 'Action'));
    if (!actions) { out.complete = false; continue; }
    out.statements.push({ actions, resources: resourceSpecs(model, get(statement, 'Resource')) });
  }
}

function stringList(node: Node | undefined): string[] | undefined {
  if (node === undefined) return undefined;
  const items = isSeq(node) ? node.items : [node];
  const out: string[] = [];
  for (const item of items) {
    const text = stringOf(item);
    if (text === undefined) return undefined;
    out.push(text);
  }
  return out;
}

function resourceSpecs(model: TemplateModel, node: Node | undefined): ResourceSpec[] {
  if (node === undefined) return [{ kind: 'any' }];
  const items = isSeq(node) ? node.items : [node];
  return items.map((item): ResourceSpec => {
    const text = stringOf(item);
    if (text !== undefined) return text === '*' ? { kind: 'any' } : { kind: 'arn', pattern: text };
    const ref = model.referenced(item);
    // A Sub that only builds on a resource (`${Q.Arn}/*`) still names it; anything else is "any".
    if (ref) return { kind: 'resource', name: ref.name };
    return { kind: 'any' };
  });
}

const MANAGED_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:service-role\/)?([A-Za-z0-9_+=,.@-]+)$/;

function addManaged(out: Permissions, model: TemplateModel, item: Node, tables: PolicyTables): void {
  const ref = model.referenced(item);
  if (ref) {
    const resource = model.resources.get(ref.name);
    if (resource?.type === 'AWS::IAM::ManagedPolicy') { addDocument(out, model, get(resource.properties, 'PolicyDocument')); return; }
    out.complete = false;
    return;
  }
  const name = managedName(item);
  const actions = name ? tables.managed[name] : undefined;
  if (!actions) { out.complete = false; return; }
  out.statements.push({ actions, resources: [{ kind: 'any' }] });
}

/** `arn:aws:iam::aws:policy/service-role/X` (literal or `!Sub` with `${AWS::Partition}`) → `X`. */
function managedName(item: Node): string | undefined {
  let text = stringOf(item);
  if (text === undefined && soleKey(item) === 'Fn::Sub' && isMap(item)) text = stringOf(item.pairs[0].value);
  return text ? MANAGED_ARN.exec(text)?.[1] : undefined;
}

function samGeneratedPermissions(model: TemplateModel, fn: Resource, tables: PolicyTables): Permissions {
  const out: Permissions = { statements: [], complete: true };
  const grantManaged = (name: string): void => {
    const actions = tables.managed[name] ?? tables.templates[name];
    if (actions) out.statements.push({ actions, resources: [{ kind: 'any' }] });
    else out.complete = false;
  };
  tables.sam.always.forEach(grantManaged);
  const globals = get(model.globals, 'Function');
  const tracing = get(fn.properties, 'Tracing') ?? get(globals, 'Tracing');
  if (tracing !== undefined) tables.sam.tracing.forEach(grantManaged);
  const vpc = get(fn.properties, 'VpcConfig') ?? get(globals, 'VpcConfig');
  if (vpc !== undefined) tables.sam.vpc.forEach(grantManaged);
  const events = get(fn.properties, 'Events');
  if (isMap(events)) {
    for (const pair of events.pairs) {
      const policy = tables.sam.events[stringOf(get(pair.value, 'Type')) ?? ''];
      if (policy) grantManaged(policy);
    }
  }
  const dlq = get(fn.properties, 'DeadLetterQueue') ?? get(globals, 'DeadLetterQueue');
  if (dlq !== undefined) out.statements.push({ actions: ['sqs:SendMessage', 'sns:Publish'], resources: [{ kind: 'any' }] });
  const policies = get(fn.properties, 'Policies');
  if (policies !== undefined) {
    const items = isSeq(policies) ? policies.items : [policies];
    for (const item of items) {
      const text = stringOf(item);
      if (text !== undefined) {
        // A managed policy by name or ARN.
        const name = MANAGED_ARN.exec(text)?.[1] ?? (text.startsWith('arn:') ? undefined : text);
        const actions = name ? tables.managed[name] : undefined;
        if (actions) out.statements.push({ actions, resources: [{ kind: 'any' }] });
        else out.complete = false;
        continue;
      }
      if (!isMap(item)) { out.complete = false; continue; }
      if (get(item, 'Statement') !== undefined) { addDocument(out, model, item); continue; }
      const key = soleKey(item);
      const actions = key ? tables.templates[key] : undefined;
      if (actions) out.statements.push({ actions, resources: [{ kind: 'any' }] });
      else {
        const name = managedName(item);
        const managed = name ? tables.managed[name] : undefined;
        if (managed) out.statements.push({ actions: managed, resources: [{ kind: 'any' }] });
        else out.complete = false;
      }
    }
  }
  return out;
}

import type { Knowledge } from '../knowledge';
import { get, isMap, isScalar, isSeq, type MapNode, type Node, type Pair, type ScalarNode, stringOf } from '../parse/tree';
import type { Bilingual, Path } from '../types';

/**
 * The CodeDeploy AppSpec as rules see it: which compute platform it targets, its hooks, and the
 * lifecycle tables read from the notes (spec §3.1). The facts (event lists, reserved events, the
 * version, script time limits) live in knowledge entries; this module only knows where.
 */

export type Platform = 'server' | 'lambda' | 'ecs';

export interface LifecycleEvent {
  event: string;
  /** Used by CodeDeploy itself: no script or function can run there. */
  reserved?: boolean;
  /** Runs only when the deployment group has a load balancer (EC2/On-Premises). */
  loadBalancer?: boolean;
  /** Listed in the user's study note. */
  inNote?: boolean;
  en: string;
  ja: string;
}

export const PLATFORMS: readonly Platform[] = ['server', 'lambda', 'ecs'];

/** Where each platform's lifecycle table lives: note id and the path of the list in its values. */
const LIFECYCLE_SOURCE: Record<Platform, [string, ...string[]]> = {
  server: ['codedeploy.hook-order-ec2', 'lifecycle', 'server'],
  lambda: ['codedeploy.hooks-lambda', 'lifecycle', 'lambda'],
  ecs: ['codedeploy.appspec', 'lifecycle', 'ecs'],
};

/** Platform names for messages. */
export const PLATFORM_NAMES: Record<Platform, Bilingual> = {
  server: { en: 'EC2/On-Premises', ja: 'EC2/オンプレミス' },
  lambda: { en: 'AWS Lambda', ja: 'AWS Lambda' },
  ecs: { en: 'Amazon ECS', ja: 'Amazon ECS' },
};

/** The ordered lifecycle of a platform, read from the notes. Throws when a note lacks the table. */
export function lifecycleFor(knowledge: Knowledge, platform: Platform): LifecycleEvent[] {
  const [id, ...path] = LIFECYCLE_SOURCE[platform];
  const list = knowledge.value(id, ...path);
  if (!Array.isArray(list)) throw new Error(`knowledge: "${id}" value ${path.join('.')} is not a list`);
  return list.map((item) => {
    const event = (item as { event?: unknown }).event;
    if (typeof event !== 'string') throw new Error(`knowledge: "${id}" value ${path.join('.')} has an item without an event name`);
    return item as LifecycleEvent;
  });
}

/** Every lifecycle event name of every platform (the set APPSPEC002 checks against). */
export function allEventNames(knowledge: Knowledge): Set<string> {
  const names = new Set<string>();
  for (const platform of PLATFORMS) for (const e of lifecycleFor(knowledge, platform)) names.add(e.event);
  return names;
}

/** The events of a platform that can run a script or a validation function, in run order. */
export function scriptableEvents(knowledge: Knowledge, platform: Platform): string[] {
  return lifecycleFor(knowledge, platform).filter((e) => !e.reserved).map((e) => e.event);
}

/** Per-script timeout facts of EC2/On-Premises hooks (seconds). */
export function scriptTimeout(knowledge: Knowledge): { default: number; max: number } {
  return {
    default: knowledge.number('codedeploy.hook-order-ec2', 'scriptTimeout', 'default'),
    max: knowledge.number('codedeploy.hook-order-ec2', 'scriptTimeout', 'max'),
  };
}

// ---------------------------------------------------------------------------------------------
// Sections

/** The keys a hooks section may have: EC2 uses `hooks`; Lambda/ECS examples use both spellings. */
export const HOOKS_KEYS = ['hooks', 'Hooks'] as const;
/** `Resources` as AWS writes it; lowercase accepted as well, as the User Guide names the section so. */
export const RESOURCES_KEYS = ['Resources', 'resources'] as const;
/** Sections that only EC2/On-Premises AppSpecs use. */
export const SERVER_SECTIONS = ['os', 'files', 'permissions'] as const;

export interface Section {
  key: string;
  pair: Pair;
  node: Node | null;
}

function section(root: Node | undefined, keys: readonly string[]): Section | undefined {
  if (!isMap(root)) return undefined;
  for (const key of keys) {
    for (let i = root.pairs.length - 1; i >= 0; i--) {
      const pair = root.pairs[i];
      if (pair.key.value === key) return { key, pair, node: pair.value };
    }
  }
  return undefined;
}

/** The hooks section (`hooks`, else `Hooks`). */
export function hooksSection(root: Node | undefined): Section | undefined {
  return section(root, HOOKS_KEYS);
}

/** The resources section (`Resources`, else `resources`). */
export function resourcesSection(root: Node | undefined): Section | undefined {
  return section(root, RESOURCES_KEYS);
}

export interface ResourceEntry {
  /** The resource's name (e.g. `TargetService`, `myLambdaFunction`). */
  name: string;
  path: Path;
  /** The resource's body (`Type`, `Properties`). */
  node: Node | null;
  type?: string;
}

/** Each named resource of the `Resources` list (an item may hold more than one name). */
export function resourceEntries(root: Node | undefined): ResourceEntry[] {
  const resources = resourcesSection(root);
  if (!resources || !isSeq(resources.node)) return [];
  const out: ResourceEntry[] = [];
  resources.node.items.forEach((item, index) => {
    if (!isMap(item)) return;
    for (const pair of item.pairs) {
      const name = String(pair.key.value);
      out.push({ name, path: [resources.key, index, name], node: pair.value, type: stringOf(get(pair.value, 'Type')) });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hooks

export interface HookEntry {
  /** The lifecycle event name as written. */
  name: string;
  /** `['hooks', 'AfterInstall']` (map form) or `['Hooks', 2, 'BeforeAllowTraffic']` (list form). */
  path: Path;
  key: ScalarNode;
  /** The hook's value: a list of scripts (EC2) or a function name (Lambda/ECS). */
  node: Node | null;
  /** The whole entry: the map pair, or the list item (what a reorder moves). */
  span: { start: number; end: number };
  /** The list index (list form only). */
  index?: number;
}

export interface Hooks {
  key: string;
  /** `map`: `hooks: {Event: [scripts]}` (EC2); `list`: `Hooks: [{Event: function}]` (Lambda/ECS). */
  form: 'map' | 'list' | 'other';
  pair: Pair;
  node: Node | null;
  entries: HookEntry[];
}

/**
 * The hooks of the file, in file order. In the list form, every key of an item counts as a hook
 * (a malformed item with two keys still names two events); a non-map item names none.
 */
export function readHooks(root: Node | undefined): Hooks | undefined {
  const found = hooksSection(root);
  if (!found) return undefined;
  const { key, pair, node } = found;
  const entries: HookEntry[] = [];
  if (isMap(node)) {
    for (const p of node.pairs) {
      entries.push({ name: String(p.key.value), path: [key, String(p.key.value)], key: p.key, node: p.value, span: { start: p.start, end: p.end } });
    }
    return { key, form: 'map', pair, node, entries };
  }
  if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (!isMap(item)) return;
      for (const p of item.pairs) {
        entries.push({ name: String(p.key.value), path: [key, index, String(p.key.value)], key: p.key, node: p.value, span: { start: item.start, end: item.end }, index });
      }
    });
    return { key, form: 'list', pair, node, entries };
  }
  return { key, form: 'other', pair, node, entries };
}

/** Each hook with its name, path, node and span (see {@link readHooks}). */
export function hookEntries(root: Node | undefined): HookEntry[] {
  return readHooks(root)?.entries ?? [];
}

// ---------------------------------------------------------------------------------------------
// Platform

export interface PlatformDetection {
  platform: Platform | undefined;
  /** Why, in words a user can check (shown on the hover of `version` and of each hook). */
  reason: string;
  reasonJa: string;
}

const LAMBDA_TYPE = 'AWS::Lambda::Function';
const ECS_TYPE = 'AWS::ECS::Service';

/** The resource `Type` each platform's AppSpec declares. */
export const RESOURCE_TYPES: Record<'lambda' | 'ecs', string> = { lambda: LAMBDA_TYPE, ecs: ECS_TYPE };

/**
 * Which compute platform the AppSpec targets (spec §3.1), first match wins: an ECS service in
 * `Resources`; a Lambda function in `Resources`; EC2/On-Premises sections (`os`, `files`,
 * `permissions`) or a `hooks` map; otherwise the hook names, when only one platform has them all.
 * Pass `knowledge` to allow the last step (it needs the lifecycle tables).
 */
export function detectPlatform(root: Node | undefined, knowledge?: Knowledge): PlatformDetection {
  if (!isMap(root)) return { platform: undefined, reason: 'the file is not a map of keys', reasonJa: 'ファイルがキーのマップではないため' };
  const resources = resourceEntries(root);
  const ecs = resources.find((r) => r.type === ECS_TYPE);
  if (ecs) return { platform: 'ecs', reason: `Resources has \`${ecs.name}\` of Type ${ECS_TYPE}`, reasonJa: `Resources に Type が ${ECS_TYPE} の \`${ecs.name}\` があるため` };
  const lambda = resources.find((r) => r.type === LAMBDA_TYPE);
  if (lambda) return { platform: 'lambda', reason: `Resources has \`${lambda.name}\` of Type ${LAMBDA_TYPE}`, reasonJa: `Resources に Type が ${LAMBDA_TYPE} の \`${lambda.name}\` があるため` };
  const serverSection = SERVER_SECTIONS.find((key) => root.pairs.some((p) => p.key.value === key));
  if (serverSection) return { platform: 'server', reason: `it has the EC2/On-Premises section \`${serverSection}\``, reasonJa: `EC2/オンプレミス用のセクション \`${serverSection}\` があるため` };
  const hooks = readHooks(root);
  if (hooks?.form === 'map') return { platform: 'server', reason: `\`${hooks.key}\` is a map of lifecycle events to scripts`, reasonJa: `\`${hooks.key}\` がライフサイクルイベントからスクリプトへのマップであるため` };
  if (knowledge && hooks && hooks.entries.length > 0) {
    let candidates: Platform[] = hooks.form === 'list' ? ['lambda', 'ecs'] : [...PLATFORMS];
    const tables = new Map(PLATFORMS.map((p) => [p, new Set(lifecycleFor(knowledge, p).map((e) => e.event))]));
    const all = allEventNames(knowledge);
    for (const entry of hooks.entries) {
      if (!all.has(entry.name)) continue;
      candidates = candidates.filter((p) => tables.get(p)!.has(entry.name));
    }
    if (candidates.length === 1) {
      return {
        platform: candidates[0],
        reason: `only ${PLATFORM_NAMES[candidates[0]].en} deployments have all of its hook names`,
        reasonJa: `すべてのフック名を持つのが ${PLATFORM_NAMES[candidates[0]].ja} のデプロイだけであるため`,
      };
    }
  }
  return { platform: undefined, reason: 'it has no resources, EC2/On-Premises sections or platform-specific hook names', reasonJa: 'Resources も EC2/オンプレミス用のセクションも、プラットフォーム固有のフック名もないため' };
}

/** The AppSpec `version` value as the file has it: a number (YAML `0.0` is the number 0) or a string. */
export function versionMatches(node: Node | null | undefined, expected: string): boolean {
  if (!isScalar(node)) return false;
  if (typeof node.value === 'number') return node.value === Number(expected);
  return typeof node.value === 'string' && node.value.trim() === expected;
}

/** The map of the root, for rules that need its pairs. */
export function rootMap(root: Node | undefined): MapNode | undefined {
  return isMap(root) ? root : undefined;
}

import type { Knowledge } from '../../knowledge';
import type { Node } from '../../parse/tree';
import {
  allEventNames, detectPlatform, lifecycleFor, PLATFORMS, readHooks, type Hooks, type LifecycleEvent, type Platform, type PlatformDetection,
} from '../../model/appspec';

/** What most AppSpec rules need, computed once per document (rules run one after another on the same tree). */
export interface AppSpecFacts {
  detection: PlatformDetection;
  platform: Platform | undefined;
  hooks: Hooks | undefined;
  lifecycles: Record<Platform, LifecycleEvent[]>;
  /** Every event name of every platform. */
  allEvents: Set<string>;
}

const cache = new WeakMap<Node, { knowledge: Knowledge; facts: AppSpecFacts }>();

export function appspecFacts(root: Node, knowledge: Knowledge): AppSpecFacts {
  const hit = cache.get(root);
  if (hit && hit.knowledge === knowledge) return hit.facts;
  const detection = detectPlatform(root, knowledge);
  const lifecycles = Object.fromEntries(PLATFORMS.map((p) => [p, lifecycleFor(knowledge, p)])) as Record<Platform, LifecycleEvent[]>;
  const facts: AppSpecFacts = {
    detection,
    platform: detection.platform,
    hooks: readHooks(root),
    lifecycles,
    allEvents: allEventNames(knowledge),
  };
  cache.set(root, { knowledge, facts });
  return facts;
}

/** The event's entry in a platform's lifecycle, if the platform has it. */
export function eventOf(facts: AppSpecFacts, platform: Platform, name: string): LifecycleEvent | undefined {
  return facts.lifecycles[platform].find((e) => e.event === name);
}

/** The scriptable events of a platform, in run order. */
export function scriptable(facts: AppSpecFacts, platform: Platform): string[] {
  return facts.lifecycles[platform].filter((e) => !e.reserved).map((e) => e.event);
}

/** Scriptable events of every platform, without duplicates, EC2 order first. */
export function scriptableAnywhere(facts: AppSpecFacts): string[] {
  return [...new Set(PLATFORMS.flatMap((p) => scriptable(facts, p)))];
}

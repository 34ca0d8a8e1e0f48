import type { Knowledge } from '../knowledge';
import { get, isMap, isScalar, type MapNode, type Node, type Pair } from '../parse/tree';
import type { Path } from '../types';

/**
 * The CodeBuild buildspec as rules see it: its version, phases and `env` sections. The facts
 * (phase names in run order, versions, the reserved variable prefix) live in the note
 * `codebuild.buildspec`; this module only knows where things are in the file.
 */

export interface BuildspecFacts {
  /** Allowed phase names, in run order. */
  phases: string[];
  versions: string[];
  recommendedVersion: string;
  reservedVariablePrefix: string;
}

export function buildspecFacts(knowledge: Knowledge): BuildspecFacts {
  const id = 'codebuild.buildspec';
  return {
    phases: (knowledge.value(id, 'phases') as unknown[]).map(String),
    versions: (knowledge.value(id, 'versions') as unknown[]).map(String),
    recommendedVersion: String(knowledge.value(id, 'recommendedVersion')),
    reservedVariablePrefix: String(knowledge.value(id, 'reservedVariablePrefix')),
  };
}

/**
 * The version as CodeBuild reads it: YAML `0.2` is the number 0.2, `'0.2'` the string; both
 * mean version 0.2. Undefined for anything that is not a number or a string.
 */
export function versionText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number') return String(node.value);
  if (typeof node.value === 'string') return node.value.trim();
  return undefined;
}

export interface PhaseEntry {
  name: string;
  path: Path;
  pair: Pair;
  node: Node | null;
}

/** The `phases` map, when it is one. */
export function phasesMap(root: Node | undefined): MapNode | undefined {
  const phases = get(root, 'phases');
  return isMap(phases) ? phases : undefined;
}

/** Each key under `phases`, in file order. */
export function phaseEntries(root: Node | undefined): PhaseEntry[] {
  const phases = phasesMap(root);
  if (!phases) return [];
  return phases.pairs.map((pair) => ({ name: String(pair.key.value), path: ['phases', String(pair.key.value)], pair, node: pair.value }));
}

/** `env` sections that define variables by name (`exported-variables` only lists names). */
export const VARIABLE_SECTIONS = ['variables', 'parameter-store', 'secrets-manager'] as const;
export type VariableSection = (typeof VARIABLE_SECTIONS)[number];

export interface VariableEntry {
  section: VariableSection;
  name: string;
  path: Path;
  key: Node;
  value: Node | null;
}

/** The variables of one `env` section (`env.variables`, `env.parameter-store`, `env.secrets-manager`). */
export function envVariables(root: Node | undefined, section: VariableSection): VariableEntry[] {
  const map = get(get(root, 'env'), section);
  if (!isMap(map)) return [];
  return map.pairs.map((pair) => ({ section, name: String(pair.key.value), path: ['env', section, String(pair.key.value)], key: pair.key, value: pair.value }));
}

import { isMap, isScalar, isSeq, pairOf, type Node } from '../../parse/tree';
import type { HookEntry } from '../../model/appspec';

/**
 * How the CodeDeploy agent reads a script's `timeout`: missing or null means the default; a
 * number or a string is taken by its leading integer (Ruby `to_i`), and anything that is not
 * above zero is rejected ("Timeout needs to be an integer greater than 0"; aws-codedeploy-agent,
 * application_specification/script_info.rb).
 */
export type TimeoutValue = { kind: 'default' } | { kind: 'seconds'; seconds: number } | { kind: 'invalid' };

export function readTimeout(node: Node | null | undefined): TimeoutValue {
  if (node == null || (isScalar(node) && node.value === null)) return { kind: 'default' };
  if (!isScalar(node)) return { kind: 'invalid' };
  let seconds: number;
  if (typeof node.value === 'number') seconds = Math.trunc(node.value);
  else if (typeof node.value === 'string') {
    const match = /^\s*([+-]?\d+)/.exec(node.value);
    seconds = match ? Number(match[1]) : 0;
  } else return { kind: 'invalid' };
  return Number.isFinite(seconds) && seconds > 0 ? { kind: 'seconds', seconds } : { kind: 'invalid' };
}

export interface ScriptItem {
  index: number;
  node: Node;
  timeout: Node | null | undefined;
  /** Whether the item has a `timeout` key at all. */
  hasTimeout: boolean;
}

/** The script items of an EC2 hook (`hooks.<Event>: [ {location, timeout, runas} ]`), maps only. */
export function scriptItems(entry: HookEntry): ScriptItem[] {
  if (!isSeq(entry.node)) return [];
  const out: ScriptItem[] = [];
  entry.node.items.forEach((node, index) => {
    if (!isMap(node)) return;
    const pair = pairOf(node, 'timeout');
    out.push({ index, node, timeout: pair?.value, hasTimeout: pair !== undefined });
  });
  return out;
}

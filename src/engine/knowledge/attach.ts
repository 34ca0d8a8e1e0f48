import type { AttachPoint } from './types';

/** Parses one attach string of the grammar in knowledge/README.md. The build has validated its form. */
export function parseAttach(text: string): AttachPoint {
  if (text === 'lookup-only') return { kind: 'lookup-only' };
  const prefixed = /^(file|fn|pseudo|buildspec|appspec|section|eb|cw):(.*)$/.exec(text);
  if (prefixed) {
    const [, prefix, rest] = prefixed;
    switch (prefix) {
      case 'file': return { kind: 'file', fileKind: rest };
      case 'fn': return { kind: 'fn', name: rest };
      case 'pseudo': return { kind: 'pseudo', name: rest };
      case 'eb': {
        const eq = rest.indexOf('=');
        const name = eq >= 0 ? rest.slice(0, eq) : rest;
        const slash = name.lastIndexOf('/');
        const point: AttachPoint = { kind: 'eb', namespace: name.slice(0, slash), option: name.slice(slash + 1) };
        if (eq >= 0) point.value = rest.slice(eq + 1);
        return point;
      }
      case 'cw': {
        const [namespace, metric] = rest.split(' ');
        return { kind: 'cw', namespace, metric };
      }
      default: return { kind: prefix as 'buildspec' | 'appspec' | 'section', path: splitPath(rest) };
    }
  }
  if (text.startsWith('Globals.')) return { kind: 'globals', path: splitPath(text.slice('Globals.'.length)) };
  const typeMatch = /^([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)(?:\.(.*))?$/.exec(text);
  if (!typeMatch) return { kind: 'lookup-only' };
  const [, resourceType, rest] = typeMatch;
  if (!rest) return { kind: 'type', resourceType };
  const eq = rest.indexOf('=');
  const pathText = eq >= 0 ? rest.slice(0, eq) : rest;
  const point: AttachPoint = { kind: 'property', resourceType, path: splitPath(pathText) };
  if (eq >= 0) point.value = rest.slice(eq + 1);
  return point;
}

/** `BlockDeviceMappings[].Ebs.VolumeType` → ['BlockDeviceMappings', '[]', 'Ebs', 'VolumeType']. */
export function splitPath(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split('.')) {
    if (part.endsWith('[]')) {
      out.push(part.slice(0, -2), '[]');
    } else out.push(part);
  }
  return out.filter((p) => p !== '');
}

/**
 * Does a concrete path (keys and list indexes) match an attach path? `[]` matches any index,
 * `*` any key.
 */
export function pathMatches(pattern: readonly string[], path: ReadonlyArray<string | number>): boolean {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i];
    const got = path[i];
    if (want === '[]') { if (typeof got !== 'number') return false; continue; }
    if (want === '*') { if (typeof got !== 'string') return false; continue; }
    if (want !== got) return false;
  }
  return true;
}

import type { ParsedDocument } from '../../parse';
import { get, isScalar, type MapNode, type Node } from '../../parse/tree';
import { insertNested } from '../../edits';
import type { Bilingual, Fix, Path, TextEdit } from '../../types';
import type { EbsVolumeSpec } from '../../model/ebs-volumes';

/** 16000 → "16,000" (messages in both languages). */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Where a volume is, for messages: `Data` or `Web BlockDeviceMappings[0]`. */
export function volumeName(spec: EbsVolumeSpec): string {
  if (spec.kind === 'volume') return spec.resource.name;
  const index = spec.mappingPath?.[spec.mappingPath.length - 1];
  const list = spec.mappingPath?.[spec.mappingPath.length - 2];
  const device = spec.mapping ? get(spec.mapping, 'DeviceName') ?? get(spec.mapping, 'Name') : undefined;
  const deviceText = isScalar(device) && typeof device.value === 'string' ? ` (${device.value})` : '';
  return `${spec.resource.name} ${list}[${index}]${deviceText}`;
}

export function propertyPath(spec: EbsVolumeSpec, key: string): Path {
  return [...spec.path, key];
}

/**
 * Replaces a literal scalar with a new value in the file's own style: a quoted scalar stays
 * quoted with the same quote character; a string in JSON is always quoted.
 */
export function replaceScalar(doc: ParsedDocument, node: Node, value: string | number): TextEdit | undefined {
  if (!isScalar(node)) return undefined;
  const original = doc.text.slice(node.start, node.end);
  const quote = /^['"]/.test(original) ? original[0] : undefined;
  let text = String(value);
  if (quote) text = `${quote}${text}${quote}`;
  else if (typeof value === 'string' && doc.format === 'json') text = JSON.stringify(value);
  return { start: node.start, end: node.end, newText: text };
}

/** A value as written into a new `key: value` entry (JSON strings quoted). */
export function valueText(doc: ParsedDocument, value: string | number | boolean): string {
  return typeof value === 'string' && doc.format === 'json' ? JSON.stringify(value) : String(value);
}

/** Sets `key` of `map` to `value`: replaces a literal value, or adds the entry when absent. */
export function setPropertyEdit(doc: ParsedDocument, map: MapNode, key: string, value: string | number | boolean): TextEdit | undefined {
  const existing = get(map, key);
  if (existing === undefined) return insertNested(doc, map, [key], valueText(doc, value));
  if (typeof value === 'boolean') {
    if (!isScalar(existing)) return undefined;
    return { start: existing.start, end: existing.end, newText: String(value) };
  }
  return replaceScalar(doc, existing, value);
}

export function fix(title: Bilingual, edit: TextEdit | undefined, preferred = false): Fix[] {
  return edit ? [{ title, edits: [edit], preferred }] : [];
}

export function isLiteral(node: Node | undefined): boolean {
  return isScalar(node);
}

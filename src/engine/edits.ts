import type { ParsedDocument } from './parse';
import { isMap, type MapNode, type Node } from './parse/tree';
import type { TextEdit } from './types';

/**
 * Text edits that quick fixes are made of. They keep the file's own style: its line ending,
 * the indentation of the map they write into, YAML or JSON syntax.
 */

function eol(doc: ParsedDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

function column(doc: ParsedDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

/** End of the line on which a node ends (after any trailing comment), before the line break. */
function endOfLastLine(doc: ParsedDocument, node: { start: number; end: number }): number {
  let end = node.end;
  while (end > node.start && /[\r\n]/.test(doc.text[end - 1])) end--;
  return doc.lines.lineEnd(doc.lines.positionAt(end).line);
}

/** The indentation step the document uses for nested maps (2 unless it shows otherwise). */
function indentStep(doc: ParsedDocument, map: MapNode): number {
  for (const pair of map.pairs) {
    if (isMap(pair.value) && !pair.value.flow && !pair.value.short && pair.value.pairs[0]) {
      const step = column(doc, pair.value.pairs[0].key.start) - column(doc, pair.key.start);
      if (step > 0) return step;
    }
  }
  return 2;
}

/**
 * Adds `keys[0]: {keys[1]: … valueText}` to `map`, creating the nested maps that are missing.
 * `valueText` is written as it is (a number, or a quoted string in JSON).
 */
export function insertNested(doc: ParsedDocument, map: MapNode, keys: string[], valueText: string): TextEdit {
  const nl = eol(doc);
  if (doc.format === 'json') {
    let value = valueText;
    for (let i = keys.length - 1; i >= 1; i--) value = `{ ${JSON.stringify(keys[i])}: ${value} }`;
    const entry = `${JSON.stringify(keys[0])}: ${value}`;
    if (map.pairs.length === 0) return { start: map.start + 1, end: map.start + 1, newText: entry };
    const last = map.pairs[map.pairs.length - 1];
    const indent = ' '.repeat(column(doc, last.key.start));
    return { start: last.end, end: last.end, newText: `,${nl}${indent}${entry}` };
  }
  if (map.flow || map.pairs.length === 0) {
    let value = valueText;
    for (let i = keys.length - 1; i >= 1; i--) value = `{${keys[i]}: ${value}}`;
    const close = doc.text.lastIndexOf('}', map.end);
    const entry = `${keys[0]}: ${value}`;
    if (close >= map.start) return { start: close, end: close, newText: map.pairs.length ? `, ${entry}` : entry };
    return { start: map.end, end: map.end, newText: ` {${entry}}` };
  }
  const base = column(doc, map.pairs[0].key.start);
  const step = indentStep(doc, map);
  const lines = keys.map((key, i) => {
    const indent = ' '.repeat(base + i * step);
    return i === keys.length - 1 ? `${indent}${key}: ${valueText}` : `${indent}${key}:`;
  });
  const last = map.pairs[map.pairs.length - 1];
  const at = endOfLastLine(doc, last);
  return { start: at, end: at, newText: nl + lines.join(nl) };
}

/**
 * Rewrites the entries of a block map or list into `order` (a permutation of their indexes),
 * moving each entry's whole lines, comments on its lines included.
 */
export function reorderEntries(doc: ParsedDocument, entries: Array<{ start: number; end: number }>, order: number[]): TextEdit | undefined {
  if (entries.length < 2) return undefined;
  const { lines } = doc;
  const nl = eol(doc);
  const blocks = entries.map((entry) => {
    const first = lines.positionAt(entry.start).line;
    const start = lines.lineStart(first);
    return { start, end: endOfLastLine(doc, entry) };
  });
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i].start < blocks[i - 1].end) return undefined;
  }
  const texts = blocks.map((block, i) => {
    const next = blocks[i + 1];
    const own = doc.text.slice(block.start, block.end);
    return { own, gap: next ? doc.text.slice(block.end, next.start) : '' };
  });
  let out = '';
  order.forEach((index, position) => {
    out += texts[index].own;
    if (position < order.length - 1) out += texts[position].gap || nl;
  });
  return { start: blocks[0].start, end: blocks[blocks.length - 1].end, newText: out };
}

/** The text of a node as written (for messages). */
export function sourceOf(doc: ParsedDocument, node: Node): string {
  return doc.text.slice(node.start, node.end);
}

/**
 * Removes one `key: value` entry of `map`. In block YAML the entry's whole lines go (with any
 * comment on them); in JSON and flow maps the pair and one neighbouring comma go. Used by fixes
 * such as "remove ProvisionedThroughput under PAY_PER_REQUEST".
 */
export function removePair(doc: ParsedDocument, map: MapNode, key: string): TextEdit | undefined {
  const index = map.pairs.findIndex((p) => p.key.value === key);
  if (index < 0) return undefined;
  const pair = map.pairs[index];
  const pairEnd = pair.end;
  if (doc.format === 'json' || map.flow) {
    const next = map.pairs[index + 1];
    const previous = map.pairs[index - 1];
    if (next) return { start: pair.key.start, end: next.key.start, newText: '' };
    if (previous) {
      return { start: previous.end, end: pairEnd, newText: '' };
    }
    return { start: pair.key.start, end: pairEnd, newText: '' };
  }
  const firstLine = doc.lines.positionAt(pair.key.start).line;
  const start = doc.lines.lineStart(firstLine);
  const lastEnd = endOfLastLine(doc, { start: pair.key.start, end: pairEnd });
  const lastLine = doc.lines.positionAt(lastEnd).line;
  const nextLineStart = lastLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(lastLine + 1) : doc.text.length;
  return { start, end: nextLineStart, newText: '' };
}

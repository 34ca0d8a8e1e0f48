import { parse, type ParsedDocument } from './parse';
import { get, isMap, isScalar, isSeq, type Node, type ScalarNode, soleKey, stringOf } from './parse/tree';
import { TemplateModel } from './model/template';
import { looksInline, projectInfo, type ProjectInfo } from './workspace/extract';
import type { Path, TextEdit } from './types';

/**
 * Buildspecs written inside a template: an `AWS::CodeBuild::Project` whose `Source.BuildSpec` is
 * the buildspec itself (spec §2.1 detection rule 2). Each one is parsed on its own, with a map
 * from its offsets back to the template's, so the buildspec rules and hovers run on it and their
 * ranges land on the template's lines. Supported: YAML block scalars (`|`, `>`), single- and
 * double-quoted strings, JSON strings, `Fn::Sub` of one of those, and `Fn::Join` of literal lines.
 */

export interface EmbeddedBuildspec {
  /** The project's logical id. */
  resource: string;
  /** Path of `BuildSpec` in the template. */
  path: Path;
  /** The template node that holds the text (the scalar, or the `Fn::Sub`/`Fn::Join` call). */
  node: Node;
  /** The buildspec, parsed as a file named `buildspec.yml`. */
  doc: ParsedDocument;
  /** Maps offsets in the buildspec to offsets in the template. */
  map: OffsetMap;
  /** What buildspec rules learn about the project that runs it. */
  project: ProjectInfo;
}

/**
 * `starts[i]` is the template offset of the buildspec's character `i`; `starts[length]` is the
 * offset just past the last one. `exact` is false when the decoding could not be verified: then
 * every offset maps to the start of the template value (findings still land on the right
 * property) and no quick fix is offered.
 */
export interface OffsetMap {
  starts: number[];
  /** `ends[i]` is the template offset just past the source of character `i` (an escape may be longer than one). */
  ends: number[];
  exact: boolean;
  /** How edits are written back (undefined: fixes cannot be mapped). */
  style?: 'literal' | 'double' | 'json';
  /** Indentation of a literal block's lines and the template's line break. */
  indent?: string;
  eol?: string;
}

export function toTemplateOffset(map: OffsetMap, offset: number): number {
  const i = Math.max(0, Math.min(offset, map.starts.length - 1));
  return map.starts[i];
}

/** The template range of the buildspec range [start, end): its end is where the last character's source ends. */
export function toTemplateRange(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const from = toTemplateOffset(map, start);
  if (end <= start) return { start: from, end: from };
  const last = Math.max(0, Math.min(end - 1, map.ends.length - 1));
  return { start: from, end: Math.max(from, map.ends[last] ?? from) };
}

/** The embedded buildspecs of a CloudFormation or SAM template, cached per parsed document. */
export function embeddedBuildspecs(doc: ParsedDocument, model?: TemplateModel): EmbeddedBuildspec[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: EmbeddedBuildspec[] = [];
  const resources = get(doc.tree, 'Resources');
  if (isMap(resources) && doc.text.includes('AWS::CodeBuild::Project')) {
    const template = model ?? new TemplateModel(doc);
    for (const resource of template.ofType('AWS::CodeBuild::Project')) {
      const node = get(get(resource.properties, 'Source'), 'BuildSpec');
      if (!node) continue;
      const decoded = decodeValue(doc, node);
      if (!decoded || !looksInline(decoded.text)) continue;
      const inner = parse(decoded.text, 'buildspec.yml');
      if (!inner.tree && inner.errors.length === 0) continue;
      if (inner.tree && !isMap(inner.tree)) continue;
      out.push({
        resource: resource.name,
        path: [...resource.path, 'Properties', 'Source', 'BuildSpec'],
        node,
        doc: inner,
        map: decoded.map,
        project: projectInfo(template, resource, doc.fileName),
      });
    }
  }
  cache.set(doc, out);
  return out;
}

const cache = new WeakMap<ParsedDocument, EmbeddedBuildspec[]>();

/** The embedded buildspec under a template offset, and the offset inside it. */
export function embeddedAt(doc: ParsedDocument, offset: number): { embedded: EmbeddedBuildspec; offset: number } | undefined {
  for (const embedded of embeddedBuildspecs(doc)) {
    const { starts, exact } = embedded.map;
    if (!exact || offset < embedded.node.start || offset > embedded.node.end) continue;
    // The last buildspec character at or before the template offset.
    let low = 0;
    let high = starts.length - 1;
    if (offset < starts[0]) continue;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { embedded, offset: low };
  }
  return undefined;
}

/**
 * Maps a fix's edits into the template, re-encoding inserted text for the scalar's style. The
 * result is checked by applying both and reading the value back: a fix that would not produce
 * exactly the edited buildspec is dropped (undefined).
 */
export function mapEdits(template: ParsedDocument, embedded: EmbeddedBuildspec, edits: TextEdit[]): TextEdit[] | undefined {
  const { map } = embedded;
  if (!map.exact || !map.style) return undefined;
  const mapped: TextEdit[] = edits.map((edit) => ({
    start: toTemplateOffset(map, edit.start),
    end: toTemplateOffset(map, edit.end),
    newText: encode(edit.newText, map),
  }));
  const expected = applyEdits(embedded.doc.text, edits);
  const after = parse(applyEdits(template.text, mapped), template.fileName);
  const node = after.tree ? atPath(after.tree, embedded.path) : undefined;
  const decoded = node ? decodeValue(after, node) : undefined;
  return decoded?.text === expected ? mapped : undefined;
}

function encode(text: string, map: OffsetMap): string {
  switch (map.style) {
    case 'literal': return text.replace(/\n/g, `${map.eol ?? '\n'}${map.indent ?? ''}`);
    case 'double': return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
    case 'json': return JSON.stringify(text).slice(1, -1);
    default: return text;
  }
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function atPath(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const step of path) {
    if (node === undefined) return undefined;
    node = typeof step === 'number' ? (isSeq(node) ? node.items[step] : undefined) : get(node, step);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Decoding a template value into text + offsets

interface Decoded {
  text: string;
  map: OffsetMap;
}

/** The text of a string value, `Fn::Sub` of one, or `Fn::Join` of literal strings, with its offset map. */
export function decodeValue(doc: ParsedDocument, node: Node): Decoded | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? decodeScalar(doc, node) : undefined;
  const fn = soleKey(node);
  if (!isMap(node) || !fn) return undefined;
  const arg = node.pairs[0].value;
  if (fn === 'Fn::Sub') {
    const body = isSeq(arg) ? arg.items[0] : arg;
    return isScalar(body) && typeof body.value === 'string' ? decodeScalar(doc, body) : undefined;
  }
  if (fn === 'Fn::Join' && isSeq(arg) && arg.items.length === 2 && isSeq(arg.items[1])) {
    const delimiter = stringOf(arg.items[0]);
    if (delimiter === undefined) return undefined;
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let exact = true;
    let end = node.end;
    arg.items[1].items.forEach((item, i) => {
      if (i > 0) {
        text += delimiter;
        for (let k = 0; k < delimiter.length; k++) { starts.push(end); ends.push(end); }
      }
      const part = isScalar(item) && typeof item.value === 'string' ? decodeScalar(doc, item) : undefined;
      if (!part) { exact = false; return; }
      text += part.text;
      starts.push(...part.map.starts.slice(0, part.text.length));
      ends.push(...part.map.ends.slice(0, part.text.length));
      exact &&= part.map.exact;
      end = part.map.starts[part.text.length];
    });
    if (!exact) return coarse(text, node);
    starts.push(end);
    return { text, map: { starts, ends, exact: true } };
  }
  return undefined;
}

function coarse(text: string, node: Node): Decoded {
  return { text, map: { starts: new Array<number>(text.length + 1).fill(node.start), ends: new Array<number>(text.length).fill(node.start), exact: false } };
}

/** Decodes one scalar as written (block, quoted, JSON or plain) and checks it against the parser's value. */
function decodeScalar(doc: ParsedDocument, node: ScalarNode): Decoded {
  const value = String(node.value);
  const source = doc.text;
  const first = source[node.start];
  let result: { text: string; starts: number[]; ends: number[]; style?: OffsetMap['style']; indent?: string } | undefined;
  try {
    if (doc.format === 'json') result = first === '"' ? { ...decodeDouble(source, node.start, node.end, true), style: 'json' } : undefined;
    else if (first === '|' || first === '>') result = decodeBlock(source, node.start, node.end, first === '>');
    else if (first === '"') result = { ...decodeDouble(source, node.start, node.end, false), style: 'double' };
    else if (first === "'") result = decodeSingle(source, node.start, node.end);
    else if (!/[\r\n]/.test(source.slice(node.start, node.end))) result = plainLine(source, node.start, node.end);
  } catch {
    result = undefined;
  }
  if (!result) return coarse(value, node);
  // Block scalars end with chomped line breaks the source shows differently: compare without them.
  const strip = (s: string) => s.replace(/\n+$/, '');
  if (strip(result.text) !== strip(value)) return coarse(value, node);
  const starts = result.starts.slice(0, value.length);
  const ends = result.ends.slice(0, value.length);
  const last = result.starts[Math.min(result.text.length, result.starts.length - 1)] ?? node.end;
  while (starts.length < value.length) { starts.push(last); ends.push(last); }
  starts.push(value.length < result.text.length ? result.starts[value.length] : last);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  return { text: value, map: { starts, ends, exact: true, style: result.style, indent: result.indent, eol } };
}

function plainLine(source: string, start: number, end: number) {
  const text = source.slice(start, end);
  const starts = Array.from({ length: text.length + 1 }, (_, i) => start + i);
  const ends = Array.from({ length: text.length }, (_, i) => start + i + 1);
  return { text, starts, ends };
}

/** Length of the line break at `at` (2 for CRLF). */
function breakLength(source: string, at: number): number {
  return source[at] === '\r' && source[at + 1] === '\n' ? 2 : 1;
}

/** A `|` or `>` block scalar: header line, then lines indented at least `indent`. */
function decodeBlock(source: string, start: number, end: number, folded: boolean) {
  let i = start;
  let header = '';
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') header += source[i++];
  const explicit = /^[|>][+-]?(\d)|^[|>](\d)[+-]?/.exec(header);
  // Lines after the header.
  const lines: Array<{ start: number; text: string; breakAt: number }> = [];
  let pos = i;
  while (pos < source.length) {
    const breakLen = source[pos] === '\r' && source[pos + 1] === '\n' ? 2 : source[pos] === '\n' || source[pos] === '\r' ? 1 : 0;
    if (breakLen === 0) break;
    const lineStart = pos + breakLen;
    let lineEnd = lineStart;
    while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
    lines.push({ start: lineStart, text: source.slice(lineStart, lineEnd), breakAt: lineEnd });
    pos = lineEnd;
  }
  let indent: number | undefined;
  if (explicit) {
    const parentIndent = columnOf(source, start);
    indent = Number(explicit[1] ?? explicit[2]) + lineIndentOf(source, start, parentIndent);
  } else {
    const firstContent = lines.find((l) => l.text.trim() !== '');
    if (!firstContent) return { text: '', starts: [end], ends: [], style: 'literal' as const, indent: '' };
    indent = firstContent.text.length - firstContent.text.trimStart().length;
  }
  // Content lines: stop at the first non-empty line indented less than the block.
  const body: Array<{ start: number; text: string; breakAt: number }> = [];
  for (const line of lines) {
    const lead = line.text.length - line.text.trimStart().length;
    if (line.text.trim() !== '' && lead < indent) break;
    if (line.text.trim() !== '' && line.text.trimStart().startsWith('#') && lead < indent) break;
    body.push(line.text.length >= indent ? { start: line.start + indent, text: line.text.slice(indent), breakAt: line.breakAt } : { start: line.breakAt, text: '', breakAt: line.breakAt });
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const lineBreak = (at: number, char: string) => { text += char; starts.push(at); ends.push(at + breakLength(source, at)); };
  for (let k = 0; k < body.length; k++) {
    const line = body[k];
    for (let c = 0; c < line.text.length; c++) { text += line.text[c]; starts.push(line.start + c); ends.push(line.start + c + 1); }
    if (k === body.length - 1) { lineBreak(line.breakAt, '\n'); break; }
    if (!folded) { lineBreak(line.breakAt, '\n'); continue; }
    // Folding: a break between two "normal" lines becomes a space; empty lines become breaks.
    const next = body[k + 1];
    const moreIndented = (l: { text: string }) => /^[ \t]/.test(l.text);
    if (line.text === '' || moreIndented(line) || next.text === '' || moreIndented(next)) {
      if (line.text !== '' && next.text === '') {
        // The break before a run of empty lines is dropped (unless more-indented lines surround it).
        if (moreIndented(line)) lineBreak(line.breakAt, '\n');
        continue;
      }
      lineBreak(line.breakAt, '\n');
    } else {
      lineBreak(line.breakAt, ' ');
    }
  }
  starts.push(body.length ? body[body.length - 1].breakAt : end);
  return { text, starts, ends, style: folded ? undefined : ('literal' as const), indent: ' '.repeat(indent) };
}

function columnOf(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return offset - i;
}

/** Indentation of the line holding `offset` (the parent's indentation for an explicit indicator). */
function lineIndentOf(source: string, offset: number, _column: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  let n = 0;
  while (source[i + n] === ' ') n++;
  return n;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A double-quoted YAML scalar or a JSON string: escapes, and (YAML only) line folding. */
function decodeDouble(source: string, start: number, end: number, json: boolean) {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = start + 1;
  const close = end - 1;
  while (i < close) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === 'u' || next === 'x' || next === 'U') {
        const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const code = parseInt(source.slice(i + 2, i + 2 + len), 16);
        const chars = String.fromCodePoint(code);
        for (const c of chars) { text += c; starts.push(i); ends.push(i + 2 + len); }
        i += 2 + len;
        continue;
      }
      if (!json && (next === '\n' || next === '\r')) {
        // Escaped line break: joins the lines, dropping the next line's leading white space.
        i += next === '\r' && source[i + 2] === '\n' ? 3 : 2;
        while (source[i] === ' ' || source[i] === '\t') i++;
        continue;
      }
      const mapped = SIMPLE_ESCAPES[next];
      if (mapped === undefined) throw new Error('unknown escape');
      text += mapped; starts.push(i); ends.push(i + 2);
      i += 2;
      continue;
    }
    if (!json && (ch === '\n' || ch === '\r')) {
      i = fold(source, i, close, text, starts, ends, (t) => { text = t; });
      continue;
    }
    text += ch; starts.push(i); ends.push(i + 1);
    i++;
  }
  starts.push(close);
  return { text, starts, ends };
}

/** A single-quoted YAML scalar: `''` is a quote; line folding as in double quotes. */
function decodeSingle(source: string, start: number, end: number) {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = start + 1;
  const close = end - 1;
  while (i < close) {
    const ch = source[i];
    if (ch === "'" && source[i + 1] === "'") { text += "'"; starts.push(i); ends.push(i + 2); i += 2; continue; }
    if (ch === '\n' || ch === '\r') { i = fold(source, i, close, text, starts, ends, (t) => { text = t; }); continue; }
    text += ch; starts.push(i); ends.push(i + 1);
    i++;
  }
  starts.push(close);
  return { text, starts, ends };
}

/**
 * Line folding inside a flow scalar, at a line break: trailing white space of the line is
 * dropped, then one break becomes a space and each further empty line becomes a line feed.
 */
function fold(source: string, at: number, close: number, text: string, starts: number[], ends: number[], set: (t: string) => void): number {
  let trimmed = text;
  while (trimmed.endsWith(' ') || trimmed.endsWith('\t')) { trimmed = trimmed.slice(0, -1); starts.pop(); ends.pop(); }
  let i = at;
  let breaks = 0;
  const firstBreak = at;
  while (i < close) {
    if (source[i] === '\r' && source[i + 1] === '\n') { breaks++; i += 2; }
    else if (source[i] === '\n' || source[i] === '\r') { breaks++; i++; }
    else if (source[i] === ' ' || source[i] === '\t') i++;
    else break;
  }
  const breakEnd = firstBreak + breakLength(source, firstBreak);
  if (breaks === 1) { trimmed += ' '; starts.push(firstBreak); ends.push(breakEnd); }
  else for (let k = 1; k < breaks; k++) { trimmed += '\n'; starts.push(firstBreak); ends.push(breakEnd); }
  set(trimmed);
  return i;
}

import { Alias, Composer, Document, isAlias, isMap, isPair, isScalar, isSeq, Parser, Scalar, YAMLParseError } from 'yaml';
import { MAX_NESTING, yamlTokensTooDeep } from './depth';
import type { MapNode, Node, Pair, ScalarNode, ScalarValue } from './tree';
import { SHORT_TAGS } from './intrinsics';
import type { ParseError } from './errors';

type YamlNode = NonNullable<Document['contents']>;

/** Parses YAML into the neutral tree. Aliases share the converted anchor node, so alias bombs stay small. */
export function parseYaml(text: string): { tree: Node | undefined; errors: ParseError[] } {
  // `uniqueKeys: false`: the library compares each key with every earlier key of its map, which is
  // quadratic (16,000 resources: 16 s instead of 4 s). The converter finds duplicates with a set.
  const doc = withoutStackTraces(() => composeFirst(text));
  if (!doc) return { tree: undefined, errors: [{ message: `The document nests more than ${MAX_NESTING} levels deep, more than IaC Notes reads`, start: 0, end: 0 }] };
  const errors: ParseError[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] + indentationHint(text, e.code, e.pos[0]),
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0] + 1),
  }));
  if (doc.contents == null) return { tree: undefined, errors };
  const converter = new YamlConverter(text, doc);
  const tree = converter.convert(doc.contents as YamlNode);
  if (converter.duplicates.length > 0) {
    errors.push(...converter.duplicates);
    errors.sort((a, b) => a.start - b.start);
  }
  return { tree, errors };
}

/**
 * The two errors PyYAML (and, presumably, CloudFormation) does not raise: a continuation line of a quoted
 * value, or a line of a flow collection, indented no deeper than its key. YAML 1.2 requires the
 * indentation and the `yaml` library has no option to relax it (its lexer ends the value at the
 * under-indented line), so the file stays unread; the message says what to change.
 */
function indentationHint(text: string, code: string, at: number): string {
  if (code === 'BAD_INDENT' && /^\s*[\]}]/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at + 1))) {
    return ' (a closing bracket is indented no deeper than its key: YAML 1.2 requires it deeper; PyYAML accepts it)';
  }
  if (code === 'MISSING_CHAR' && (text[at] === '\n' || text[at] === '\r') && /^[^\s#]/.test(text.slice(text.indexOf('\n', at) + 1, text.indexOf('\n', at) + 2))) {
    return ' (the next line is not indented: a quoted value continued on another line must be indented; PyYAML accepts it, YAML 1.2 does not)';
  }
  return '';
}

/**
 * `parseDocument` in two steps, so the nesting can be measured in between: the lexer and CST
 * parser keep their own stacks, the composer recurses (depth.ts). Undefined when too deep.
 * Like `parseDocument`, only the first document is read; a second one is an error.
 */
function composeFirst(text: string): Document | undefined {
  const tokens = Array.from(new Parser().parse(text));
  if (yamlTokensTooDeep(tokens)) return undefined;
  const composer = new Composer({ prettyErrors: false, strict: false, stringKeys: false, uniqueKeys: false });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next as Document;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc;
}

/**
 * Runs `fn` with stack traces off. The library makes an Error for each syntax error; where the
 * host keeps long traces (Mocha sets an unlimited depth) a broken, deeply nested file makes
 * hundreds of them, each copying thousands of frames: seconds spent on traces nobody reads.
 */
function withoutStackTraces<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

class YamlConverter {
  private readonly seen = new Map<unknown, Node>();
  /** "Map keys must be unique", as the library reports it with `uniqueKeys` on (same key values, same positions). */
  readonly duplicates: ParseError[] = [];

  constructor(private readonly text: string, private readonly doc: Document) {}

  convert(node: YamlNode | Alias | null | undefined): Node {
    if (node == null) return { type: 'scalar', value: null, start: 0, end: 0 };
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      const cached = target ? this.seen.get(target) : undefined;
      if (cached) return cached;
      const [start, , end] = node.range ?? [0, 0, 0];
      return { type: 'scalar', value: null, start, end };
    }
    const cached = this.seen.get(node);
    if (cached) return cached;
    const inner = this.convertUntagged(node);
    const tag = (node as { tag?: string }).tag;
    if (tag && SHORT_TAGS.has(tag)) return this.wrapShortTag(node, tag, inner);
    if (tag && !tag.startsWith('tag:yaml.org,2002:')) inner.tag = tag;
    return inner;
  }

  private convertUntagged(node: YamlNode): Node {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (isScalar(node)) {
      const scalar: ScalarNode = { type: 'scalar', value: scalarValue(node.value), start, end: valueEnd };
      if (node.type && node.type !== Scalar.PLAIN) scalar.quoted = true;
      this.seen.set(node, scalar);
      return scalar;
    }
    if (isMap(node)) {
      const map: MapNode = { type: 'map', pairs: [], start, end: valueEnd };
      if (node.flow) map.flow = true;
      this.seen.set(node, map);
      const keys = node.items.length > 1 ? new Set<unknown>() : undefined;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        if (keys && isScalar(item.key)) {
          const value = item.key.value;
          if (keys.has(value)) {
            const at = item.key.range?.[0] ?? 0;
            this.duplicates.push({ message: 'Map keys must be unique', start: at, end: at + 1 });
          } else keys.add(value);
        }
        const key = this.convertKey(item.key as YamlNode | null);
        const value = item.value == null ? null : this.convert(item.value as YamlNode);
        const pair: Pair = { key, value, start: key.start, end: value ? Math.max(value.end, key.end) : key.end };
        map.pairs.push(pair);
      }
      return map;
    }
    if (isSeq(node)) {
      const seq: Node = { type: 'seq', items: [], start, end: valueEnd };
      if (node.flow) seq.flow = true;
      this.seen.set(node, seq);
      for (const item of node.items) seq.items.push(this.convert(item as YamlNode));
      return seq;
    }
    return { type: 'scalar', value: null, start, end: valueEnd };
  }

  /** Map keys are always text in CloudFormation and JSON; a YAML key `200` is the string "200". */
  private convertKey(key: YamlNode | null): ScalarNode {
    if (key == null) return { type: 'scalar', value: '', start: 0, end: 0 };
    const [start, end] = key.range ?? [0, 0];
    if (isScalar(key)) {
      const value = key.value == null ? '' : String(key.value);
      return { type: 'scalar', value, start, end };
    }
    return { type: 'scalar', value: this.text.slice(start, end), start, end };
  }

  /** `!GetAtt A.Arn` becomes `{Fn::GetAtt: A.Arn}`, the key spanning the tag as written. */
  private wrapShortTag(node: YamlNode, tag: string, inner: Node): Node {
    const tagStart = this.findTag(tag, inner.start);
    const keyNode: ScalarNode = { type: 'scalar', value: SHORT_TAGS.get(tag)!, start: tagStart, end: tagStart + tag.length };
    const wrapped: MapNode = {
      type: 'map',
      short: true,
      start: tagStart,
      end: inner.end,
      pairs: [{ key: keyNode, value: inner, start: tagStart, end: inner.end }],
    };
    this.seen.set(node, wrapped);
    return wrapped;
  }

  private findTag(tag: string, before: number): number {
    const from = Math.max(0, before - tag.length);
    const found = this.text.lastIndexOf(tag, from);
    return found >= 0 && before - found < 4096 ? found : before;
  }
}

function scalarValue(value: unknown): ScalarValue {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

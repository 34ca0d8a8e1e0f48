/**
 * Seeded mutations of real files (issue 8): the rule fixtures and a fixed sample of
 * ../shared/corpus, truncated, cut, spliced, re-indented and retyped. The same seed gives the same
 * inputs on every machine; a failure names the file, the seed and the mutation so it reproduces.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, type Node } from '../../../src/engine/parse';
import { corpusDir, corpusFiles, exercise, fixtureFiles, lintNameOf, random, type Rng } from './harness';

const ATOMS = [':', ': ', '- ', '? ', '[', ']', '{', '}', ',', '#', '&x ', '*x', '!Ref ', '!GetAtt ', '!Sub ', '!If ', '!Foo ', '!!str ', '|', '>-', "'", '"', '%', '@', '`',
  '\n', '\n  ', '\t', '\r', '\r\n', '---\n', '...\n', '<<: ', '~', 'null', '1e999', '-1', '0x', '\\', '\u0000', '\ufeff', '\ud800', '日本'];

/** Values that put the wrong kind of thing where a rule expects another (YAML flow or JSON). */
const YAML_SWAPS = ['[1, 2]', '{a: 1}', '"x"', "''", '42', '-1', '0', '1e400', '.nan', 'null', '~', 'true', '[]', '{}', '!Ref {a: b}', '!Ref [x]', '!GetAtt', '!GetAtt [x]',
  '!Sub [1, 2]', '!If [c]', '!If [c, 1]', '!FindInMap [a]', '!Select [x, y]', '!Foo bar', '!!binary aGk=', 'AWS::NoValue', '!Ref AWS::NoValue', '*nowhere', '[[[[]]]]', '{Ref: {Ref: {Ref: x}}}'];
const JSON_SWAPS = ['[1, 2]', '{"a": 1}', '"x"', '""', '42', '-1', '0', '1e400', 'null', 'true', '[]', '{}', '{"Ref": {"a": "b"}}', '{"Ref": ["x"]}', '{"Fn::GetAtt": []}', '{"Fn::GetAtt": "x"}',
  '{"Fn::If": ["c"]}', '{"Fn::If": "c"}', '{"Fn::FindInMap": ["a"]}', '{"Fn::Sub": [1, 2]}', '{"Fn::Select": ["x", "y"]}', '{"Ref": "AWS::NoValue"}', '[[[[]]]]'];

type Mutation = (text: string, rng: Rng) => { text: string; what: string };

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const MUTATIONS: Mutation[] = [
  (t, r) => { const at = r.int(t.length + 1); return { text: t.slice(0, at), what: `truncate at ${at}` }; },
  (t, r) => { const at = r.int(t.length + 1); const n = r.int(200); return { text: t.slice(0, at) + t.slice(at + n), what: `delete ${n} at ${at}` }; },
  (t, r) => {
    let out = t;
    const n = 1 + r.int(4);
    for (let i = 0; i < n; i++) { const at = r.int(out.length + 1); out = out.slice(0, at) + r.pick(ATOMS) + out.slice(at); }
    return { text: out, what: `insert ${n} atoms` };
  },
  (t, r) => {
    const starts = lineStarts(t);
    const line = r.int(starts.length);
    const end = line + 1 < starts.length ? starts[line + 1] : t.length;
    return { text: t.slice(0, end) + t.slice(starts[line], end) + t.slice(end), what: `duplicate line ${line}` };
  },
  (t, r) => {
    const starts = lineStarts(t);
    const line = r.int(starts.length);
    const at = starts[line];
    const change = r.pick(['add', 'remove', 'tab']);
    if (change === 'add') return { text: `${t.slice(0, at)}${' '.repeat(1 + r.int(3))}${t.slice(at)}`, what: `indent line ${line}` };
    if (change === 'tab') return { text: `${t.slice(0, at)}\t${t.slice(at)}`, what: `tab before line ${line}` };
    let n = 0;
    while (n < 3 && t[at + n] === ' ') n++;
    return { text: t.slice(0, at) + t.slice(at + n), what: `dedent line ${line}` };
  },
  (t, r) => {
    const lines = t.split('\n');
    const a = r.int(lines.length);
    const b = r.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return { text: lines.join('\n'), what: `swap lines ${a} and ${b}` };
  },
  (t, r) => {
    let out = '';
    for (let i = 0; i < t.length; i++) out += r.next() < 0.01 ? String.fromCharCode(r.int(0x3000)) : t[i];
    return { text: out, what: 'flip 1% of the characters' };
  },
  (t, r) => {
    const ending = r.pick(['\r\n', '\r']);
    return { text: t.replace(/\r?\n/g, ending), what: `line endings ${JSON.stringify(ending)}` };
  },
  (t, r) => {
    const start = r.int(t.length + 1);
    const end = Math.min(t.length, start + r.int(400));
    const at = r.int(t.length + 1);
    return { text: t.slice(0, at) + t.slice(start, end) + t.slice(at), what: `copy ${start}-${end} to ${at}` };
  },
];

function nodesOf(root: Node | undefined): Node[] {
  const out: Node[] = [];
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0 && out.length < 5000) {
    const node = stack.pop()!;
    out.push(node);
    if (node.type === 'map') for (const pair of node.pairs) { if (pair.value) stack.push(pair.value); }
    else if (node.type === 'seq') stack.push(...node.items);
  }
  return out;
}

/** The same sample of the corpus on every run: every ninth file, as sorted, up to 100 KB. */
function corpusSample(): string[] {
  return corpusFiles().filter((file, i) => i % 9 === 0 && fs.statSync(file).size <= 100_000);
}

describe('hostile input: seeded mutations of real files', () => {
  const fixtures = fixtureFiles();
  const sample = corpusSample();

  it(`mutates each of the ${fixtures.length} rule fixtures 4 times`, function () {
    this.timeout(120_000);
    const rng = random(0xf1c5);
    for (const file of fixtures) {
      const text = fs.readFileSync(file, 'utf8');
      for (let i = 0; i < 4; i++) {
        const { text: mutated, what } = rng.pick(MUTATIONS)(text, rng);
        exercise(`${path.basename(path.dirname(file))}/${path.basename(file)}: ${what}`, mutated, lintNameOf(file), { hovers: 8, seed: i });
      }
    }
  });

  it('puts the wrong kind of value at random nodes of each rule fixture', function () {
    this.timeout(120_000);
    const rng = random(0x7e57);
    for (const file of fixtures) {
      const text = fs.readFileSync(file, 'utf8');
      const doc = parse(text, lintNameOf(file));
      const nodes = nodesOf(doc.tree).filter((n) => n !== doc.tree && n.end > n.start);
      const swaps = doc.format === 'json' ? JSON_SWAPS : YAML_SWAPS;
      for (let i = 0; i < Math.min(6, nodes.length); i++) {
        const node = rng.pick(nodes);
        const swap = rng.pick(swaps);
        const mutated = doc.text.slice(0, node.start) + swap + doc.text.slice(node.end);
        exercise(`${path.basename(path.dirname(file))}/${path.basename(file)}: ${JSON.stringify(doc.text.slice(node.start, Math.min(node.end, node.start + 40)))} → ${swap}`, mutated, lintNameOf(file), { hovers: 6, seed: i });
      }
    }
  });

  it('mutates a fixed sample of the corpus 3 times each', function () {
    if (sample.length === 0) this.skip();
    this.timeout(180_000);
    const rng = random(0xc0ffee);
    for (const file of sample) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.relative(corpusDir, file);
      for (let i = 0; i < 3; i++) {
        const { text: mutated, what } = rng.pick(MUTATIONS)(text, rng);
        exercise(`${name}: ${what}`, mutated, path.basename(file), { hovers: 8, seed: i });
      }
    }
  });

  it('retypes random nodes of the same corpus sample', function () {
    if (sample.length === 0) this.skip();
    this.timeout(180_000);
    const rng = random(0xdead);
    for (const file of sample) {
      const text = fs.readFileSync(file, 'utf8');
      const doc = parse(text, file);
      const nodes = nodesOf(doc.tree).filter((n) => n !== doc.tree && n.end > n.start);
      if (nodes.length === 0) continue;
      const swaps = doc.format === 'json' ? JSON_SWAPS : YAML_SWAPS;
      for (let i = 0; i < 3; i++) {
        const node = rng.pick(nodes);
        const swap = rng.pick(swaps);
        exercise(`${path.relative(corpusDir, file)}: node at ${node.start} → ${swap}`, doc.text.slice(0, node.start) + swap + doc.text.slice(node.end), path.basename(file), { hovers: 4, seed: i });
      }
    }
  });

  it('truncates corpus files at every line of a few of them', function () {
    if (sample.length === 0) this.skip();
    this.timeout(120_000);
    const rng = random(0x7a11);
    for (let k = 0; k < 4; k++) {
      const file = rng.pick(sample.filter((f) => fs.statSync(f).size < 12_000));
      const text = fs.readFileSync(file, 'utf8');
      const starts = lineStarts(text);
      for (const at of starts) exercise(`${path.relative(corpusDir, file)}: truncated at ${at}`, text.slice(0, at), path.basename(file), { hovers: 2, seed: at, fixes: false });
    }
  });
});

#!/usr/bin/env node
// `npm run bench` (issue 7): in-process and cold-process figures for parse, lint, hover, lookup,
// knowledge load, activation, bundle size and heap, on ../shared/bench/{small,medium,large}.{yaml,json}
// and the whole ../shared/corpus, each as a median and as a ratio to the bare `yaml` parse of the
// same text measured in the same run (interleaved, so both see the same machine load).
//
//   npm run bench                       print the tables
//   npm run bench -- --write            also rewrite the tables in docs/BENCHMARKS.md
//   npm run bench -- --quick            fewer repetitions (a smoke run of the harness)
//   npm run bench -- --only=inproc,cold,hover,lookup,startup,heap,scaling,scan,browser
//   (with --write, a partial run replaces only its own parts' tables in docs/BENCHMARKS.md)
//
// `browser` (scripts/bench/browser.js) types in large.yaml in code-server + Chromium with the
// packaged extension installed (see test/harness/README.md for what it needs).
//
// Needs `npm run build && npm run compile-tests` (the npm script does both). Writes
// test-results/bench.json. Timing is never asserted: the figures are for people to read.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, percentile } = require('./stats');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const BENCH = path.join(SHARED, 'bench');
const CORPUS = path.join(SHARED, 'corpus');
const DOC = path.join(ROOT, 'docs', 'BENCHMARKS.md');
const RESULTS = path.join(ROOT, 'test-results', 'bench.json');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXTENSION = path.join(ROOT, 'dist', 'extension.js');

const args = process.argv.slice(2);
const WRITE = args.includes('--write');
const QUICK = args.includes('--quick');
const ONLY = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length).split(',').filter(Boolean);
const want = (part) => ONLY.length === 0 || ONLY.includes(part);

const YAML = require(path.join(ROOT, 'node_modules', 'yaml'));
const engine = require(path.join(ROOT, 'out', 'src', 'engine'));

// ---------------------------------------------------------------------------------------------
// Measuring

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs each function in `fns` once per round, in turn, for at least `minRounds` rounds and until
 * `minMs` have passed (at most `maxRounds`), after `warmup` untimed rounds. Interleaving means a
 * burst of load from elsewhere hits every contender alike. Returns the median per function.
 */
function race(fns, { warmup = 3, warmupMs = 500, minRounds = 11, maxRounds = 400, minMs = 2500 } = {}) {
  if (QUICK) { warmup = 1; warmupMs = 0; minRounds = 3; maxRounds = 20; minMs = 200; }
  const names = Object.keys(fns);
  // Warm up by rounds and by time: small inputs need many calls before the JIT settles.
  const warmStart = now();
  for (let i = 0; i < warmup || (now() - warmStart < warmupMs && i < 2000); i++) for (const name of names) fns[name]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const start = now();
  for (let round = 0; round < maxRounds && (round < minRounds || now() - start < minMs); round++) {
    for (const name of names) {
      const t0 = now();
      fns[name]();
      times[name].push(now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(times[n]), runs: times[n].length, times: times[n] }]));
}

/**
 * The median of the per-round ratios a/b: the two ran back to back in each round, so a burst of
 * load from elsewhere mostly hits both; the ratio of the medians is shown beside it.
 */
function pairedRatio(a, b) {
  return median(a.times.map((t, i) => t / b.times[i]));
}

/** Wall time of a child process, median of interleaved runs. */
function coldRace(commands, rounds = QUICK ? 3 : 9) {
  const names = Object.keys(commands);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const outputs = {};
  for (const name of names) run(commands[name]); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      const t0 = now();
      outputs[name] = run(commands[name]);
      times[name].push(now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(times[n]), runs: rounds, output: outputs[n], times: times[n] }]));
}

function run(argv) {
  const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;

// ---------------------------------------------------------------------------------------------
// Inputs

const BENCH_FILES = ['small', 'medium', 'large'].flatMap((size) => ['yaml', 'json'].map((ext) => path.join(BENCH, `${size}.${ext}`))).filter((f) => fs.existsSync(f));

function corpusFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full); } else if (entry.isFile() && /\.(ya?ml|json|template)$/i.test(entry.name)) out.push(full);
    }
  };
  if (fs.existsSync(CORPUS)) walk(CORPUS);
  return out;
}

function lines(text) {
  return text.split(/\r\n|\r|\n/).length;
}

// ---------------------------------------------------------------------------------------------
// Parts

const results = { when: new Date().toISOString(), machine: machine(), parts: {} };
/** [title, header, rows, part]: the part is set by main() for every table a part adds. */
const tables = [];

function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, model: cpus[0] ? cpus[0].model : '?', node: process.version, load: os.loadavg().map((l) => l.toFixed(2)), memoryGB: (os.totalmem() / 2 ** 30).toFixed(1) };
}

/**
 * Warm-up of the in-process lint race: the figure is the steady state of an editor that has been
 * linting for a while. The engine compiles the code of every rule a lint runs (about 40 on
 * small.yaml) against one parser for the bare parse, and V8 optimises a function only after many
 * calls: on small.yaml the ratio was 1.44× over the first 100 rounds, 1.25× by round 500 and
 * about 1.15× by round 2,000 (2026-11-21). 4 s is about 800 rounds of small.yaml. The cold table
 * measures the other end, a fresh process per run.
 */
const INPROC_WARMUP = { warmup: 3, warmupMs: 4000 };

function inProcess() {
  const rows = [];
  for (const file of BENCH_FILES) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const r = race({
      bare: () => YAML.parseDocument(text),
      bareNoUnique: () => YAML.parseDocument(text, { uniqueKeys: false }),
      parse: () => engine.parse(text, name),
      lint: () => engine.lintText(text, name),
      ...(name.endsWith('.json') ? { jsonParse: () => JSON.parse(text) } : {}),
    }, INPROC_WARMUP);
    rows.push({ file: name, bytes: Buffer.byteLength(text), lines: lines(text), bare: r.bare.median, bareNoUnique: r.bareNoUnique.median, parse: r.parse.median, lint: r.lint.median, jsonParse: r.jsonParse && r.jsonParse.median, runs: r.lint.runs, ratio: pairedRatio(r.lint, r.bare), ratioNoUnique: pairedRatio(r.lint, r.bareNoUnique) });
  }
  // The whole corpus: one pass per round over every file.
  const texts = corpusFiles().map((f) => ({ name: f, text: fs.readFileSync(f, 'utf8') }));
  if (texts.length) {
    const r = race({
      bare: () => { for (const t of texts) YAML.parseDocument(t.text); },
      bareNoUnique: () => { for (const t of texts) YAML.parseDocument(t.text, { uniqueKeys: false }); },
      parse: () => { for (const t of texts) engine.parse(t.text, t.name); },
      lint: () => { for (const t of texts) engine.lintText(t.text, t.name); },
    }, { warmup: 1, minRounds: 5, maxRounds: 15, minMs: 0 });
    rows.push({ file: `corpus (${texts.length} files)`, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0), lines: texts.reduce((n, t) => n + lines(t.text), 0), bare: r.bare.median, bareNoUnique: r.bareNoUnique.median, parse: r.parse.median, lint: r.lint.median, runs: r.lint.runs, ratio: pairedRatio(r.lint, r.bare), ratioNoUnique: pairedRatio(r.lint, r.bareNoUnique) });
  }
  results.parts.inProcess = rows;
  const byName = Object.fromEntries(rows.map((r) => [r.file, r]));
  tables.push(['In-process (warm), median ms; ratios are medians of per-round ratios', ['file', 'size', 'lines', 'bare `yaml` parse', 'bare, `uniqueKeys: false`', 'engine parse', 'lint (parse + rules)', 'lint ÷ bare', 'budget ≤ 1.25×', 'lint ÷ bare without key check', 'rounds'],
    rows.map((r) => [r.file, kb(r.bytes), r.lines, ms(r.bare), ms(r.bareNoUnique), ms(r.parse), ms(r.lint), `${r.ratio.toFixed(2)}×`, r.ratio <= 1.25 ? 'met' : '**missed**', `${r.ratioNoUnique.toFixed(2)}×`, r.runs])]);
  const json = [];
  for (const size of ['small', 'medium', 'large']) {
    const y = byName[`${size}.yaml`];
    const j = byName[`${size}.json`];
    if (y && j) json.push([size, ms(y.lint), ms(j.lint), ms(j.jsonParse), ratio(j.lint, y.lint), j.lint <= y.lint ? 'met' : '**missed**']);
  }
  if (json.length) tables.push(['JSON twin against YAML (in-process lint, median ms)', ['template', 'YAML lint', 'JSON lint', '`JSON.parse` alone', 'JSON ÷ YAML', 'budget ≤ 1×'], json]);
}

function hovers() {
  const rows = [];
  for (const file of BENCH_FILES) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const doc = engine.parse(text, name);
    const detection = engine.detectKind(name, doc.tree);
    const count = QUICK ? 200 : 2000;
    const offsets = Array.from({ length: count }, (_, i) => Math.floor((i + 0.5) * text.length / count));
    for (const o of offsets.slice(0, 100)) engine.hover(doc, o, { lang: 'en' }, detection);
    const times = [];
    let shown = 0;
    for (const offset of offsets) {
      const t0 = now();
      const h = engine.hover(doc, offset, { lang: 'en' }, detection);
      times.push(now() - t0);
      if (h) shown++;
    }
    const bare = race({ bare: () => YAML.parseDocument(text) }, { minRounds: 5, minMs: 500 }).bare.median;
    rows.push({ file: name, hovers: count, shown, median: median(times), p95: percentile(times, 0.95), max: Math.max(...times), bare });
  }
  results.parts.hover = rows;
  tables.push(['Hover on an already-parsed document (ms per hover, evenly spread positions)', ['file', 'hovers (with a note)', 'median', 'p95', 'max', 'median ÷ bare parse', 'budget < 1%'],
    rows.map((r) => [r.file, `${r.hovers} (${r.shown})`, ms(r.median), ms(r.p95), ms(r.max), `${(100 * r.median / r.bare).toFixed(3)}%`, r.median < 0.01 * r.bare ? 'met' : '**missed**'])]);
}

function lookups() {
  const queries = ['visibility timeout', '可視性タイムアウト', 'hook order', '400KB', 'lambda timeout', 'バッチサイズ', 'dlq', 'zzzz'];
  engine.lookup('warm up');
  const r = race(Object.fromEntries(queries.map((q) => [q, () => engine.lookup(q)])), { minMs: 800 });
  results.parts.lookup = Object.fromEntries(queries.map((q) => [q, r[q].median]));
  tables.push(['Lookup (warm index, median ms per query)', ['query', 'median', 'hits'], queries.map((q) => [q, ms(r[q].median), engine.lookup(q).length])]);
}

/** Cold-process figures: each in a fresh `node`, as the CLI and the editor pay them. */
function startup() {
  const probe = path.join(__dirname, 'probe.js');
  const rounds = QUICK ? 3 : 9;
  const samples = [];
  for (let i = 0; i < rounds; i++) samples.push(JSON.parse(run([probe, 'startup'])));
  const pick = (key) => median(samples.map((s) => s[key]));
  const sizes = [EXTENSION, CLI].filter((f) => fs.existsSync(f)).map((f) => {
    const bytes = fs.readFileSync(f);
    return { file: path.relative(ROOT, f), bytes: bytes.length, gzip: zlib.gzipSync(bytes).length };
  });
  results.parts.startup = { requireExtension: pick('requireExtension'), activate: pick('activate'), knowledge: pick('knowledge'), firstLookup: pick('firstLookup'), chunkedTotal: pick('chunkedTotal'), chunkedLongestBlock: pick('chunkedLongestBlock'), requireEngine: pick('requireEngine'), sizes };
  tables.push(['Start-up (fresh process each, median of ' + rounds + ')', ['what', 'ms'], [
    ['load dist/extension.js (bundle; the notes inside it are one JSON string, not parsed yet)', ms(pick('requireExtension'))],
    ['activate() (stub `vscode`: registers providers, indexes nothing)', ms(pick('activate'))],
    [`knowledge load on first use (parse the notes' JSON string, index ${engine.getKnowledge().entries.length} notes for hovers and rules)`, ms(pick('knowledge'))],
    ['first `lookup()` (CLI: builds the search index at once)', ms(pick('firstLookup'))],
    ['editor: search index built in chunks while the picker opens — total', ms(pick('chunkedTotal'))],
    ['editor: … longest single block of the extension host during that build', ms(pick('chunkedLongestBlock'))],
  ]]);
  tables.push(['Bundle size', ['file', 'bytes', 'gzip'], sizes.map((s) => [s.file, kb(s.bytes), kb(s.gzip)])]);
}

function heap() {
  const probe = path.join(__dirname, 'probe.js');
  const out = JSON.parse(run(['--expose-gc', probe, 'heap']));
  results.parts.heap = out;
  tables.push(['Heap after opening 20 templates (parsed and linted, kept as the editor caches them)', ['what', 'value'], [
    ['templates', `${out.files} (${kb(out.bytes)} of text: the 20 largest corpus templates)`],
    ['heap before (engine and notes loaded)', `${(out.before / 2 ** 20).toFixed(1)} MB`],
    ['heap after, documents held', `${(out.after / 2 ** 20).toFixed(1)} MB`],
    ['growth per KB of template text', `${(out.growthPerKB / 1024).toFixed(1)} KB`],
  ]]);
}

function cold() {
  const bare = path.join(__dirname, 'bare-parse.js');
  const rows = [];
  const targets = [...BENCH_FILES.map((f) => [path.basename(f), [f]]), ...(fs.existsSync(CORPUS) ? [['corpus (folder)', [CORPUS]]] : [])];
  for (const [label, files] of targets) {
    const r = coldRace({ bare: [bare, ...files], lint: [CLI, 'lint', '--format', 'json', ...files] }, QUICK ? 3 : label.startsWith('corpus') ? 5 : 9);
    rows.push({ file: label, bare: r.bare.median, lint: r.lint.median, runs: r.lint.runs, ratio: pairedRatio(r.lint, r.bare) });
  }
  const node = coldRace({ node: ['-e', '0'] }).node.median;
  results.parts.cold = { rows, nodeStartup: node };
  tables.push([`Cold process (fresh \`node\` per run; \`node -e 0\` alone: ${ms(node)} ms), median ms; ratio: median of per-round ratios`, ['input', 'bare: node + `yaml` parse', 'iac-notes lint (CLI)', 'lint ÷ bare', 'budget ≤ 1.5×', 'runs'],
    rows.map((r) => [r.file, ms(r.bare), ms(r.lint), `${r.ratio.toFixed(2)}×`, r.ratio <= 1.5 ? 'met' : '**missed**', r.runs])]);
}

/** Lint time against template size: large.yaml's resources copied 1, 2 and 4 times under new names. */
function scaling() {
  const large = path.join(BENCH, 'large.yaml');
  if (!fs.existsSync(large)) return;
  const base = fs.readFileSync(large, 'utf8');
  const doc = engine.parse(base, 'large.yaml');
  const resources = doc.tree.pairs.find((p) => p.key.value === 'Resources');
  const names = resources.value.pairs.map((p) => String(p.key.value));
  const head = base.slice(0, resources.value.start);
  const body = base.slice(resources.value.start, resources.value.end);
  const tail = base.slice(resources.value.end);
  const nameRe = new RegExp(`\\b(${names.sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
  const rows = [];
  const variants = [];
  for (const copies of [1, 2, 4]) {
    let text = head + body;
    for (let c = 2; c <= copies; c++) text += `\n${body.replace(nameRe, `$1C${c}`)}`;
    text += tail;
    variants.push({ copies, text, resources: names.length * copies });
  }
  for (const v of variants) {
    const r = race({ bare: () => YAML.parseDocument(v.text), lint: () => engine.lintText(v.text, 'scaled.yaml') }, { minRounds: 5, minMs: 1000 });
    rows.push({ copies: v.copies, resources: v.resources, bytes: Buffer.byteLength(v.text), bare: r.bare.median, lint: r.lint.median, findings: engine.lintText(v.text, 'scaled.yaml').findings.length });
  }
  results.parts.scaling = rows;
  const first = rows[0];
  tables.push(['Scaling: large.yaml\'s resources copied under new names (in-process, median ms)', ['copies', 'resources', 'size', 'bare parse', 'lint', 'lint per resource (µs)', 'lint ÷ 1 copy', 'findings'],
    rows.map((r) => [r.copies, r.resources, kb(r.bytes), ms(r.bare), ms(r.lint), (1000 * r.lint / r.resources).toFixed(0), ratio(r.lint, first.lint), r.findings])]);
}

/** A repository of 1,000 YAML files (corpus files copied round-robin): the CLI over the folder, cold. */
function scan() {
  const files = corpusFiles().filter((f) => /\.ya?ml$/i.test(f));
  if (files.length === 0) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-scan-'));
  try {
    let bytes = 0;
    for (let i = 0; i < 1000; i++) {
      const source = files[i % files.length];
      const sub = path.join(dir, `p${Math.floor(i / 50)}`);
      fs.mkdirSync(sub, { recursive: true });
      const text = fs.readFileSync(source);
      bytes += text.length;
      fs.writeFileSync(path.join(sub, `${i}-${path.basename(source)}`), text);
    }
    const r = coldRace({ bare: [path.join(__dirname, 'bare-parse.js'), dir], lint: [CLI, 'lint', '--format', 'json', dir] }, QUICK ? 2 : 3);
    const index = workspaceIndexScan(dir);
    results.parts.scan = { files: 1000, bytes, bare: r.bare.median, lint: r.lint.median, index };
    tables.push(['A repository of 1,000 YAML files (cold CLI over the folder, median ms)', ['files', 'size', 'bare: node + `yaml` parse of each', 'iac-notes lint', 'per file', 'lint ÷ bare'],
      [[1000, kb(bytes), ms(r.bare.median), ms(r.lint.median), ms(r.lint.median / 1000), ratio(r.lint.median, r.bare.median)]]]);
    tables.push(['The editor\'s workspace scan of the same 1,000 files, engine side (in-process; file reads not included)', ['scan', 'files', 'templates kept (CodeBuild projects or CodeDeploy groups)', 'total', 'per file', 'longest single file (the host awaits a read between files)'],
      [['first', index.files, index.kept, ms(index.first.total), ms(index.first.total / index.files), ms(index.first.longest)],
        [`later (median of ${QUICK ? 1 : 4})`, index.files, index.kept, ms(index.total), ms(index.total / index.files), ms(index.longest)]]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the editor's workspace scan does per file once VS Code has read it (src/vscode/workspace.ts):
 * decode, then WorkspaceIndex.set, which parses only files that may define CodeBuild projects or
 * CodeDeploy groups. The scan awaits VS Code's asynchronous stat and read for every file, so the
 * longest the extension host is blocked is one file's set(). The reads are not included. The
 * first scan is reported apart: in the editor it runs once, at start-up, with the engine's code
 * not yet optimised (in a full bench run the earlier parts have warmed it already).
 */
function workspaceIndexScan(dir) {
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else files.push({ fileName: f, bytes: fs.readFileSync(f) }); } };
  walk(dir);
  const decoder = new TextDecoder('utf-8');
  const scans = [];
  for (let round = 0; round < (QUICK ? 2 : 5); round++) {
    const index = new engine.WorkspaceIndex();
    let longest = 0;
    let kept = 0;
    const t0 = now();
    for (const file of files) {
      const tf = now();
      if (index.set(file.fileName, decoder.decode(file.bytes))) kept++;
      longest = Math.max(longest, now() - tf);
    }
    scans.push({ total: now() - t0, longest, kept });
  }
  const later = scans.slice(1);
  return {
    files: files.length,
    kept: scans[0].kept,
    first: scans[0],
    total: median(later.map((s) => s.total)),
    longest: median(later.map((s) => s.longest)),
  };
}

/** Typing in large.yaml in code-server + Chromium with the .vsix installed (scripts/bench/browser.js). */
async function browser() {
  const { raw, tables: measured } = await require('./browser').run({ quick: QUICK });
  results.parts.browser = raw;
  tables.push(...measured);
}

// ---------------------------------------------------------------------------------------------

function heading() {
  const load = `load average (1/5/15 min) ${results.machine.load.join(' / ')} at start, ${(results.machine.loadAtEnd || results.machine.load).join(' / ')} at the end`;
  return `Measured ${results.when.slice(0, 16).replace('T', ' ')} UTC · ${results.machine.cpus} × ${results.machine.model} · Node ${results.machine.node} · ${load}${QUICK ? ' · **--quick run**' : ''}`;
}

function tableLines([title, header, rows]) {
  return ['', `**${title}**`, '', `| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function markdown() {
  return [heading(), ...tables.flatMap(tableLines)].join('\n');
}

// In docs/BENCHMARKS.md each part's tables sit between these markers, so that a run with --only
// replaces its own parts and keeps the others' tables as they were measured.
const BLOCK_START = '<!-- bench:start -->';
const BLOCK_END = '<!-- bench:end -->';
const partStart = (part) => `<!-- bench:part ${part} -->`;
const partEnd = (part) => `<!-- bench:part-end ${part} -->`;
/** What identifies a table across runs: its title up to the first bracket, colon, comma or dash (the rest carries figures). */
const tableKey = (title) => title.split(/[(:,—]/)[0].trim();

function partSection(part, list, note) {
  return [partStart(part), ...(note ? ['', note] : []), ...list.flatMap(tableLines), '', partEnd(part)].join('\n');
}

/**
 * Puts `section` in place of the tables outside the marked parts (a `**title**` line up to the
 * next one or a marker) whose key is in `keys` (tables written before the markers existed), or
 * at the end of the block when there are none.
 */
function replaceUnmarked(block, keys, section) {
  const out = [];
  let marked = false;
  let dropping = false;
  let placed = false;
  for (const line of block.split('\n')) {
    if (line.startsWith('<!-- bench:part ')) { marked = true; dropping = false; }
    const title = !marked && line.match(/^\*\*(.+)\*\*$/);
    if (title) {
      dropping = keys.has(tableKey(title[1]));
      if (dropping && !placed) { out.push(section, ''); placed = true; }
    }
    if (!dropping) out.push(line);
    if (line.startsWith('<!-- bench:part-end ')) marked = false;
  }
  const text = out.join('\n').replace(/\n{3,}/g, '\n\n');
  return placed ? text : `${text.replace(/\s*$/, '')}\n\n${section}\n`;
}

/** The new text between BLOCK_START and BLOCK_END: everything on a full run, only the measured parts with --only. */
function docBlock(old, measured) {
  if (ONLY.length === 0) return `\n${heading()}\n\n${measured.map(([part, list]) => partSection(part, list)).join('\n\n')}\n`;
  let block = old;
  for (const [part, list] of measured) {
    const section = partSection(part, list, `_${heading()} (this part alone: \`--only=${part}\`)_`);
    const a = block.indexOf(partStart(part));
    const b = block.indexOf(partEnd(part));
    if (a >= 0 && b > a) block = `${block.slice(0, a)}${section}${block.slice(b + partEnd(part).length)}`;
    else block = replaceUnmarked(block, new Set(list.map(([title]) => tableKey(title))), section);
  }
  return block;
}

function writeDoc() {
  const doc = fs.readFileSync(DOC, 'utf8');
  const a = doc.indexOf(BLOCK_START);
  const b = doc.indexOf(BLOCK_END);
  if (a < 0 || b < a) throw new Error(`${DOC} has no ${BLOCK_START} … ${BLOCK_END} block`);
  const measured = [];
  for (const table of tables) {
    const last = measured[measured.length - 1];
    if (last && last[0] === table[3]) last[1].push(table);
    else measured.push([table[3], [table]]);
  }
  fs.writeFileSync(DOC, `${doc.slice(0, a + BLOCK_START.length)}${docBlock(doc.slice(a + BLOCK_START.length, b), measured)}${doc.slice(b)}`);
  console.error(`bench: tables written to ${path.relative(ROOT, DOC)}${ONLY.length ? ` (only ${measured.map(([part]) => part).join(', ')}; the other parts' tables kept)` : ''}`);
}

async function main() {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, 'out', 'src', 'engine', 'index.js'))) {
    console.error('bench: run `npm run build && npm run compile-tests` first (npm run bench does).');
    process.exit(2);
  }
  // browser last: it starts code-server and Chromium, which would load the machine for the others.
  const parts = { inproc: inProcess, hover: hovers, lookup: lookups, startup, heap, cold, scaling, scan, browser };
  const unknown = ONLY.filter((name) => !(name in parts));
  if (unknown.length) {
    console.error(`bench: unknown part ${unknown.join(', ')} (parts: ${Object.keys(parts).join(', ')})`);
    process.exit(2);
  }
  const failed = [];
  for (const [name, fn] of Object.entries(parts)) {
    if (!want(name)) continue;
    const t0 = now();
    const before = tables.length;
    try {
      await fn();
    } catch (error) {
      failed.push(name);
      tables.length = before;
      console.error(`bench: ${name} FAILED: ${error && error.message ? error.message : error}`);
      continue;
    }
    for (let i = before; i < tables.length; i++) tables[i][3] = name;
    process.stderr.write(`bench: ${name} done in ${(now() - t0) / 1000 | 0} s\n`);
  }
  results.machine.loadAtEnd = os.loadavg().map((l) => l.toFixed(2));
  console.log(markdown());
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (failed.length) {
    console.error(`bench: ${failed.join(', ')} failed (see above)${WRITE ? `; ${path.relative(ROOT, DOC)} left unchanged` : ''}`);
    process.exit(1);
  }
  if (WRITE) writeDoc();
}

main().catch((error) => {
  console.error(`bench: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});

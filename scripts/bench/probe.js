#!/usr/bin/env node
// Measurements that need a fresh process, printed as JSON for scripts/bench/run.js:
//   probe.js startup         load and activate dist/extension.js with a stub `vscode`, then the
//                            engine's knowledge load and first lookup
//   node --expose-gc probe.js heap   heap held after parsing and linting the 20 largest corpus templates
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');

const ROOT = path.resolve(__dirname, '..', '..');
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A `vscode` stand-in: every property is a callable that returns the stub itself. */
function stubVscode() {
  const handler = {
    get(target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* empty() {};
      if (key === Symbol.toPrimitive) return () => 0;
      return stub;
    },
    apply: () => stub,
    construct: () => stub,
  };
  const stub = new Proxy(function vscode() {}, handler);
  // Bundles copy the module's own properties (esbuild's __toESM): name the namespaces used.
  const names = ['languages', 'workspace', 'window', 'commands', 'env', 'Uri', 'Range', 'Position', 'Diagnostic', 'DiagnosticSeverity', 'CodeActionKind',
    'CodeAction', 'WorkspaceEdit', 'MarkdownString', 'Hover', 'EventEmitter', 'EndOfLine', 'ConfigurationTarget', 'Disposable', 'StatusBarAlignment', 'ThemeColor'];
  return { ...Object.fromEntries(names.map((n) => [n, stub])), ExtensionMode: { Production: 1, Development: 2, Test: 3 } };
}

function startup() {
  const vscode = stubVscode();
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const t0 = now();
  const extension = require(path.join(ROOT, 'dist', 'extension.js'));
  const t1 = now();
  extension.activate({ subscriptions: [], extensionMode: 1 });
  const t2 = now();
  // The bundle holds the notes as one JSON string and parses it on first use (esbuild.js); the
  // engine from out/ reads the same file through Node's JSON loader. So the first use is timed as
  // that parse plus the indexing getKnowledge() does.
  const notesText = fs.readFileSync(path.join(ROOT, 'src', 'generated', 'knowledge.json'), 'utf8');
  const engine = require(path.join(ROOT, 'out', 'src', 'engine'));
  const t3 = now();
  const { entries } = JSON.parse(notesText);
  new engine.Knowledge(entries);
  const t4 = now();
  engine.lookup('visibility timeout');
  const t5 = now();
  return { requireExtension: t1 - t0, activate: t2 - t1, requireEngine: t3 - t2, knowledge: t4 - t3, firstLookup: t5 - t4 };
}

/** The editor's way: the index built in chunks; the longest time the event loop was blocked. */
async function chunkedIndex() {
  const { Knowledge, getKnowledge } = require(path.join(ROOT, 'out', 'src', 'engine', 'knowledge'));
  const { prepareLookup } = require(path.join(ROOT, 'out', 'src', 'engine', 'lookup'));
  const knowledge = new Knowledge(getKnowledge().entries);
  let last = now();
  let longest = 0;
  const timer = setInterval(() => { const t = now(); longest = Math.max(longest, t - last); last = t; }, 0);
  const t0 = now();
  await prepareLookup({ knowledge });
  const total = now() - t0;
  clearInterval(timer);
  longest = Math.max(longest, now() - last);
  return { chunkedTotal: total, chunkedLongestBlock: longest };
}

function heap() {
  const engine = require(path.join(ROOT, 'out', 'src', 'engine'));
  const corpus = path.resolve(ROOT, '..', 'shared', 'corpus');
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json|template)$/i.test(entry.name)) files.push({ file: full, size: fs.statSync(full).size });
    }
  };
  walk(corpus);
  const texts = [];
  for (const { file } of files.sort((a, b) => b.size - a.size || a.file.localeCompare(b.file))) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = engine.detectKind(file, engine.parse(text, file).tree).kind;
    if (kind === 'cloudformation' || kind === 'sam') texts.push({ file, text });
    if (texts.length === 20) break;
  }
  engine.getKnowledge();
  engine.lintText('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', 'warm.yaml');
  global.gc();
  global.gc();
  const before = process.memoryUsage().heapUsed;
  // What the editor keeps per open document: the parsed document and its lint result.
  const held = texts.map(({ file, text }) => {
    const doc = engine.parse(text, file);
    return { doc, result: engine.lint(doc) };
  });
  global.gc();
  global.gc();
  const after = process.memoryUsage().heapUsed;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  if (held.length !== texts.length) throw new Error('unreachable');
  return { files: texts.length, bytes, before, after, growthPerKB: (after - before) / (bytes / 1024) };
}

async function main() {
  const what = process.argv[2];
  const result = what === 'startup' ? { ...startup(), ...(await chunkedIndex()) } : what === 'heap' ? heap() : undefined;
  if (!result) {
    console.error('usage: probe.js startup | node --expose-gc probe.js heap');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();

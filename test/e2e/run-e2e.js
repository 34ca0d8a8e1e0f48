#!/usr/bin/env node
// Browser end-to-end suite: what a person sees. Packages the extension (`npm run package`),
// installs the .vsix into a fresh code-server (VS Code 1.139.1), serves a scratch copy of
// examples/ and drives Debian's Chromium through the real workbench with playwright-core.
//
//   npm run test:e2e                      (node test/e2e/run-e2e.js)
//   npm run screenshots                   (the same run, also writing docs/images/*.png)
//   node test/e2e/run-e2e.js --grep TEXT  (only scenarios whose title matches; phases with none are skipped)
//   node test/e2e/run-e2e.js --no-package (reuse iac-notes.vsix as it is)
//
// Three phases, each with its own workbench:
//   node:      the extension in the Node extension host (code-server's, i.e. desktop VS Code's)
//   webworker: the same server after `remote.extensionKind: { "iac-notes.iac-notes": ["web"] }`
//              and a reload: the extension runs from its `browser` entry in the web worker host
//   ja:        code-server --locale ja, display language Japanese (test-only language pack)
// Every wait has a timeout. A failing scenario saves a screenshot, the workbench console and the
// code-server / VS Code logs in test-results/e2e/. Timings (file opened → first diagnostics,
// hover latency) are measured inside the page and printed; nothing asserts on them.
//
// Environment: IAC_NOTES_E2E_GREP (same as --grep), IAC_NOTES_E2E_TIMEOUT (seconds for the whole run, default 1500),
// IAC_NOTES_SCREENSHOTS=1 (same as --screenshots), IAC_NOTES_VERBOSE=1 (workbench console),
// IAC_NOTES_CACHE / IAC_NOTES_CHROMIUM as for the integration harness.

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { prepare } = require('../harness/prepare-vscode');
const { startCodeServer, launchChromium, QUIET_SETTINGS } = require('../harness/code-server');
const { Workbench } = require('../harness/workbench');
const vsix = require('../harness/vsix');
const { scenarios } = require('./scenarios');

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const SCREENS = path.join(RESULTS, 'screens');
const DOC_IMAGES = path.join(ROOT, 'docs', 'images');
const EXAMPLES = path.join(ROOT, 'examples');
const VIEWPORT = { width: 1280, height: 800 };

// Settings every phase adds to the harness's quiet defaults: a calm editor for screenshots.
const E2E_SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'workbench.editor.enablePreview': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'breadcrumbs.enabled': false,
  'extensions.ignoreRecommendations': true,
};

// What each phase changes. `remote.extensionKind` is the user setting VS Code 1.139 reads
// (ExtensionManifestPropertiesService.getUserConfiguredExtensionKind) to override an extension's
// kind; ["web"] makes BrowserExtensionHostKindPicker choose the local web worker host.
const PHASE_SETTINGS = {
  node: {},
  webworker: { 'remote.extensionKind': { [vsix.extensionId()]: ['web'] } },
  ja: { 'iacNotes.language': 'auto' },
};

function say(line) {
  process.stdout.write(`[e2e] ${line}\n`);
}

function parseArgs(argv) {
  const options = {
    grep: process.env.IAC_NOTES_E2E_GREP || '',
    screenshots: process.env.IAC_NOTES_SCREENSHOTS === '1',
    package: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep' || arg === '-g') options.grep = argv[++i] || '';
    else if (arg.startsWith('--grep=')) options.grep = arg.slice('--grep='.length);
    else if (arg === '--screenshots') options.screenshots = true;
    else if (arg === '--no-package') options.package = false;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node test/e2e/run-e2e.js [--grep TEXT] [--screenshots] [--no-package]');
      process.exit(0);
    } else throw new Error(`Unknown argument ${arg}`);
  }
  return options;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What the CLI (the same engine) finds in each file of the workspace: the oracle for the UI. */
function cliFindings(workspace, lang = 'en') {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', workspace, '--format', 'json', '--lang', lang], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`iac-notes lint failed (exit code ${run.status}): ${run.stderr}`);
  const byFile = {};
  for (const file of JSON.parse(run.stdout).files) {
    const relative = path.relative(workspace, path.resolve(file.path)).split(path.sep).join('/');
    byFile[relative] = file.diagnostics;
  }
  return byFile;
}

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const overall = (Number(process.env.IAC_NOTES_E2E_TIMEOUT) || 1500) * 1000;
  const verbose = process.env.IAC_NOTES_VERBOSE === '1';
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENS, { recursive: true });

  const grep = options.grep ? new RegExp(options.grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : undefined;
  const selected = scenarios.filter((s) => !grep || grep.test(`${s.phase} ${s.title}`));
  if (selected.length === 0) throw new Error(`No scenario matches ${options.grep}.`);

  if (options.package) vsix.packageExtension({ log: say });
  else if (!fs.existsSync(vsix.VSIX)) throw new Error(`${path.relative(ROOT, vsix.VSIX)} is missing: run npm run package (or drop --no-package).`);
  const prep = await prepare();
  vsix.ensureJapaneseFont({ log: say });

  const results = [];
  const metrics = { open: [], hover: [] };
  const notes = [];
  let signalled;
  const cleanups = [];
  const onSignal = (signal) => {
    signalled = signal;
    say(`received ${signal}: stopping`);
    Promise.allSettled(cleanups.map((fn) => fn())).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const phases = ['node', 'webworker', 'ja'].filter((phase) => selected.some((s) => s.phase === phase));
  const deadline = t0 + overall;
  let shared; // the node phase's server, reused by the webworker phase

  try {
    for (const phase of phases) {
      if (signalled) break;
      const phaseScenarios = selected.filter((s) => s.phase === phase);
      const ctx = await withTimeout(startPhase(phase, { prep, options, verbose, reuse: phase === 'webworker' ? shared : undefined, cleanups }), 300_000, `starting the ${phase} phase`).catch((error) => ({ error, partial: error.partial }));
      if (ctx.error) {
        say(`phase ${phase}: could not start: ${ctx.error.message}`);
        for (const s of phaseScenarios) results.push({ phase, title: s.title, ok: false, ms: 0, error: `phase did not start: ${ctx.error.message}` });
        await saveEvidence({ phase, title: 'startup' }, ctx.partial || {}, ctx.error);
        if (ctx.partial) await stopPhase(ctx.partial, { keepServer: false });
        continue;
      }
      if (phase === 'node') shared = ctx;
      Object.assign(ctx, { metrics, notes, shot: (name, opts) => shot(ctx, name, opts, options.screenshots) });
      for (const s of phaseScenarios) {
        if (signalled) break;
        const started = Date.now();
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          results.push({ phase, title: s.title, ok: false, ms: 0, error: 'the run went past IAC_NOTES_E2E_TIMEOUT before this scenario' });
          continue;
        }
        try {
          await withTimeout(s.run(ctx), Math.min(s.timeout || 240_000, remaining), `"${s.title}"`);
          const ms = Date.now() - started;
          results.push({ phase, title: s.title, ok: true, ms });
          say(`  ✓ [${phase}] ${s.title} (${(ms / 1000).toFixed(1)}s)`);
        } catch (error) {
          const ms = Date.now() - started;
          results.push({ phase, title: s.title, ok: false, ms, error: error.message });
          say(`  ✗ [${phase}] ${s.title} (${(ms / 1000).toFixed(1)}s)\n      ${String(error.message).split('\n').join('\n      ')}`);
          await saveEvidence({ phase, title: s.title, index: results.length }, ctx, error);
          ctx.failed = true;
          await ctx.wb.calm().catch(() => {});
        }
      }
      const keepServer = phase === 'node' && phases.includes('webworker');
      await stopPhase(ctx, { keepServer });
    }
  } finally {
    if (shared) await stopPhase(shared, { keepServer: false });
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  report({ results, metrics, notes, t0, options });
  return results.every((r) => r.ok) ? 0 : 1;
}

/** Starts (or, for the webworker phase, re-configures and reloads) a workbench for a phase. */
async function startPhase(phase, { prep, options, verbose, reuse, cleanups }) {
  const partial = {};
  try {
    if (reuse) {
      // Same server: switch the extension to the web worker host and reload the window.
      const ctx = reuse;
      ctx.phase = phase;
      ctx.failed = false;
      ctx.opened = new Set();
      ctx.setSettings({ 'iacNotes.language': 'en', ...PHASE_SETTINGS.webworker });
      ctx.workspace = freshWorkspace(ctx.server.scratchDir, phase);
      ctx.expected = cliFindings(ctx.workspace);
      await ctx.page.goto(ctx.url(ctx.workspace), { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await ctx.wb.waitReady();
      return ctx;
    }
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `iac-notes-e2e-${phase}-`));
    partial.scratch = scratch;
    const workspace = freshWorkspace(scratch, phase);
    const settings = { ...E2E_SETTINGS, ...PHASE_SETTINGS[phase] };
    let languagePack;
    const server = await startCodeServer({
      prep,
      folder: workspace,
      settings,
      scratchDir: path.join(scratch, 'server'),
      args: phase === 'ja' ? ['--locale', 'ja'] : [],
      log: (line) => say(line),
      beforeStart: async (dirs) => {
        vsix.installExtension(prep, vsix.VSIX, dirs);
        if (!vsix.installedExtension(dirs.extensionsDir, vsix.extensionId())) throw new Error('the .vsix did not install');
        if (phase === 'ja') languagePack = vsix.installTestLanguagePack(prep, dirs);
      },
    });
    partial.server = server;
    cleanups.push(() => server.stop());
    const browser = await launchChromium({ executablePath: prep.chromium, args: ['--lang=en-US'] });
    partial.browser = browser;
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    partial.page = page;
    const consoleLines = [];
    partial.consoleLines = consoleLines;
    page.on('console', (message) => {
      const line = `[${message.type()}] ${message.text()}`;
      consoleLines.push(line);
      if (verbose) process.stdout.write(`[workbench] ${line}\n`);
    });
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    const settingsFile = path.join(server.userDataDir, 'User', 'settings.json');
    const ctx = {
      phase,
      scratch,
      server,
      browser,
      page,
      consoleLines,
      workspace,
      languagePack,
      prep,
      expected: cliFindings(workspace),
      wb: new Workbench(page, { timeout: 60_000, log: say }),
      url: (folder) => `${server.url}/?folder=${encodeURIComponent(folder)}`,
      say,
      settingsFile,
      /** Rewrites the user settings.json (VS Code picks the change up from the file). */
      setSettings(extra) {
        const current = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
        const next = { ...QUIET_SETTINGS, ...E2E_SETTINGS, ...current, ...extra };
        for (const [key, value] of Object.entries(extra)) if (value === undefined) delete next[key];
        fs.writeFileSync(settingsFile, JSON.stringify(next, null, 2) + '\n');
      },
      cliFindings: (folder, lang) => cliFindings(folder || ctx.workspace, lang),
      /** A user setting as VS Code wrote it (settings.json may carry comments: unreadable → undefined). */
      settingValue(key) {
        try {
          return JSON.parse(fs.readFileSync(settingsFile, 'utf8'))[key];
        } catch {
          return undefined;
        }
      },
    };
    await page.goto(ctx.url(workspace), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await ctx.wb.waitReady();
    say(`phase ${phase}: workbench ready (VS Code ${prep.vscodeVersion}, code-server ${prep.codeServerVersion})`);
    return ctx;
  } catch (error) {
    error.partial = partial;
    throw error;
  }
}

function freshWorkspace(scratch, phase) {
  const workspace = path.join(scratch, `workspace-${phase}`);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(EXAMPLES, workspace, { recursive: true });
  return workspace;
}

async function stopPhase(ctx, { keepServer }) {
  if (!ctx || ctx.stopped) return;
  if (ctx.failed && ctx.server) {
    try {
      ctx.server.collectLogs(path.join(RESULTS, `logs-${ctx.phase}`));
    } catch {
      // Best effort.
    }
  }
  if (keepServer) return;
  ctx.stopped = true;
  if (ctx.browser) await ctx.browser.close().catch(() => {});
  if (ctx.server) await ctx.server.stop().catch(() => {});
  if (ctx.scratch) fs.rmSync(ctx.scratch, { recursive: true, force: true, maxRetries: 3 });
}

async function saveEvidence({ phase, title, index = 0 }, ctx, error) {
  try {
    fs.mkdirSync(RESULTS, { recursive: true });
    const base = `${String(index).padStart(2, '0')}-${phase}-${slug(title)}`;
    if (ctx.page && !ctx.page.isClosed()) {
      await ctx.page.screenshot({ path: path.join(RESULTS, `${base}.png`), timeout: 15_000 }).catch(() => {});
    }
    fs.writeFileSync(path.join(RESULTS, `${base}.txt`), `${title}\n\n${error && error.stack ? error.stack : error}\n`);
    if (ctx.consoleLines) fs.writeFileSync(path.join(RESULTS, `console-${phase}.log`), ctx.consoleLines.join('\n') + '\n');
    if (ctx.server) ctx.server.collectLogs(path.join(RESULTS, `logs-${phase}`));
    say(`    evidence: ${path.relative(ROOT, RESULTS)}/${base}.png, console-${phase}.log, logs-${phase}/`);
  } catch (saveError) {
    say(`    could not save the evidence: ${saveError.message}`);
  }
}

/** A screenshot for test-results/e2e/screens/ and, with --screenshots, docs/images/. */
async function shot(ctx, name, { clip, docs = true } = {}, toDocs) {
  await ctx.page.waitForTimeout(300); // let fade-in animations settle before the picture
  const file = path.join(SCREENS, `${name}.png`);
  await ctx.page.screenshot({ path: file, clip, timeout: 20_000 });
  if (toDocs && docs) {
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_IMAGES, `${name}.png`));
  }
}

function report({ results, metrics, notes, t0, options }) {
  const fmt = (ms) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');
  process.stdout.write('\n[e2e] measured in the browser (no assertions on these):\n');
  for (const m of metrics.open) {
    process.stdout.write(`  open → first diagnostics  ${m.phase.padEnd(9)} ${m.file.padEnd(34)} ${fmt(m.diagnosticsMs).padStart(8)}  (text on screen ${fmt(m.textMs)})${m.note ? `  ${m.note}` : ''}\n`);
  }
  const byPhase = {};
  for (const h of metrics.hover) (byPhase[h.phase] ||= []).push(h);
  for (const [phase, list] of Object.entries(byPhase)) {
    const first = list[0];
    const rest = list.slice(1).map((h) => h.ms);
    process.stdout.write(`  hover latency             ${phase.padEnd(9)} first ${fmt(first.ms)} (${first.what}); then median ${fmt(median(rest))} of ${rest.length} [${rest.map((v) => Math.round(v)).join(', ')}] (includes editor.hover.delay 300 ms)\n`);
  }
  if (notes.length) {
    process.stdout.write('\n[e2e] observations:\n');
    for (const note of notes) process.stdout.write(`  - ${note}\n`);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  process.stdout.write(`\n[e2e] ${results.length} scenarios in ${((Date.now() - t0) / 1000).toFixed(1)}s${options.screenshots ? `; screenshots written to ${path.relative(ROOT, DOC_IMAGES)}/` : ''}\n`);
  if (failed) {
    for (const r of results.filter((x) => !x.ok)) process.stdout.write(`  failed: [${r.phase}] ${r.title}: ${String(r.error).split('\n')[0]}\n`);
    process.stdout.write(`  evidence in ${path.relative(ROOT, RESULTS)}/\n`);
  }
  process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[e2e] ${error.message}`);
      console.error('e2e: 0 passed, 1 failed');
      process.exit(1);
    },
  );
}

module.exports = { main };

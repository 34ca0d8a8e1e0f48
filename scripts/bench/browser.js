// `npm run bench -- --only=browser` (issue 7: "the editor stays responsive while typing in
// large.yaml"): one code-server + Chromium session with the packaged .vsix installed, a scratch
// folder with large.yaml, large.json and large.yaml's text as large-plain.txt (the baseline: the
// same editor on the same text, which the extension ignores). Per file: open → first diagnostics
// (and the extension's status-bar message, e.g. the large-file policy); then typing bursts (files
// interleaved: plain, yaml, json, plain, …) in the middle of the file, one key at a time at a
// typist's cadence, timed inside the page from each keydown to the DOM showing the character;
// after the last key, the time until the squiggle of the finding it creates shows, and a hover
// made right away. Each burst is undone (Ctrl+Z) afterwards.
//
// IAC_NOTES_BENCH_BROWSER_EXTENSION=0 runs the same session without installing the extension (a
// control: what the editor itself costs on these files). IAC_NOTES_BENCH_BROWSER_TIMEOUT: seconds
// for the whole part (default 25 min, 8 with --quick).
//
// Reuses test/harness (prepare-vscode, code-server, vsix, workbench). Every wait has a timeout;
// a failure throws with a clear message after closing Chromium and stopping code-server's
// process group. Timing is never asserted.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, percentile } = require('./stats');
const { prepare } = require('../../test/harness/prepare-vscode');
const { startCodeServer, launchChromium } = require('../../test/harness/code-server');
const { Workbench } = require('../../test/harness/workbench');
const vsix = require('../../test/harness/vsix');

const ROOT = path.resolve(__dirname, '..', '..');
const BENCH = path.resolve(ROOT, '..', 'shared', 'bench');
const EVIDENCE = path.join(ROOT, 'test-results', 'bench-browser');

const FILES = [
  { name: 'large-plain.txt', source: 'large.yaml', kind: 'plain' },
  { name: 'large.yaml', source: 'large.yaml', kind: 'yaml' },
  { name: 'large.json', source: 'large.json', kind: 'json' },
];

// The workbench with VS Code's defaults (word suggestions pop up while typing, in plain text and,
// by the YAML and JSON language defaults, inside strings too; code-server auto-saves after 1 s), except that Quick Open must not
// replace the previous file's preview tab: all three documents stay open, as in a real session.
const SETTINGS = { 'workbench.editor.enablePreview': false };
const VIEWPORT = { width: 1280, height: 800 };

// What is typed: words appended to the middle function's Description (inside the string, no
// quotes or brackets, so no auto-closing), then Escape (closes the word suggestions, as a person
// does before using the arrow keys), the arrow keys down to its `Timeout: 60` and
// "00" appended: 600 is valid, 6000 is above Lambda's 900 s, so only the last key creates the
// LAMBDA001 error on that line.
const WORDS = ' and publishes audit events to the shared topic';
// Pauses after a word (ms, by the index of the space that ends it). The debounce of a lint is
// max(300 ms, 2 × the document's last lint), at most 3 s, so the 3.2 s pause lets a lint start
// and typing resumes while it runs; the shorter ones are ordinary hesitations.
const PAUSES = { 4: 400, 14: 1500, 20: 350, 27: 3200, 30: 500 };
const HOVER_TEXT = 'Lambda maximum run time';

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Where to type in `text`: the Lambda function nearest the middle of the file, its Description
 * (insert before the closing quote) and its `Timeout` (append after the digits). Found by text,
 * so it works for the YAML and the JSON twin alike.
 */
function editPlan(text, kind) {
  const lines = text.split('\n');
  const isYaml = kind !== 'json';
  const fnKey = isYaml ? /^ {2}(\w+):\s*$/ : /^ {4}"(\w+)": \{\s*$/;
  const typeLine = isYaml ? /^\s+Type: AWS::Lambda::Function\s*$/ : /^\s+"Type": "AWS::Lambda::Function",?\s*$/;
  const functions = [];
  for (let i = 0; i + 1 < lines.length; i++) if (fnKey.test(lines[i]) && typeLine.test(lines[i + 1])) functions.push(i);
  if (functions.length === 0) throw new Error(`no AWS::Lambda::Function in the ${kind} file`);
  const middle = lines.length / 2;
  const start = functions.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  const name = lines[start].match(fnKey)[1];
  const find = (re) => {
    for (let i = start + 1; i < Math.min(lines.length, start + 60); i++) if (re.test(lines[i])) return i;
    throw new Error(`${name} has no line matching ${re} in the ${kind} file`);
  };
  const desc = find(isYaml ? /^\s+Description: '.*'\s*$/ : /^\s+"Description": ".*",?\s*$/);
  const timeout = find(isYaml ? /^\s+Timeout: \d+\s*$/ : /^\s+"Timeout": \d+,?\s*$/);
  const descText = lines[desc].replace(/\s+$/, '');
  const descAt = descText.lastIndexOf(isYaml ? "'" : '"');
  const timeoutText = lines[timeout].replace(/\s+$/, '');
  const timeoutAt = timeoutText.match(/\d+/).index + timeoutText.match(/\d+/)[0].length;
  if (timeout <= desc) throw new Error(`${name}: Timeout is above Description in the ${kind} file`);
  return { name, desc: { line: desc + 1, text: descText, at: descAt }, timeout: { line: timeout + 1, text: timeoutText, at: timeoutAt } };
}

/** The keys of one burst with the time (ms from the first key) each is sent and, for a character, the line's text once it shows. */
function keySchedule(plan) {
  const steps = [];
  let at = 0;
  const gap = (i) => 80 + ((i * 37) % 71); // 80–150 ms, the same sequence for every file
  const insert = (line, offset, typed) => `${line.slice(0, offset)}${typed}${line.slice(offset)}`;
  for (let i = 0; i < WORDS.length; i++) {
    steps.push({ key: WORDS[i], at, expected: insert(plan.desc.text, plan.desc.at, WORDS.slice(0, i + 1)) });
    at += gap(i) + (PAUSES[i] || 0);
  }
  at += 250;
  steps.push({ key: 'Escape', at });
  at += 600; // looking for the next spot
  for (let i = 0; i < plan.timeout.line - plan.desc.line; i++) { steps.push({ key: 'ArrowDown', at }); at += 70; }
  steps.push({ key: 'End', at });
  at += 120;
  for (let i = plan.timeout.at; i < plan.timeout.text.length; i++) { steps.push({ key: 'ArrowLeft', at }); at += 100; }
  at += 400;
  for (let i = 1; i <= 2; i++) {
    steps.push({ key: '0', at, expected: insert(plan.timeout.text, plan.timeout.at, '0'.repeat(i)) });
    at += 130;
  }
  return steps;
}

/** In the page: the sum of the counts in the status bar's Problems item ("Warnings: 34, Infos: 34"). */
function problemCount() {
  const item = document.getElementById('status.problems');
  const label = item ? item.getAttribute('aria-label') || '' : '';
  return (label.match(/\d+/g) || []).reduce((n, d) => n + Number(d), 0);
}

/** In the page: the Quick Open Enter that opens `base`, its text on screen, and the Problems count rising. */
function armOpenProbe({ base, firstLine, timeoutMs }) {
  const count = () => {
    const item = document.getElementById('status.problems');
    return ((item && item.getAttribute('aria-label')) || '').match(/\d+/g)?.reduce((n, d) => n + Number(d), 0) ?? 0;
  };
  const probe = { enterAt: undefined, textAt: undefined, diagnosticsAt: undefined, countBefore: count(), countAfter: undefined, statusMessage: '' };
  window.__benchOpen = probe;
  const onKey = (event) => {
    if (event.key === 'Enter' && event.target && event.target.closest && event.target.closest('.quick-input-widget')) probe.enterAt = event.timeStamp;
  };
  window.addEventListener('keydown', onKey, true);
  const deadline = performance.now() + timeoutMs;
  const tick = () => {
    const now = performance.now();
    const message = document.getElementById('status.extensionMessage');
    if (message && /IaC Notes/.test(message.textContent)) probe.statusMessage = message.textContent.trim();
    const tab = document.querySelector('.tabs-container .tab.active');
    const shown = probe.enterAt !== undefined && tab && (tab.getAttribute('aria-label') || '').includes(base);
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (shown && editor && probe.textAt === undefined) {
      const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' '));
      if (lines.some((l) => l.trim() === firstLine.trim())) probe.textAt = now;
    }
    if (probe.textAt !== undefined && probe.diagnosticsAt === undefined && count() > probe.countBefore) {
      probe.diagnosticsAt = now;
      probe.countAfter = count();
    }
    if (probe.diagnosticsAt === undefined && now < deadline) requestAnimationFrame(tick);
    else window.removeEventListener('keydown', onKey, true);
  };
  requestAnimationFrame(tick);
}

/**
 * In the page: records every keydown's timestamp (the event's own, so time spent queued behind
 * other work counts), watches `.view-lines` with a MutationObserver and stamps each character
 * step when its line shows the expected text (a later step's text also settles the earlier ones:
 * two keys painted in one frame). After the last key: the first frame with an error squiggle on
 * `diagnosticsLine`, and (after the mouse moves) the first frame with a hover showing `hoverText`.
 * Also keeps Event Timing entries of the keys (duration to the next paint, ≥ 16 ms only).
 */
function armTypingProbe({ steps, diagnosticsLine, hoverText, timeoutMs }) {
  const norm = (text) => text.replace(/\u00a0/g, ' ');
  const editor = document.querySelector('.editor-instance .monaco-editor');
  const viewLines = editor && editor.querySelector('.view-lines');
  if (!viewLines) throw new Error('no active text editor in the page');
  const probe = { keys: [], steps: steps.map((s) => ({ key: s.key, expected: s.expected, domAt: undefined })), events: [], movedAt: undefined, hoverAt: undefined, hoverShownText: '', diagnosticsAt: undefined, done: false };
  window.__benchTyping = probe;
  const chars = probe.steps.filter((s) => s.expected !== undefined);
  let next = 0;
  const check = () => {
    if (next >= chars.length) return;
    const t = performance.now();
    const shown = new Set([...viewLines.querySelectorAll('.view-line')].map((l) => norm(l.textContent)));
    for (let j = chars.length - 1; j >= next; j--) {
      if (!shown.has(chars[j].expected)) continue;
      for (let k = next; k <= j; k++) chars[k].domAt = t;
      next = j + 1;
      break;
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(viewLines, { childList: true, subtree: true, characterData: true });
  const onKey = (event) => {
    probe.keys.push({ key: event.key, t: event.timeStamp });
  };
  window.addEventListener('keydown', onKey, true);
  const onMove = () => {
    if (probe.movedAt === undefined && probe.keys.length >= steps.length) probe.movedAt = performance.now();
  };
  window.addEventListener('mousemove', onMove, true);
  let eventObserver;
  try {
    eventObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') probe.events.push({ t: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
    });
    eventObserver.observe({ type: 'event', durationThreshold: 16 });
  } catch {
    eventObserver = undefined;
  }
  const deadline = performance.now() + timeoutMs;
  const tick = () => {
    const now = performance.now();
    if (probe.keys.length >= steps.length && diagnosticsLine !== undefined && probe.diagnosticsAt === undefined) {
      const line = [...viewLines.querySelectorAll('.view-line')].find((l) => norm(l.textContent) === diagnosticsLine);
      if (line) {
        const overlay = [...editor.querySelectorAll('.view-overlays > div')].find((o) => o.style.top === line.style.top);
        if (overlay && overlay.querySelector('.squiggly-error')) probe.diagnosticsAt = now;
      }
    }
    if (probe.movedAt !== undefined && hoverText && probe.hoverAt === undefined) {
      for (const h of document.querySelectorAll('.monaco-hover')) {
        if (h.offsetHeight === 0 || h.classList.contains('hidden')) continue;
        const text = h.innerText;
        probe.hoverShownText = text.slice(0, 300);
        if (text.includes(hoverText)) probe.hoverAt = now;
      }
    }
    const finished = next >= chars.length && (diagnosticsLine === undefined || probe.diagnosticsAt !== undefined) && (!hoverText || probe.hoverAt !== undefined);
    if (!finished && now < deadline && !probe.done) requestAnimationFrame(tick);
    else {
      observer.disconnect();
      if (eventObserver) eventObserver.disconnect();
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousemove', onMove, true);
    }
  };
  requestAnimationFrame(tick);
}

/** Runs the part; returns { raw, tables } for scripts/bench/run.js. */
async function run({ quick = false, log = (line) => process.stderr.write(`bench: browser: ${line}\n`) } = {}) {
  const rounds = quick ? 1 : 3;
  const afterTimeoutMs = quick ? 15_000 : 30_000;
  const withExtension = process.env.IAC_NOTES_BENCH_BROWSER_EXTENSION !== '0';
  const overallMs = (Number(process.env.IAC_NOTES_BENCH_BROWSER_TIMEOUT) || (quick ? 8 : 25) * 60) * 1000;
  const session = {};
  const cleanup = async () => {
    session.closed = true;
    if (session.browser) await session.browser.close().catch(() => {});
    if (session.server) await session.server.stop().catch(() => {});
    if (session.scratch) fs.rmSync(session.scratch, { recursive: true, force: true, maxRetries: 3 });
    session.browser = session.server = session.scratch = undefined;
  };
  // What measure() starts after a timeout has already cleaned up is stopped at once.
  session.keep = async (what, resource) => {
    if (session.closed) {
      await resource.close?.().catch(() => {});
      await resource.stop?.().catch(() => {});
      throw new Error(`stopped while starting ${what}`);
    }
    return resource;
  };
  const onSignal = (signal) => {
    log(`received ${signal}: stopping code-server and Chromium`);
    cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await withTimeout(measure({ rounds, afterTimeoutMs, quick, session, log, withExtension }), overallMs, 'the browser benchmark');
  } catch (error) {
    await saveEvidence(session, error).catch(() => {});
    throw error;
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

async function saveEvidence(session, error) {
  fs.mkdirSync(EVIDENCE, { recursive: true });
  fs.writeFileSync(path.join(EVIDENCE, 'error.txt'), `${error && error.stack ? error.stack : error}\n`);
  if (session.page && !session.page.isClosed()) await session.page.screenshot({ path: path.join(EVIDENCE, 'screen.png'), timeout: 15_000 }).catch(() => {});
  if (session.consoleLines) fs.writeFileSync(path.join(EVIDENCE, 'console.log'), `${session.consoleLines.join('\n')}\n`);
  if (session.server) session.server.collectLogs(path.join(EVIDENCE, 'logs'));
  process.stderr.write(`bench: browser: evidence in ${path.relative(ROOT, EVIDENCE)}/\n`);
}

async function measure({ rounds, afterTimeoutMs, quick, session, log, withExtension }) {
  for (const f of FILES) if (!fs.existsSync(path.join(BENCH, f.source))) throw new Error(`${path.join(BENCH, f.source)} is missing`);
  if (withExtension) vsix.packageExtension({ log });
  const prep = await prepare();
  if (session.closed) throw new Error('stopped');
  session.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-bench-browser-'));
  const workspace = path.join(session.scratch, 'workspace');
  fs.mkdirSync(workspace);
  const files = FILES.map((f) => {
    const text = fs.readFileSync(path.join(BENCH, f.source), 'utf8');
    fs.writeFileSync(path.join(workspace, f.name), text);
    const plan = editPlan(text, f.kind);
    return { ...f, bytes: Buffer.byteLength(text), lines: text.split('\n').length, firstLine: text.split('\n')[0], plan, steps: keySchedule(plan) };
  });
  session.server = await session.keep('code-server', await startCodeServer({
    prep,
    folder: workspace,
    settings: SETTINGS,
    scratchDir: path.join(session.scratch, 'server'),
    log,
    beforeStart: async (dirs) => {
      if (!withExtension) return;
      vsix.installExtension(prep, vsix.VSIX, dirs);
      if (!vsix.installedExtension(dirs.extensionsDir, vsix.extensionId())) throw new Error('the .vsix did not install');
    },
  }));
  session.browser = await session.keep('Chromium', await launchChromium({ executablePath: prep.chromium, args: ['--lang=en-US'] }));
  const page = await (await session.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })).newPage();
  session.page = page;
  session.consoleLines = [];
  page.on('console', (message) => session.consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => session.consoleLines.push(`[pageerror] ${error.message}`));
  const wb = new Workbench(page, { timeout: 60_000, log });
  await page.goto(`${session.server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await wb.waitReady();
  log(`workbench ready (VS Code ${prep.vscodeVersion}, code-server ${prep.codeServerVersion}, Chromium ${session.browser.version()})`);

  // 1. Open each file: Enter in Quick Open → its text on screen → the Problems count rises.
  for (const file of files) {
    await page.evaluate(armOpenProbe, { base: file.name, firstLine: file.firstLine, timeoutMs: afterTimeoutMs + 60_000 });
    await wb.openFile(file.name, { timeout: 120_000 });
    const text = await page.waitForFunction(() => window.__benchOpen.textAt !== undefined && window.__benchOpen, undefined, { timeout: 60_000, polling: 50 }).then((h) => h.jsonValue());
    file.open = { textMs: text.textAt - text.enterAt };
    if (file.kind !== 'plain' && withExtension) {
      const probe = await page.waitForFunction(() => window.__benchOpen.diagnosticsAt !== undefined && window.__benchOpen, undefined, { timeout: afterTimeoutMs, polling: 100 })
        .then((h) => h.jsonValue(), () => page.evaluate(() => window.__benchOpen));
      file.open.diagnosticsMs = probe.diagnosticsAt !== undefined ? probe.diagnosticsAt - probe.enterAt : null;
      file.open.problems = probe.countAfter !== undefined ? probe.countAfter - probe.countBefore : 0;
      file.open.statusMessage = probe.statusMessage;
    }
    log(`opened ${file.name}: text ${Math.round(file.open.textMs)} ms${file.kind === 'plain' || !withExtension ? '' : `, diagnostics ${file.open.diagnosticsMs == null ? `none within ${afterTimeoutMs / 1000} s${file.open.statusMessage ? ` ("${file.open.statusMessage}")` : ''}` : `${Math.round(file.open.diagnosticsMs)} ms (${file.open.problems} problems)`}`}`);
    file.bursts = [];
  }

  // 2–4. Typing bursts, files interleaved, each undone afterwards.
  for (let round = 1; round <= rounds; round++) {
    for (const file of files) {
      const burst = await typingBurst({ page, wb, file, afterTimeoutMs, withExtension });
      file.bursts.push(burst);
      const t = burst.keys.map((k) => k.ms);
      log(`round ${round} ${file.name}: ${t.length} keys, median ${median(t).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms` +
        (file.kind === 'plain' || !withExtension ? '' : `; diagnostics ${burst.diagnosticsMs == null ? 'none' : `${Math.round(burst.diagnosticsMs)} ms`}; hover ${burst.hoverMs == null ? 'none' : `${Math.round(burst.hoverMs)} ms`}`));
    }
  }
  return report({ files, rounds, quick, prep, chromium: session.browser.version(), afterTimeoutMs, withExtension });
}

async function typingBurst({ page, wb, file, afterTimeoutMs, withExtension }) {
  const { plan, steps } = file;
  await wb.openFile(file.name, { timeout: 60_000 });
  // Reveal the Timeout line first (centred), then put the cursor in the Description: both on screen.
  await wb.gotoLine(String(plan.timeout.line));
  await wb.gotoLine(`${plan.desc.line}:${plan.desc.at + 1}`);
  await wb.focusEditor();
  await page.mouse.move(2, 400);
  const problemsBefore = await page.evaluate(problemCount);
  await page.waitForTimeout(1000);
  const template = file.kind !== 'plain' && withExtension;
  const lastLine = steps[steps.length - 1].expected;
  await page.evaluate(armTypingProbe, { steps, diagnosticsLine: template ? lastLine : undefined, hoverText: template ? HOVER_TEXT : undefined, timeoutMs: 120_000 });

  const start = Date.now();
  let lateBy = 0;
  for (const step of steps) {
    const wait = start + step.at - Date.now();
    if (wait > 0) await sleep(wait);
    else lateBy = Math.max(lateBy, -wait);
    await page.keyboard.press(step.key);
  }
  if (template) {
    // Over the value (beside the cursor, so on screen whatever the sideways scroll after typing at
    // the end of the long Description line), located now.
    const escaped = plan.timeout.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/, '\\d+');
    const hoverAt = await wb.wordPosition(new RegExp(`^${escaped}$`), plan.timeout.text.match(/\d+/)[0]);
    if (!hoverAt) throw new Error(`${file.name}: the Timeout line ${plan.timeout.line} is not on screen after typing`);
    await page.mouse.move(hoverAt.x, hoverAt.y, { steps: 1 });
  }

  const typed = await page.waitForFunction(() => { const p = window.__benchTyping; return p.steps.every((s) => s.expected === undefined || s.domAt !== undefined); }, undefined, { timeout: 30_000, polling: 100 })
    .then(() => true, () => false);
  if (template) {
    await page.waitForFunction(() => window.__benchTyping.diagnosticsAt !== undefined, undefined, { timeout: afterTimeoutMs, polling: 100 }).catch(() => {});
    await page.waitForFunction(() => window.__benchTyping.hoverAt !== undefined, undefined, { timeout: 20_000, polling: 100 }).catch(() => {});
  }
  const probe = await page.evaluate(() => { const p = window.__benchTyping; p.done = true; return p; });
  if (!typed) {
    const missing = probe.steps.find((s) => s.expected !== undefined && s.domAt === undefined);
    throw new Error(`${file.name}: the line never showed ${JSON.stringify(missing.expected)} (key ${JSON.stringify(missing.key)}); ${probe.keys.length} of ${steps.length} keydowns seen`);
  }
  if (probe.keys.length !== steps.length || probe.keys.some((k, i) => k.key !== steps[i].key)) {
    throw new Error(`${file.name}: the page saw keydowns ${JSON.stringify(probe.keys.map((k) => k.key).join(''))}, not the ${steps.length} keys sent`);
  }
  const keys = [];
  probe.steps.forEach((s, i) => {
    if (s.expected === undefined) return;
    const t = probe.keys[i].t;
    const event = probe.events.find((e) => Math.abs(e.t - t) < 0.5);
    keys.push({ key: s.key, ms: s.domAt - t, eventMs: event ? event.duration : undefined });
  });
  const last = probe.keys[probe.keys.length - 1].t;
  const burst = {
    keys,
    sendLateByMs: lateBy,
    diagnosticsMs: probe.diagnosticsAt !== undefined ? probe.diagnosticsAt - last : null,
    hoverMs: probe.hoverAt !== undefined ? probe.hoverAt - probe.movedAt : null,
    hoverAfterLastKeyMs: probe.hoverAt !== undefined ? probe.hoverAt - last : null,
    hoverShown: template && probe.hoverAt === undefined ? probe.hoverShownText : undefined,
  };

  // Undo (Ctrl+Z until both lines read as before; code-server auto-saves, so File: Revert File
  // would find nothing to revert), then wait until the Problems count is back.
  await wb.calm();
  await wb.focusEditor();
  const restored = () => page.evaluate(({ desc, changed }) => {
    const shown = new Set([...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')));
    return shown.has(desc) && !changed.some((t) => shown.has(t));
  }, { desc: plan.desc.text, changed: steps.filter((s) => s.key === '0').map((s) => s.expected) });
  for (let i = 0; !(await restored()); i++) {
    if (i === 200) throw new Error(`${file.name}: 200 × Ctrl+Z did not bring back line ${plan.desc.line} as it was`);
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(30);
  }
  await page.waitForFunction(`(${problemCount})() === ${problemsBefore}`, undefined, { timeout: afterTimeoutMs + 10_000, polling: 200 })
    .catch(() => { throw new Error(`${file.name}: the Problems count did not return to ${problemsBefore} after undoing the edit`); });
  await page.waitForTimeout(1500);
  return burst;
}

const ms = (x) => (x == null || !Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

function report({ files, rounds, quick, prep, chromium, afterTimeoutMs, withExtension }) {
  const plain = files.find((f) => f.kind === 'plain');
  const stats = (f) => {
    const all = f.bursts.flatMap((b) => b.keys.map((k) => k.ms));
    // Event Timing reports only keys of 16 ms or more: the others count as 0 here.
    const events = f.bursts.flatMap((b) => b.keys.map((k) => k.eventMs || 0));
    return {
      keys: all.length, median: median(all), p95: percentile(all, 0.95), max: Math.max(...all), over100: all.filter((t) => t > 100).length,
      event: { median: median(events), max: Math.max(...events), over100: events.filter((t) => t > 100).length, reported: events.filter((t) => t > 0).length },
    };
  };
  const base = stats(plain);
  const rows = files.map((f) => {
    const s = stats(f);
    const diag = f.bursts.map((b) => b.diagnosticsMs);
    const hover = f.bursts.map((b) => b.hoverMs);
    return {
      file: f.name,
      bytes: f.bytes,
      lines: f.lines,
      edited: f.kind === 'plain' ? `${f.plan.name} (as in large.yaml)` : f.plan.name,
      open: f.open,
      ...s,
      ratio: { median: s.median / base.median, p95: s.p95 / base.p95, max: s.max / base.max },
      diagnosticsMs: f.kind === 'plain' || !withExtension ? undefined : diag.every((d) => d == null) ? null : median(diag.filter((d) => d != null)),
      diagnosticsMissing: diag.filter((d) => d == null).length,
      hoverMs: f.kind === 'plain' || !withExtension ? undefined : hover.every((d) => d == null) ? null : median(hover.filter((d) => d != null)),
      hoverMissing: hover.filter((d) => d == null).length,
      bursts: f.bursts,
    };
  });
  const noDiagnostics = (r) => {
    const file = files.find((f) => f.name === r.file);
    return /no diagnostics/i.test(file.open.statusMessage || '') ? 'none: large-file policy' : `none within ${afterTimeoutMs / 1000} s`;
  };
  const raw = {
    vscode: prep.vscodeVersion,
    codeServer: prep.codeServerVersion,
    chromium,
    extension: withExtension ? 'installed (.vsix), node extension host' : 'NOT installed (control)',
    rounds,
    quick,
    typed: { words: WORDS, then: 'ArrowDown to the Timeout line, End, "00" (60 → 6000: LAMBDA001)' },
    rows,
  };
  const cell = (r, key, missing) => (r[key] === undefined ? 'n/a' : r[key] === null ? noDiagnostics(r) : `${ms(r[key])}${r[missing] ? ` (${r[missing]} of ${rounds} none)` : ''}`);
  const table = [`Typing in the browser (code-server + Chromium, ${withExtension ? 'extension installed' : 'control: extension NOT installed'}), ${rounds} burst${rounds > 1 ? 's' : ''} per file, ms`,
    ['file', 'open → first diagnostics', 'keys typed', 'key→paint median', 'p95', 'max', '÷ plain text (median / p95 / max)', 'keys > 100 ms', 'Event Timing: key → frame presented, median / max (keys > 100 ms)', 'last key → diagnostics updated', 'hover after typing (incl. 300 ms delay)'],
    rows.map((r) => [
      r.file,
      r.open.diagnosticsMs === undefined ? `n/a (text ${ms(r.open.textMs)})` : r.open.diagnosticsMs === null ? noDiagnostics(r) : `${ms(r.open.diagnosticsMs)} (${r.open.problems} problems)`,
      r.keys,
      ms(r.median), ms(r.p95), ms(r.max),
      `${r.ratio.median.toFixed(2)}× / ${r.ratio.p95.toFixed(2)}× / ${r.ratio.max.toFixed(2)}×`,
      r.over100,
      `${r.event.median ? ms(r.event.median) : '< 16'} / ${ms(r.event.max)} (${r.event.over100})`,
      cell(r, 'diagnosticsMs', 'diagnosticsMissing'),
      r.hoverMs === undefined ? 'n/a' : r.hoverMs === null ? 'no note shown' : `${ms(r.hoverMs)}${r.hoverMissing ? ` (${r.hoverMissing} of ${rounds} none)` : ''}`,
    ])];
  return { raw, tables: [table] };
}

module.exports = { run, editPlan, keySchedule };

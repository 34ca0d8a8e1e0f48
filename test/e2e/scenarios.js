// The e2e scenarios, in run order. Each gets the phase context from run-e2e.js:
//   { wb (Workbench), page, workspace, expected (CLI findings per file), metrics, notes,
//     shot(name, { docs }), setSettings(extra), cliFindings(), url(folder), languagePack, … }
// The CLI runs the same engine over the same files: its findings are the oracle for the squiggles
// and the Problems panel, so a rule change does not need an edit here.

'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vsix = require('../harness/vsix');

const SAM = 'sam-app/template.yaml';
const STACK = 'cloudformation/queue-stack.yaml';
const APPSPEC = 'deploy-ec2/appspec.yml';
const BUILDSPEC = 'codebuild/buildspec.yml';

const VISIBILITY_LINE = /^\s+VisibilityTimeout: 360\s*$/;

function firstLine(ctx, file) {
  return fs.readFileSync(path.join(ctx.workspace, file), 'utf8').split('\n')[0];
}

/** Opens `file`; the first time in a phase, records the time to its first squiggle. */
async function open(ctx, file, note) {
  ctx.opened ||= new Set();
  if (ctx.opened.has(file)) return ctx.wb.openFile(file);
  ctx.opened.add(file);
  const timing = await ctx.wb.openFile(file, { measure: true, firstLine: firstLine(ctx, file), timeout: 120_000 });
  ctx.metrics.open.push({ phase: ctx.phase, file, ...timing, note });
  return timing;
}

function expectedFor(ctx, file) {
  const list = ctx.expected[file];
  assert.ok(list && list.length > 0, `the CLI finds nothing in ${file}: the example changed?`);
  return list;
}

const near = (a, b) => Math.abs(a - b) <= 1;

/** Every finding the CLI reports has its squiggle (severity, line, columns), and no squiggle is extra. */
async function expectSquigglesMatch(ctx, file) {
  const expected = expectedFor(ctx, file);
  const seen = new Map();
  for (const f of expected) {
    await ctx.wb.gotoLine(`${f.line}:${f.column}`);
    const matches = (s) => s.severity === f.severity && s.line === f.line && near(s.column, f.column) && (f.endLine !== f.line || near(s.endColumn, f.endColumn));
    const squiggles = await ctx.wb.waitSquiggles((list) => list.some(matches), {
      timeout: 60_000,
      what: `a ${f.severity} squiggle for ${f.ruleId} at ${file}:${f.line}:${f.column}-${f.endColumn}`,
    });
    for (const s of squiggles) seen.set(`${s.line}:${s.column}:${s.severity}`, s);
  }
  for (const s of seen.values()) {
    const known = expected.some((f) => f.severity === s.severity && (s.line === f.line ? near(s.column, f.column) : s.line > f.line && s.line <= f.endLine));
    assert.ok(known, `a ${s.severity} squiggle at ${file}:${s.line}:${s.column} that the rules do not report (expected: ${expected.map((f) => `${f.ruleId}@${f.line}:${f.column}`).join(', ')})`);
  }
}

/** The Problems panel lists every finding of `file` with its rule id, position and message. */
async function expectProblems(ctx, file, { findings, keepOpen = false } = {}) {
  const expected = findings || expectedFor(ctx, file);
  const has = (rows, f) => rows.some((r) => r.text.includes(f.ruleId) && r.text.includes(`[Ln ${f.line}, Col ${f.column}]`) && r.text.includes(f.message.slice(0, 40)));
  const rows = await ctx.wb.problems({ until: (rows) => expected.every((f) => has(rows, f)), timeout: 60_000 });
  if (!keepOpen) await ctx.wb.closePanel();
  return rows;
}

async function hoverVisibility(ctx, expect) {
  await ctx.wb.calm();
  const lines = await ctx.wb.visibleLines();
  if (!Object.values(lines).some((l) => VISIBILITY_LINE.test(l))) {
    // Reveal the AuditQueue's VisibilityTimeout (line 40 in the example, 41 after the quick fix).
    const text = fs.readFileSync(path.join(ctx.workspace, SAM), 'utf8').split('\n');
    const index = text.findIndex((l) => VISIBILITY_LINE.test(l));
    assert.ok(index >= 0, `${SAM} has no "VisibilityTimeout: 360" line`);
    await ctx.wb.gotoLine(String(index + 1));
    await ctx.wb.calm();
  }
  return ctx.wb.hover(VISIBILITY_LINE, 'VisibilityTimeout', expect, { timeout: 90_000 });
}

async function lookUp(ctx, { command, placeholder, query, expect }) {
  await ctx.wb.runCommand(command);
  const input = ctx.page.locator(`.quick-input-widget input[placeholder*="${placeholder}"]`);
  await input.waitFor({ state: 'visible', timeout: 60_000 });
  await ctx.page.keyboard.type(query);
  const first = ctx.page.locator('.quick-input-list .monaco-list-row').first();
  await ctx.page.waitForFunction(
    ({ expect }) => {
      const row = document.querySelector('.quick-input-list .monaco-list-row[data-index="0"]');
      return row && row.innerText.includes(expect);
    },
    { expect },
    { timeout: 60_000, polling: 100 },
  );
  return first.innerText();
}

/** Quick fix SQS006 on the SAM template and check the saved document. */
async function quickFixVisibility(ctx, { screenshot } = {}) {
  const file = path.join(ctx.workspace, SAM);
  const before = fs.readFileSync(file, 'utf8');
  const finding = expectedFor(ctx, SAM).find((f) => f.ruleId === 'SQS006');
  assert.ok(finding, 'the CLI reports no SQS006 on the SAM template');
  await open(ctx, SAM);
  const rows = await ctx.wb.quickFixes(`${finding.line}:${finding.column}`, { expect: 'Set VisibilityTimeout to 360' });
  assert.ok(rows.some((r) => r.includes('Open note: sqs.visibility-timeout')), `no "Open note" action: ${JSON.stringify(rows)}`);
  if (screenshot) await ctx.shot(screenshot);
  await ctx.wb.applyQuickFix('Set VisibilityTimeout to 360');
  await ctx.wb.save();
  const deadline = Date.now() + 30_000;
  let after = fs.readFileSync(file, 'utf8');
  while (after === before && Date.now() < deadline) {
    await ctx.page.waitForTimeout(250);
    after = fs.readFileSync(file, 'utf8');
  }
  // Exactly one line added, inside OrdersQueue's Properties, and nothing else changed.
  const a = before.split('\n');
  const b = after.split('\n');
  assert.strictEqual(b.length, a.length + 1, `expected one added line; the file is now:\n${after}`);
  const at = b.findIndex((line, i) => line !== a[i]);
  assert.strictEqual(b[at], '      VisibilityTimeout: 360', `added line: ${JSON.stringify(b[at])}`);
  assert.deepStrictEqual([...b.slice(0, at), ...b.slice(at + 1)], a, 'the rest of the document changed');
  const queue = b.findIndex((l) => /^  OrdersQueue:/.test(l));
  const next = b.findIndex((l, i) => i > queue && /^  \S/.test(l));
  assert.ok(at > queue && at < next, `VisibilityTimeout went to line ${at + 1}, outside OrdersQueue (lines ${queue + 1}–${next})`);
  // The squiggle goes away, and the engine agrees the finding is fixed.
  await ctx.wb.waitSquiggles((list) => !list.some((s) => s.line === finding.line), { timeout: 60_000, what: `the SQS006 squiggle on line ${finding.line} to go` });
  const now = ctx.cliFindings()[SAM] || [];
  assert.ok(!now.some((f) => f.ruleId === 'SQS006'), 'the CLI still reports SQS006 after the fix');
}

async function registerJapanese(ctx) {
  if (ctx.japanese) return;
  vsix.registerLanguagePack(ctx.server.userDataDir, ctx.languagePack);
  await ctx.page.goto(ctx.url(ctx.workspace), { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await ctx.wb.waitReady();
  ctx.japanese = true;
}

const scenarios = [
  // ---------------------------------------------------------------- Node extension host
  {
    phase: 'node',
    title: 'SAM template: squiggles where the rules say',
    async run(ctx) {
      await open(ctx, SAM, '(first file: includes activation)');
      await expectSquigglesMatch(ctx, SAM);
    },
  },
  {
    phase: 'node',
    title: 'SAM template: hovering a property shows its note (title and text)',
    async run(ctx) {
      await ctx.wb.openFile(SAM);
      const first = await hoverVisibility(ctx, 'After a consumer receives a message');
      assert.match(first.text, /SQS visibility timeout/);
      assert.match(first.text, /Default 30 seconds/);
      assert.match(first.text, /Open note/);
      ctx.metrics.hover.push({ phase: ctx.phase, ms: first.ms, what: `first hover, ${first.attempts} attempt(s)` });
      await ctx.shot('hover-note');
      for (let i = 0; i < 3; i++) {
        const again = await hoverVisibility(ctx, 'After a consumer receives a message');
        ctx.metrics.hover.push({ phase: ctx.phase, ms: again.ms, what: 'again' });
      }
    },
  },
  {
    phase: 'node',
    title: 'CloudFormation stack: squiggles, and the Problems panel lists the findings with rule ids',
    async run(ctx) {
      await open(ctx, STACK);
      await expectSquigglesMatch(ctx, STACK);
      await ctx.wb.gotoLine('1');
      await expectProblems(ctx, STACK, { keepOpen: true });
      await ctx.shot('problems-panel');
      await ctx.wb.closePanel();
    },
  },
  {
    phase: 'node',
    title: 'quick fix with Ctrl+. sets VisibilityTimeout (SQS006) and the document changes as expected',
    async run(ctx) {
      await quickFixVisibility(ctx, { screenshot: 'quick-fix' });
    },
  },
  {
    phase: 'node',
    title: 'IaC Notes: Look Up Note… finds a note from a Japanese query (可視性) and opens it',
    async run(ctx) {
      const first = await lookUp(ctx, { command: 'IaC Notes: Look Up Note…', placeholder: 'Search the notes', query: '可視性', expect: 'SQS visibility timeout' });
      assert.match(first, /sqs\.visibility-timeout/);
      await ctx.shot('lookup');
      await ctx.page.keyboard.press('Enter');
      await ctx.wb.activeTab('sqs.visibility-timeout.md').waitFor({ state: 'visible', timeout: 60_000 });
      const text = await ctx.wb.frameText(/SQS visibility timeout/, { timeout: 60_000 });
      assert.match(text, /After a consumer receives a message/);
    },
  },
  {
    phase: 'node',
    title: 'appspec.yml with hooks out of order shows its findings',
    async run(ctx) {
      await open(ctx, APPSPEC);
      await expectSquigglesMatch(ctx, APPSPEC);
      await expectProblems(ctx, APPSPEC);
      const order = expectedFor(ctx, APPSPEC).find((f) => f.ruleId === 'APPSPEC005');
      assert.ok(order, 'the CLI reports no APPSPEC005 (hooks out of order) on the EC2 appspec');
      await ctx.wb.gotoLine(String(order.line));
      const hover = await ctx.wb.hover(order.line, 'hooks', 'APPSPEC005', { timeout: 60_000 });
      assert.match(hover.text, /Hooks run in lifecycle order/);
    },
  },
  {
    phase: 'node',
    title: 'buildspec.yml with a plaintext secret shows BUILDSPEC007',
    async run(ctx) {
      await open(ctx, BUILDSPEC);
      await expectSquigglesMatch(ctx, BUILDSPEC);
      await expectProblems(ctx, BUILDSPEC);
      const secret = expectedFor(ctx, BUILDSPEC).find((f) => f.ruleId === 'BUILDSPEC007');
      assert.ok(secret, 'the CLI reports no BUILDSPEC007 on the buildspec');
      await ctx.wb.gotoLine(String(secret.line));
      const hover = await ctx.wb.hover(secret.line, 'DB_PASSWORD', 'BUILDSPEC007', { timeout: 60_000 });
      assert.match(hover.text, /Plain-text variables/);
    },
  },
  {
    phase: 'node',
    title: 'iacNotes.language = ja: the hover and the diagnostics are in Japanese',
    async run(ctx) {
      await ctx.wb.setEnumSetting('iacNotes.language', 'ja', { written: () => ctx.settingValue('iacNotes.language') === 'ja' });
      try {
        await ctx.wb.openFile(SAM);
        const hover = await hoverVisibility(ctx, 'キューから処理された後');
        assert.match(hover.text, /可視性タイムアウト/);
        await ctx.shot('hover-ja');
        const ja = ctx.cliFindings(undefined, 'ja')[BUILDSPEC];
        await ctx.wb.openFile(BUILDSPEC);
        await expectProblems(ctx, BUILDSPEC, { findings: ja.filter((f) => f.ruleId === 'BUILDSPEC007') });
      } finally {
        await ctx.wb.setEnumSetting('iacNotes.language', 'en', { written: () => ctx.settingValue('iacNotes.language') === 'en' }).catch(() => {});
      }
    },
  },
  {
    phase: 'node',
    title: 'Running Extensions: IaC Notes runs in the Node extension host on the server',
    async run(ctx) {
      const rows = await ctx.wb.runningExtensions('IaC Notes');
      const ours = rows.find((r) => r.name === 'IaC Notes');
      assert.ok(ours, `IaC Notes is not running: ${JSON.stringify(rows)}`);
      assert.doesNotMatch(ours.where, /web worker/);
      ctx.notes.push(`node phase: Running Extensions shows IaC Notes at "${ours.where}" (${ours.activation})`);
      await ctx.shot('running-extensions-node', { docs: false });
      await ctx.wb.calm();
    },
  },

  // ---------------------------------------------------------------- web worker extension host
  {
    phase: 'webworker',
    title: 'remote.extensionKind ["web"]: Running Extensions shows IaC Notes in the web worker',
    async run(ctx) {
      await open(ctx, STACK, '(web worker host: includes activation)');
      const rows = await ctx.wb.runningExtensions('IaC Notes');
      const ours = rows.find((r) => r.name === 'IaC Notes');
      assert.ok(ours, `IaC Notes is not running: ${JSON.stringify(rows)}`);
      assert.match(ours.where, /web worker/, `IaC Notes runs at "${ours.where}", not in the web worker`);
      const workerFrame = ctx.page.frames().some((f) => /webWorkerExtensionHostIframe/.test(f.url()));
      ctx.notes.push(`webworker phase: Running Extensions shows IaC Notes at "${ours.where}" (${ours.activation}); web worker host iframe present: ${workerFrame}`);
      await ctx.shot('running-extensions-web-worker', { docs: false });
      await ctx.wb.calm();
    },
  },
  {
    phase: 'webworker',
    title: 'web worker: squiggles, Problems panel, hover and a quick fix work',
    async run(ctx) {
      await open(ctx, STACK);
      await expectSquigglesMatch(ctx, STACK);
      await expectProblems(ctx, STACK);
      await open(ctx, SAM);
      const hover = await hoverVisibility(ctx, 'After a consumer receives a message');
      assert.match(hover.text, /SQS visibility timeout/);
      ctx.metrics.hover.push({ phase: ctx.phase, ms: hover.ms, what: `first hover, ${hover.attempts} attempt(s)` });
      for (let i = 0; i < 3; i++) {
        const again = await hoverVisibility(ctx, 'After a consumer receives a message');
        ctx.metrics.hover.push({ phase: ctx.phase, ms: again.ms, what: 'again' });
      }
      await quickFixVisibility(ctx);
    },
  },

  // ---------------------------------------------------------------- Japanese display language
  {
    phase: 'ja',
    title: 'code-server --locale ja without a language pack (observation)',
    async run(ctx) {
      if (ctx.japanese) return;
      const language = await ctx.page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE || '(unset, i.e. English)');
      const rows = await ctx.wb.openPalette('IaC Notes', { expect: 'IaC Notes', timeout: 90_000 });
      const titles = rows.filter((r) => r.startsWith('IaC Notes')).map((r) => r.split('\n')[0]);
      // What the extension host sees: with iacNotes.language auto the lookup follows vscode.env.language.
      const command = titles.find((t) => /Look Up Note|ノートを検索/.test(t));
      await ctx.wb.runCommand(command);
      const input = ctx.page.locator('.quick-input-widget input[placeholder]');
      await input.waitFor({ state: 'visible', timeout: 60_000 });
      await ctx.page.waitForFunction(() => /Search the notes|ノートを検索/.test((document.querySelector('.quick-input-widget input') || {}).placeholder || ''), undefined, { timeout: 60_000 });
      const placeholder = await input.getAttribute('placeholder');
      await ctx.wb.calm();
      ctx.notes.push(`--locale ja without a language pack: workbench NLS language ${language}; palette shows ${JSON.stringify(titles)}; lookup placeholder (iacNotes.language auto) "${placeholder}"`);
    },
  },
  {
    phase: 'ja',
    title: 'display language ja: the command palette shows the Japanese command titles',
    async run(ctx) {
      await registerJapanese(ctx);
      const language = await ctx.page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
      assert.strictEqual(language, 'ja', 'the workbench did not switch to display language ja');
      await ctx.wb.openFile(SAM);
      const rows = await ctx.wb.openPalette('IaC Notes', { expect: 'ノートを検索…' });
      await ctx.shot('command-palette-ja');
      for (const title of ['IaC Notes: ノートを検索…', 'IaC Notes: 出力を表示', 'IaC Notes: Red Hat YAML に CloudFormation のタグを追加']) {
        assert.ok(rows.some((r) => r.split('\n')[0] === title), `"${title}" is not in the palette: ${JSON.stringify(rows)}`);
      }
      ctx.notes.push(`--locale ja with the test language pack: workbench NLS language ja; palette shows ${JSON.stringify(rows.filter((r) => r.startsWith('IaC Notes')).map((r) => r.split('\n')[0]))}`);
      await ctx.wb.calm();
    },
  },
  {
    phase: 'ja',
    title: 'display language ja: lookup, hover and diagnostics follow it (iacNotes.language auto)',
    async run(ctx) {
      await registerJapanese(ctx);
      const first = await lookUp(ctx, { command: 'IaC Notes: ノートを検索…', placeholder: 'ノートを検索', query: 'visibility', expect: '可視性タイムアウト' });
      assert.match(first, /sqs\.visibility-timeout/);
      await ctx.wb.calm();
      await ctx.wb.openFile(SAM);
      const hover = await hoverVisibility(ctx, 'キューから処理された後');
      assert.match(hover.text, /可視性タイムアウト/);
      const ja = ctx.cliFindings(undefined, 'ja')[BUILDSPEC];
      await ctx.wb.openFile(BUILDSPEC);
      await expectProblems(ctx, BUILDSPEC, { findings: ja });
    },
  },
  {
    phase: 'ja',
    title: 'display language ja: runtime messages come from l10n/bundle.l10n.ja.json',
    async run(ctx) {
      await registerJapanese(ctx);
      await ctx.wb.runCommand('IaC Notes: Red Hat YAML に CloudFormation のタグを追加');
      const toast = ctx.page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'インストールされていないため' });
      await toast.first().waitFor({ state: 'visible', timeout: 60_000 });
      assert.match(await toast.first().innerText(), /Red Hat YAML（redhat\.vscode-yaml）がインストールされていないため/);
    },
  },
];

module.exports = { scenarios };

#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js) inside the real VS Code extension
// host served by code-server, with headless Chromium as the workbench client.
//
//   npm run build && npm run compile-tests && node test/harness/run-integration.js [--grep TEXT]
//
// Environment: IAC_NOTES_TEST_TIMEOUT (seconds, default 300), IAC_NOTES_TEST_GREP (same as --grep),
// IAC_NOTES_VERBOSE=1 (also print the workbench's own console), IAC_NOTES_CACHE (install cache),
// IAC_NOTES_CHROMIUM (another Chromium binary).
// On failure: test-results/integration/ gets a screenshot, the code-server and VS Code logs.

'use strict';

const fs = require('fs');
const path = require('path');
const util = require('util');
const { prepare } = require('./prepare-vscode');
const { startCodeServer, launchChromium } = require('./code-server');

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const WORKSPACE = path.join(ROOT, 'test', 'integration', 'workspace');
const RESULTS = path.join(ROOT, 'test-results', 'integration');
// Printed by test/integration/index.ts when Mocha starts.
const SUITE_STARTED = '[iac-notes] integration suite starting';
// And its closing line.
const SUMMARY = /^integration: \d+ passed, \d+ failed/;
// Lines of the workbench itself that say nothing about the tests (this machine has no network).
const WORKBENCH_NOISE = [
  /^\[AccountPolicyGate\]/,
  /^\[AgentHost/,
  /ENOTFOUND/,
  /^Creation of workbench contribution/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
];

function say(line) {
  process.stdout.write(`[integration] ${line}\n`);
}

function parseArgs(argv) {
  const options = { grep: process.env.IAC_NOTES_TEST_GREP || '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') options.grep = argv[++i] || '';
    else if (argv[i].startsWith('--grep=')) options.grep = argv[i].slice('--grep='.length);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node test/harness/run-integration.js [--grep TEXT]');
      process.exit(0);
    } else throw new Error(`Unknown argument ${argv[i]}`);
  }
  return options;
}

function checkBuilt() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const main = path.resolve(ROOT, pkg.main || 'dist/extension.js');
  const missing = [main, SUITE].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.map((f) => path.relative(ROOT, f)).join(', ')}: run \`npm run build && npm run compile-tests\` first.`);
  }
  if (!fs.existsSync(WORKSPACE)) throw new Error(`Missing the test workspace ${WORKSPACE}.`);
  return `${pkg.publisher}.${pkg.name}`;
}

/** Formats one console call forwarded from the workbench or the extension host. */
function formatLog(args) {
  if (!Array.isArray(args)) return String(args);
  if (args.length > 0 && typeof args[0] === 'string' && args[0].includes('%c')) {
    // Browser console styling: drop the CSS arguments.
    const styles = (args[0].match(/%c/g) || []).length;
    return util.format(args[0].replace(/%c/g, ''), ...args.slice(1 + styles));
  }
  return util.format(...args);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const extensionId = checkBuilt();
  const timeoutSeconds = Number(process.env.IAC_NOTES_TEST_TIMEOUT) || 300;
  const verbose = process.env.IAC_NOTES_VERBOSE === '1';

  fs.rmSync(RESULTS, { recursive: true, force: true });
  const prep = await prepare();
  let server;
  let browser;
  let page;
  let starting;
  let launching;
  let failed = true;
  let exitCode = 1;
  let vscodeLogs = [];
  const consoleLines = [];
  let suiteStarted = false;
  let summary;
  // Ctrl+C / SIGTERM: abort whatever step is running; the finally below stops everything.
  let signalled;
  let interrupt;
  const interrupted = new Promise((_, reject) => {
    interrupt = reject;
  });
  interrupted.catch(() => {});
  const step = (promise) => Promise.race([promise, interrupted]);
  const onSignal = (signal) => {
    if (signalled) return;
    signalled = signal;
    say(`received ${signal}: stopping`);
    interrupt(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    starting = startCodeServer({
      prep,
      smokeTestDriver: true,
      log: say,
      env: options.grep ? { IAC_NOTES_TEST_GREP: options.grep } : {},
    });
    // If interrupted while starting, still stop the server once it is up.
    starting.then((started) => (server = started), () => {});
    server = await step(starting);
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${authority}${SUITE}`],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    launching = launchChromium({ executablePath: prep.chromium });
    launching.then((launched) => (browser = launched), () => {});
    browser = await step(launching);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();

    let settle;
    const finished = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    finished.catch(() => {});
    // codeAutomationLog gets the console of the workbench and of the extension host alike. Until
    // the suite announces itself (index.ts prints SUITE_STARTED) the lines are the workbench
    // starting: keep them for the failure evidence, print them only when verbose. After that,
    // print everything but the workbench's known chatter, so that mocha's reporter reads cleanly.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLog(args);
      consoleLines.push(`[${type}] ${text}`);
      if (!suiteStarted && text.includes(SUITE_STARTED)) {
        suiteStarted = true;
        return;
      }
      // index.ts's "integration: N passed, N failed" closes the output (CI reads the last lines).
      if (suiteStarted && SUMMARY.test(text)) summary = text;
      else if (verbose || (suiteStarted && !WORKBENCH_NOISE.some((re) => re.test(text)))) process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      vscodeLogs = Array.isArray(logs) ? logs : [];
      settle.resolve(typeof code === 'number' ? code : 1);
    });
    page.on('crash', () => settle.reject(new Error('The workbench page crashed.')));
    page.on('close', () => settle.reject(new Error('The workbench page closed before the tests finished.')));
    page.on('pageerror', (error) => {
      if (verbose) process.stdout.write(`[workbench pageerror] ${error.message}\n`);
    });
    server.exited.then((info) => settle.reject(new Error(`code-server exited while the tests ran (${info.signal || `exit code ${info.code}`}).`)));

    say(`running the suite in VS Code ${prep.vscodeVersion} (code-server ${prep.codeServerVersion}) for ${extensionId}`);
    await step(page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }));

    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `The integration tests did not finish within ${timeoutSeconds}s (no codeAutomationExit from the workbench). ` +
                'Raise IAC_NOTES_TEST_TIMEOUT if the suite is slow; logs and a screenshot are in test-results/integration/.',
            ),
          ),
        timeoutSeconds * 1000,
      );
    });
    try {
      exitCode = await Promise.race([finished, timeout, interrupted]);
    } finally {
      clearTimeout(timer);
    }
    failed = exitCode !== 0;
    say(`suite finished with exit code ${exitCode} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  } catch (error) {
    failed = true;
    exitCode = 1;
    console.error(`[integration] ${error.message}`);
  } finally {
    if (failed && !signalled) {
      if (!suiteStarted && consoleLines.length > 0 && !verbose) {
        say('the suite never started; the workbench console said:');
        process.stdout.write(consoleLines.slice(-40).map((line) => `  ${line.split('\n')[0]}\n`).join(''));
      }
      await saveEvidence({ page, server, vscodeLogs, consoleLines });
    }
    // Interrupted while starting: wait for the start to settle so that nothing is left running.
    if (!browser && launching) browser = await launching.catch(() => undefined);
    if (browser) await browser.close().catch(() => {});
    if (!server && starting) server = await starting.catch(() => undefined);
    if (server) await server.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  if (summary) process.stdout.write(`${summary}\n`);
  return signalled ? 130 : exitCode;
}

async function saveEvidence({ page, server, vscodeLogs, consoleLines }) {
  try {
    fs.rmSync(RESULTS, { recursive: true, force: true });
    fs.mkdirSync(RESULTS, { recursive: true });
    if (page && !page.isClosed()) {
      await page.screenshot({ path: path.join(RESULTS, 'screenshot.png'), timeout: 10_000 }).catch(() => {});
    }
    if (server) server.collectLogs(RESULTS);
    fs.writeFileSync(path.join(RESULTS, 'console.log'), consoleLines.join('\n') + '\n');
    for (const log of vscodeLogs || []) {
      if (!log || typeof log.relativePath !== 'string') continue;
      const target = path.join(RESULTS, 'vscode-client-logs', path.normalize(log.relativePath).replace(/^(\.\.(\/|\\|$))+/, ''));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, String(log.contents ?? ''));
    }
    say(`saved a screenshot and logs in ${path.relative(ROOT, RESULTS)}/`);
  } catch (error) {
    console.error(`[integration] could not save the failure evidence: ${error.message}`);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[integration] ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { main };

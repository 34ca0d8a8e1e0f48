// Starts code-server (VS Code server + web workbench) for the harness, isolated from the machine:
// its own process group, a scratch HOME / XDG_* / TMPDIR, its own --user-data-dir and
// --extensions-dir, loopback only, quiet user settings. Also launches Debian's Chromium through
// playwright-core. See /work/shared/docs/real-vscode.md for why each flag is there.

'use strict';

const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const HOST = '127.0.0.1';

const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'iacNotes.language': 'en',
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function portIsFree(port, host = HOST) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now on 127.0.0.1. */
function freePort(host = HOST) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `preferred` if free, else the next free port up to `preferred + tries - 1`. */
async function firstFreePort(preferred, tries = 50, host = HOST) {
  for (let port = preferred; port < preferred + tries && port <= 65535; port++) {
    if (await portIsFree(port, host)) return port;
  }
  throw new Error(`No free port on ${host} in ${preferred}–${preferred + tries - 1}.`);
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The environment code-server gets: the caller's, minus anything that would steer it elsewhere. */
function isolatedEnv(scratch, extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI etc. (a VS Code terminal) make code-server act as a client of that
    // editor; npm_* leak from `npm run`; PORT/PASSWORD/CODE_SERVER_* are read by code-server.
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_|CS_|npm_)/i.test(key)) continue;
    if (['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'INIT_CWD', 'NODE_OPTIONS', 'GITHUB_TOKEN'].includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: path.join(scratch, 'home'),
    XDG_CONFIG_HOME: path.join(scratch, 'home', '.config'),
    XDG_DATA_HOME: path.join(scratch, 'home', '.local', 'share'),
    XDG_CACHE_HOME: path.join(scratch, 'home', '.cache'),
    XDG_STATE_HOME: path.join(scratch, 'home', '.local', 'state'),
    XDG_RUNTIME_DIR: path.join(scratch, 'run'),
    TMPDIR: path.join(scratch, 'tmp'),
    ...extra,
  };
}

/**
 * Starts code-server and waits until it answers HTTP.
 * Options:
 *   prep              result of prepare-vscode's prepare() (nodeBin, codeServerEntry)   (required)
 *   port              port to bind on 127.0.0.1 (default: a free one)
 *   smokeTestDriver   add --vscode-option enable-smoke-test-driver (for extensionTestsPath payloads)
 *   settings          extra user settings, merged over the quiet defaults
 *   extensionsDir     use this extensions dir (default: a fresh one in the scratch dir)
 *   folder            folder to open by default (positional argument)
 *   env               extra environment for code-server (and so for the extension host)
 *   args              extra code-server arguments
 *   beforeStart       async function({ scratchDir, userDataDir, extensionsDir }) run before the
 *                     server starts, e.g. to copy an unpacked extension into extensionsDir
 *   scratchDir        where HOME, TMPDIR, user data… go (default: a new folder in os.tmpdir())
 *   keepScratch       leave the scratch dir behind on stop()
 *   startTimeoutMs    how long to wait for HTTP (default 90 s)
 *   log               function(line) for progress lines (default: console.log)
 * Returns { url, port, pid, scratchDir, userDataDir, extensionsDir, logFile, collectLogs(dest), stop() }.
 */
async function startCodeServer(options) {
  const { prep } = options;
  if (!prep || !prep.nodeBin || !prep.codeServerEntry) throw new Error('startCodeServer: pass { prep } from prepare-vscode.');
  const say = options.log || ((line) => console.log(line));
  const port = options.port || (await freePort());
  const scratch = options.scratchDir || fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-cs-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir || path.join(scratch, 'extensions');
  for (const dir of ['home/.config', 'home/.local/share', 'home/.local/state', 'home/.cache', 'run', 'tmp']) {
    fs.mkdirSync(path.join(scratch, dir), { recursive: true });
  }
  fs.chmodSync(path.join(scratch, 'run'), 0o700);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = { ...QUIET_SETTINGS, ...(options.settings || {}) };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  if (options.beforeStart) {
    try {
      await options.beforeStart({ scratchDir: scratch, userDataDir, extensionsDir });
    } catch (error) {
      if (!options.scratchDir && !options.keepScratch) fs.rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  const args = [
    prep.codeServerEntry,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--config', path.join(scratch, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.args) args.push(...options.args);
  if (options.folder) args.push(options.folder);

  const logFile = path.join(scratch, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const env = isolatedEnv(scratch, {
    PATH: `${prep.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
    ...(options.env || {}),
  });
  const child = spawn(prep.nodeBin, args, { cwd: scratch, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const pid = child.pid;
  let exited = child.exitCode !== null ? { code: child.exitCode, signal: child.signalCode } : undefined;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on('error', (error) => {
      exited = { code: null, signal: null, error };
      resolve(exited);
    });
  });

  // Safety net: never leave the group behind if our process dies without calling stop().
  const killGroupSync = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', killGroupSync);

  let stopping;
  function stop() {
    if (!stopping) stopping = doStop();
    return stopping;
  }
  async function doStop() {
    process.removeListener('exit', killGroupSync);
    const signalGroup = (signal) => {
      try {
        process.kill(-pid, signal);
        return true;
      } catch {
        return false;
      }
    };
    if (signalGroup('SIGTERM')) {
      // The main process exiting is not enough: wait for the whole group to be gone.
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        await sleep(100);
        if (!signalGroup(0)) break;
      }
      signalGroup('SIGKILL');
    }
    await Promise.race([exitPromise, sleep(2000)]);
    if (!options.keepScratch && !options.scratchDir) {
      fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    }
  }

  /** Copies code-server's own log and VS Code's server logs into `dest`. */
  function collectLogs(dest) {
    fs.mkdirSync(dest, { recursive: true });
    if (fs.existsSync(logFile)) fs.copyFileSync(logFile, path.join(dest, 'code-server.log'));
    const logsDir = path.join(userDataDir, 'logs');
    if (fs.existsSync(logsDir)) fs.cpSync(logsDir, path.join(dest, 'vscode-server-logs'), { recursive: true });
    fs.writeFileSync(path.join(dest, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  }

  const url = `http://${HOST}:${port}`;
  const timeoutMs = options.startTimeoutMs || 90_000;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) {
        const detail = exited.error ? exited.error.message : exited.signal || `exit code ${exited.code}`;
        throw new Error(`code-server exited during startup (${detail}). Log:\n${tail(logFile)}`);
      }
      const status = await httpStatus(`${url}/healthz`);
      if (status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000}s. Log:\n${tail(logFile)}`);
      }
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  say(`[code-server] listening on ${url} (pid ${pid}, scratch ${scratch})`);
  return { url, port, pid, scratchDir: scratch, userDataDir, extensionsDir, logFile, exited: exitPromise, collectLogs, stop };
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Launches Chromium through playwright-core (no browser download: the system's Chromium).
 * Returns playwright's Browser; close it with browser.close().
 */
async function launchChromium({ executablePath, headless = true, args = [] } = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: executablePath || process.env.IAC_NOTES_CHROMIUM || '/usr/bin/chromium',
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    // The harness stops things itself; do not let playwright race it on SIGINT/SIGTERM.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

module.exports = { startCodeServer, launchChromium, freePort, firstFreePort, portIsFree, isolatedEnv, QUIET_SETTINGS, CHROMIUM_ARGS, HOST };

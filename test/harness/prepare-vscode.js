#!/usr/bin/env node
// Installs what the real-VS-Code harness needs, idempotently and checked by version:
//   - Node 24 (the npm package `node`, whose platform package ships the binary and the headers),
//   - code-server (VS Code server + web workbench), built with that Node 24,
//   - the system pieces: Debian's Chromium and libkrb5-dev (gssapi.h, for code-server's kerberos).
//
// The installs live in a cache OUTSIDE the repository so that fresh clones (CI) reuse them:
//   $IAC_NOTES_CACHE, else $XDG_CACHE_HOME/iac-notes, else ~/.cache/iac-notes.
// Each component gets its own folder named by version, and a marker file written only after the
// install completed and was verified. A folder without a matching marker is a stale or partial
// install: it is deleted and rebuilt, never trusted.
//
// CLI:    node test/harness/prepare-vscode.js        (prints the resolved paths as JSON)
// Module: const { prepare } = require('./prepare-vscode'); const env = await prepare();

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const VSCODE_VERSION = '1.139.1';
// Bump to force every cache to be rebuilt when the install recipe itself changes.
const RECIPE = 1;
const MARKER = '.iac-notes-install.json';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

const started = Date.now();
function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`[prepare-vscode +${seconds}s] ${message}\n`);
}

function cacheRoot() {
  if (process.env.IAC_NOTES_CACHE) return path.resolve(process.env.IAC_NOTES_CACHE);
  const base = process.env.XDG_CACHE_HOME ? path.resolve(process.env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'iac-notes');
}

/** Environment for a nested npm: nothing inherited from an `npm run` that started us. */
function cleanNpmEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

function markerMatches(dir, expected) {
  const marker = readMarker(dir);
  if (!marker) return false;
  return Object.entries(expected).every(([key, value]) => marker[key] === value);
}

function writeMarker(dir, content) {
  const file = path.join(dir, MARKER);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...content, installedAt: new Date().toISOString() }, null, 2) + '\n');
  fs.renameSync(`${file}.tmp`, file);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A lock folder so that two runs sharing a cache do not install into it at once. */
async function withLock(root, fn) {
  const lock = path.join(root, '.lock');
  const deadline = Date.now() + 20 * 60 * 1000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner may be between mkdir and writing its pid.
      }
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if ((Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) || (!Number.isInteger(owner) && age > 60_000)) {
        log(`removing a stale lock left by process ${owner || '?'}`);
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the cache lock ${lock} (held by process ${owner}).`);
      if (!announced) {
        log(`another run (process ${owner}) is installing into ${root}; waiting for it`);
        announced = true;
      }
      await sleep(2000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs a command with its output in a log file, printing a heartbeat; shows the log's tail on failure. */
function runLogged(command, args, options, logFile, label) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    const t0 = Date.now();
    const heartbeat = setInterval(() => log(`${label}: still running (${Math.round((Date.now() - t0) / 1000)}s)`), 30_000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      fs.closeSync(out);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');
      reject(new Error(`${label} failed (${signal || `exit code ${code}`}). Last lines of ${logFile}:\n${tail}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// System packages

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure Chromium (always) and the gssapi header (only when code-server must be built) are there.
 * Installs them with apt-get as root; otherwise fails with a message that says what to install.
 */
function ensureSystemPackages({ needGssapi }) {
  const chromium = process.env.IAC_NOTES_CHROMIUM || DEFAULT_CHROMIUM;
  const missing = () => {
    const list = [];
    if (!fs.existsSync(chromium)) list.push({ pkg: 'chromium', what: chromium });
    if (needGssapi && !fs.existsSync(GSSAPI_HEADER)) list.push({ pkg: 'libkrb5-dev', what: GSSAPI_HEADER });
    return list;
  };
  let absent = missing();
  if (absent.length === 0) return chromium;
  const packages = ['chromium', 'libkrb5-dev'];
  const describe = absent.map((m) => `${m.what} (Debian package ${m.pkg})`).join(' and ');
  if (process.env.IAC_NOTES_CHROMIUM && absent.some((m) => m.pkg === 'chromium')) {
    throw new Error(`IAC_NOTES_CHROMIUM points at ${chromium}, which does not exist.`);
  }
  if (!isRoot() || !hasCommand('apt-get')) {
    throw new Error(
      `Missing ${describe}. Install the missing packages first, e.g. as root on Debian/Ubuntu:\n` +
        `  apt-get update && apt-get install -y ${packages.join(' ')}\n` +
        `(or set IAC_NOTES_CHROMIUM to another Chromium binary).`,
    );
  }
  log(`missing ${describe}: installing with apt-get (${packages.join(' ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (exit code ${result.status}). Install ${packages.join(' ')} by hand.`);
    }
  }
  absent = missing();
  if (absent.length > 0) {
    throw new Error(`Still missing after apt-get install: ${absent.map((m) => m.what).join(', ')}.`);
  }
  log('system packages installed');
  return chromium;
}

// ---------------------------------------------------------------------------------------------
// Node 24

function platformPackage() {
  const arch = { x64: 'x64', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x' }[process.arch] || process.arch;
  return `node-${process.platform}-${arch}`;
}

function nodeLayout(dir) {
  const pkgDir = path.join(dir, 'node_modules', platformPackage());
  return {
    dir,
    binDir: path.join(dir, 'bin'),
    node: path.join(dir, 'bin', 'node'),
    realNode: path.join(pkgDir, 'bin', 'node'),
    headers: pkgDir, // holds include/node/*.h, which node-gyp wants as `nodedir`
  };
}

function nodeVersionOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function ensureNode(root) {
  const dir = path.join(root, `node-${NODE_VERSION}-${process.platform}-${process.arch}`);
  const layout = nodeLayout(dir);
  const expected = { component: 'node', version: NODE_VERSION, platform: process.platform, arch: process.arch, recipe: RECIPE };
  if (markerMatches(dir, expected) && nodeVersionOf(layout.node) === `v${NODE_VERSION}`) {
    log(`Node ${NODE_VERSION}: cached in ${dir}`);
    return layout;
  }
  if (fs.existsSync(dir)) log(`Node ${NODE_VERSION}: discarding the incomplete or stale install in ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'iac-notes-node', private: true }, null, 2) + '\n');
  log(`Node ${NODE_VERSION}: installing the npm package ${platformPackage()}@${NODE_VERSION} into ${dir}`);
  // The `node` package only installs its platform package in a preinstall step; installing the
  // platform package directly gives the same binary and headers with one plain, pinned install.
  await runLogged(
    'npm',
    ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', `${platformPackage()}@${NODE_VERSION}`],
    { cwd: dir, env: cleanNpmEnv() },
    path.join(root, `install-node-${NODE_VERSION}.log`),
    `npm install ${platformPackage()}@${NODE_VERSION}`,
  );
  if (!fs.existsSync(path.join(layout.headers, 'include', 'node', 'node_api.h'))) {
    throw new Error(`Node ${NODE_VERSION}: the package installed no headers under ${layout.headers}/include/node.`);
  }
  fs.chmodSync(layout.realNode, 0o755);
  fs.mkdirSync(layout.binDir, { recursive: true });
  fs.symlinkSync(path.relative(layout.binDir, layout.realNode), layout.node);
  const got = nodeVersionOf(layout.node);
  if (got !== `v${NODE_VERSION}`) throw new Error(`Node ${NODE_VERSION}: ${layout.node} --version printed ${got}.`);
  writeMarker(dir, expected);
  log(`Node ${NODE_VERSION}: installed`);
  return layout;
}

// ---------------------------------------------------------------------------------------------
// code-server

function codeServerLayout(dir) {
  const pkg = path.join(dir, 'node_modules', 'code-server');
  return { dir, packageDir: pkg, entry: path.join(pkg, 'out', 'node', 'entry.js') };
}

/** The line `code-server --version` prints, e.g. "4.139.1 <commit> with Code 1.139.1". */
function codeServerVersionOf(nodeBin, entry) {
  // Even --version writes a default config file under the config dir: keep it out of the real HOME.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-version-'));
  try {
    const env = cleanNpmEnv({ HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch });
    for (const key of Object.keys(env)) if (/^(VSCODE_|CODE_SERVER_)/.test(key)) delete env[key];
    const result = spawnSync(nodeBin, [entry, '--version'], { encoding: 'utf8', env, timeout: 60_000 });
    if (result.status !== 0) return undefined;
    return result.stdout.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function ensureCodeServer(root, node, { needInstall }) {
  const dir = path.join(root, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}-${process.platform}-${process.arch}`);
  const layout = codeServerLayout(dir);
  const expected = {
    component: 'code-server',
    version: CODE_SERVER_VERSION,
    node: NODE_VERSION,
    platform: process.platform,
    arch: process.arch,
    recipe: RECIPE,
  };
  if (!needInstall) {
    log(`code-server ${CODE_SERVER_VERSION}: cached in ${dir}`);
    return layout;
  }
  if (fs.existsSync(dir)) log(`code-server ${CODE_SERVER_VERSION}: discarding the incomplete or stale install in ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'iac-notes-code-server', private: true }, null, 2) + '\n');
  log(`code-server ${CODE_SERVER_VERSION}: installing into ${dir} (native builds; takes a few minutes the first time)`);
  const env = cleanNpmEnv({
    // npm and every install script (node-gyp included) run on Node 24 and build against its headers.
    PATH: `${node.binDir}${path.delimiter}${process.env.PATH || ''}`,
    npm_config_nodedir: node.headers,
    JOBS: 'max',
  });
  await runLogged(
    'npm',
    ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: dir, env },
    path.join(root, `install-code-server-${CODE_SERVER_VERSION}.log`),
    `npm install code-server@${CODE_SERVER_VERSION}`,
  );
  const version = codeServerVersionOf(node.node, layout.entry);
  if (!version || !version.startsWith(`${CODE_SERVER_VERSION} `) || !version.endsWith(`Code ${VSCODE_VERSION}`)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION}: \`code-server --version\` printed ${JSON.stringify(version)}.`);
  }
  writeMarker(dir, { ...expected, reported: version });
  log(`code-server ${CODE_SERVER_VERSION}: installed (${version.split('\n')[0]})`);
  return layout;
}

function codeServerReady(root) {
  const dir = path.join(root, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}-${process.platform}-${process.arch}`);
  const layout = codeServerLayout(dir);
  const expected = { component: 'code-server', version: CODE_SERVER_VERSION, node: NODE_VERSION, platform: process.platform, arch: process.arch, recipe: RECIPE };
  return markerMatches(dir, expected) && fs.existsSync(layout.entry);
}

// ---------------------------------------------------------------------------------------------

/**
 * Makes sure everything is installed; returns the paths the harness needs:
 * { cacheDir, nodeBin, nodeBinDir, codeServerEntry, codeServerVersion, vscodeVersion, chromium }.
 */
async function prepare() {
  if (process.platform !== 'linux') {
    log(`warning: this harness is made for Linux; ${process.platform} is untested`);
  }
  const root = cacheRoot();
  fs.mkdirSync(root, { recursive: true });
  return withLock(root, async () => {
    const node = await ensureNode(root);
    const needCodeServer = !codeServerReady(root);
    const chromium = ensureSystemPackages({ needGssapi: needCodeServer });
    const codeServer = await ensureCodeServer(root, node, { needInstall: needCodeServer });
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return {
      cacheDir: root,
      nodeBin: node.node,
      nodeBinDir: node.binDir,
      codeServerEntry: codeServer.entry,
      codeServerVersion: CODE_SERVER_VERSION,
      vscodeVersion: VSCODE_VERSION,
      chromium,
    };
  });
}

module.exports = { prepare, cacheRoot, NODE_VERSION, CODE_SERVER_VERSION, VSCODE_VERSION };

if (require.main === module) {
  prepare().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(`prepare-vscode: ${error.message}`);
      process.exit(1);
    },
  );
}

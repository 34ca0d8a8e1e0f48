#!/usr/bin/env node
// `npm start`: builds the extension, installs it (unpacked) into a fresh code-server and serves
// VS Code in the browser on 127.0.0.1, with the repository's examples/ folder open.
//
//   npm start                 → http://127.0.0.1:8080/ (or the next free port)
//   PORT=9000 npm start       → port 9000 (or the next free one)
//   npm start -- --no-build   → skip `npm run build`
// Stop with Ctrl+C.

'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { prepare } = require('../test/harness/prepare-vscode');
const { startCodeServer, firstFreePort } = require('../test/harness/code-server');

const ROOT = path.resolve(__dirname, '..');

function say(line) {
  process.stdout.write(`[start] ${line}\n`);
}

function build() {
  say('npm run build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.signal || `exit code ${result.status}`}).`);
}

/** Copies the extension as VS Code would unpack its .vsix: <extensionsDir>/<publisher>.<name>-<version>. */
function installUnpacked(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const entries = ['package.json', 'dist', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md'];
  for (const name of fs.readdirSync(ROOT)) if (/^package\.nls(\..+)?\.json$/.test(name)) entries.push(name);
  if (typeof pkg.icon === 'string') entries.push(pkg.icon);
  for (const entry of entries) {
    const source = path.join(ROOT, entry);
    if (!fs.existsSync(source)) continue;
    const destination = path.join(target, entry);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.cpSync(source, destination, { recursive: true });
  }
  const main = path.join(target, pkg.main || 'dist/extension.js');
  if (!fs.existsSync(main)) throw new Error(`${path.relative(ROOT, main)} is missing after the build.`);
  return { id: `${pkg.publisher}.${pkg.name}`, version: pkg.version, target };
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const prep = await prepare();
  const preferred = Number(process.env.PORT) || 8080;
  const port = await firstFreePort(preferred);
  if (port !== preferred) say(`port ${preferred} is busy: using ${port}`);

  const folder = path.join(ROOT, 'examples');
  if (!fs.existsSync(folder)) say(`warning: ${folder} does not exist; VS Code will open without it`);

  let server;
  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping code-server`);
    // Still starting: main() stops the server as soon as it is up.
    if (server) server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  let installed;
  server = await startCodeServer({
    prep,
    port,
    folder: fs.existsSync(folder) ? folder : undefined,
    log: say,
    beforeStart: ({ extensionsDir }) => {
      installed = installUnpacked(extensionsDir);
    },
  });
  if (stopping) return server.stop();
  const url = fs.existsSync(folder) ? `${server.url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}` : `${server.url}/`;
  say(`${installed.id} ${installed.version} is installed in VS Code ${prep.vscodeVersion} (code-server ${prep.codeServerVersion})`);
  say(`open ${url}`);
  say('press Ctrl+C to stop');
  const info = await server.exited;
  if (!stopping) {
    console.error(`[start] code-server exited (${info.signal || `exit code ${info.code}`}); its log: ${server.logFile}`);
    process.exit(1);
  }
}

module.exports = { installUnpacked };

if (require.main === module) {
  main().catch((error) => {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  });
}

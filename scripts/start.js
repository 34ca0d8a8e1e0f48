#!/usr/bin/env node
// `npm start`: packages the extension (`npm run package`: build + vsce), installs the .vsix into
// a fresh code-server (`--install-extension`, exactly what a user gets) and serves VS Code in the
// browser on 127.0.0.1, with the repository's examples/ folder open.
//
//   npm start                 → http://127.0.0.1:8080/ (or the next free port)
//   PORT=9000 npm start       → port 9000 (or the next free one)
//   npm start -- --no-build   → reuse iac-notes.vsix as it is (packages only when it is missing)
// Stop with Ctrl+C.

'use strict';

const fs = require('fs');
const path = require('path');
const { prepare } = require('../test/harness/prepare-vscode');
const { startCodeServer, firstFreePort } = require('../test/harness/code-server');
const vsix = require('../test/harness/vsix');

const ROOT = path.resolve(__dirname, '..');

function say(line) {
  process.stdout.write(`[start] ${line}\n`);
}

async function main() {
  if (!process.argv.includes('--no-build') || !fs.existsSync(vsix.VSIX)) vsix.packageExtension({ log: say });
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
    beforeStart: (dirs) => {
      vsix.installExtension(prep, vsix.VSIX, dirs);
      installed = vsix.installedExtension(dirs.extensionsDir, vsix.extensionId());
      if (!installed) throw new Error(`${path.basename(vsix.VSIX)} did not install into ${dirs.extensionsDir}.`);
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

if (require.main === module) {
  main().catch((error) => {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  });
}

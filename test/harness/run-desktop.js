#!/usr/bin/env node
// Runs the same integration suite (out/test/integration/index.js) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (this project's CI cannot: it
// uses test/harness/run-integration.js with code-server instead).
//
//   npm run test:desktop                        (builds, compiles the tests, then runs this)
//   VSCODE_VERSION=1.90.0 npm run test:desktop  (a given VS Code; default: stable)
//   node test/harness/run-desktop.js --grep TEXT
//
// On Linux without a display, run it under Xvfb: `xvfb-run -a npm run test:desktop`.

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const WORKSPACE = path.join(ROOT, 'test', 'integration', 'workspace');
const { QUIET_SETTINGS } = require('./code-server');

function parseGrep(argv) {
  let grep = process.env.IAC_NOTES_TEST_GREP || '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') grep = argv[++i] || '';
    else if (argv[i].startsWith('--grep=')) grep = argv[i].slice('--grep='.length);
    else throw new Error(`Unknown argument ${argv[i]}`);
  }
  return grep;
}

async function main() {
  const grep = parseGrep(process.argv.slice(2));
  for (const file of [path.join(ROOT, 'dist', 'extension.js'), SUITE]) {
    if (!fs.existsSync(file)) {
      throw new Error(`Missing ${path.relative(ROOT, file)}: run \`npm run build && npm run compile-tests\` first.`);
    }
  }
  const { runTests } = require('@vscode/test-electron');

  // A fresh profile every run, with the same quiet settings as the code-server harness.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-desktop-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2) + '\n');

  try {
    return await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: grep ? { IAC_NOTES_TEST_GREP: grep } : undefined,
      launchArgs: [
        WORKSPACE,
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        // runTests adds --no-sandbox, --disable-updates, --skip-welcome, --skip-release-notes,
        // --disable-workspace-trust and the extension paths itself.
        '--disable-extensions',
        '--disable-telemetry',
        '--disable-gpu',
      ],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // TestRunFailedError carries VS Code's exit code (mocha's result).
    const { TestRunFailedError } = require('@vscode/test-electron');
    if (error instanceof TestRunFailedError) process.exit(typeof error.code === 'number' && error.code !== 0 ? error.code : 1);
    console.error(`[desktop] ${error && error.message ? error.message : error}`);
    if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT/.test(String(error && error.message))) {
      console.error('[desktop] VS Code could not be downloaded here; use `npm run test:integration` (code-server) instead.');
    }
    process.exit(1);
  },
);

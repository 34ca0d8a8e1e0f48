// Entry point of the integration suite inside the VS Code extension host (the `extensionTestsPath`
// of @vscode/test-electron and of test/harness/run-integration.js). Compiled to
// out/test/integration/index.js; runs every *.test.js beside it (recursively) with Mocha, bdd.
//
// Environment (optional): IAC_NOTES_TEST_GREP — only run tests whose full title matches.

import * as fs from 'fs';
import * as path from 'path';

type MochaClass = typeof import('mocha');

/** Mocha 12 is an ES module: require() of it works on Node ≥ 20.19 / 22.12; older hosts get its CJS build. */
function loadMocha(): MochaClass {
  let loaded: MochaClass & { default?: MochaClass };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('mocha');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    const root = path.dirname(require.resolve('mocha/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(path.join(root, 'lib', 'mocha.cjs'));
  }
  return loaded.default ?? loaded;
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export async function run(): Promise<void> {
  // test/harness/run-integration.js starts printing the forwarded console from this line on.
  console.log('[iac-notes] integration suite starting');
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: 'spec', color: false });
  // Mocha 12 takes its ✔/✖ from log-symbols, coloured whenever the environment looks like a
  // colour terminal (CI=true does): strip them, the rest of the output is plain already.
  const symbols = (Mocha.reporters.Base as unknown as { symbols: Record<string, string> }).symbols;
  // eslint-disable-next-line no-control-regex
  for (const key of Object.keys(symbols)) symbols[key] = String(symbols[key]).replace(/\u001b\[[0-9;]*m/g, '');
  const grep = process.env.IAC_NOTES_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = findTests(__dirname);
  if (files.length === 0) throw new Error(`No *.test.js files under ${__dirname}: run \`npm run compile-tests\`.`);
  for (const file of files) mocha.addFile(file);

  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0, tests = 0 } = runner.stats ?? {};
        // A closing line CI understands whatever the runner (mocha's own is "N passing").
        console.log(`integration: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} of ${tests} integration tests failed.`));
        else if (tests === 0) reject(new Error('No integration test ran.'));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}

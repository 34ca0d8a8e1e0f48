// Bundles the extension (Node extension host and web worker) and the CLI. Each bundle carries the compiled
// notes (src/generated/knowledge.json, written by scripts/build-knowledge.js) inline, so the
// shipped extension reads no files at run time.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD entry uses dynamic requires esbuild cannot follow; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
};

const targets = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The web extension (vscode.dev, github.dev, a web worker extension host): the same engine and
  // glue for a browser platform, so any Node built-in that creeps in fails this build.
  { ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
];

async function main() {
  if (watch) {
    for (const options of targets) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    return;
  }
  await Promise.all(targets.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

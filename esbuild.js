// Bundles the extension (Node extension host and web worker) and the CLI. Each bundle carries the compiled
// notes (src/generated/knowledge.json, written by scripts/build-knowledge.js) inline, so the
// shipped extension reads no files at run time.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The compiled notes as one JSON string, parsed when first read. As a JavaScript object literal
 * (esbuild's default for .json) the ~0.8 MB of notes is compiled and built on every load of the
 * bundle, before activate() runs; V8 parses a JSON string several times faster, and a session
 * that never opens a template does not parse it at all (docs/BENCHMARKS.md, start-up table).
 */
const lazyNotes = {
  name: 'lazy-notes',
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]knowledge\.json$/ }, async (args) => {
      const text = await require('fs').promises.readFile(args.path, 'utf8');
      JSON.parse(text); // fail the build here, not at run time, if the file is not JSON
      return {
        loader: 'js',
        contents: `const text = ${JSON.stringify(text)};\nlet parsed;\nexport default { get entries() { return (parsed ??= JSON.parse(text)).entries; } };\n`,
      };
    });
  },
};

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
  plugins: [lazyNotes],
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

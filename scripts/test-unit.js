#!/usr/bin/env node
// `npm run test:unit`: the contributor's fast loop. esbuild transpiles src/ and test/unit/ file by file into
// out/unit/ (no bundling, no type check: `npm run typecheck` or `npm run watch` does that), then mocha runs the unit
// tests only (with the extension bundle rebuilt first: the activation test loads it). Extra arguments go to mocha,
// e.g. `npm run test:unit -- --grep lens`.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'out', 'unit');

function tsFilesUnder(dir) {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const bundle = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--only', 'extension'], {
  cwd: root,
  stdio: 'inherit',
});
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
fs.rmSync(outdir, { recursive: true, force: true });
esbuild.buildSync({
  entryPoints: [...tsFilesUnder('src'), ...tsFilesUnder('test/unit'), path.join(root, 'test/gitEnv.ts')],
  outdir,
  outbase: root,
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
// Transpiling file by file leaves out the JSON data modules `require` (price tiers, aliases, runtime figures): copy
// them beside the transpiled files, as tsc's resolveJsonModule does for out/node/.
for (const dir of ['src', 'test/unit']) {
  for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(outdir, path.relative(root, from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
}
const mocha = require.resolve('mocha/bin/mocha.js');
const spec = path.join('out', 'unit', 'test', 'unit', '**', '*.test.js');
const run = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--timeout', '20000', '--reporter', 'dot', spec, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);

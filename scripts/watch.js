#!/usr/bin/env node
// `npm run watch`: esbuild rebuilds the bundles on change while tsc re-checks types and recompiles the tests into
// out/node/. Ctrl-C stops both.
const { spawn } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const children = [
  spawn(process.execPath, [path.join(root, 'esbuild.js'), '--watch'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.', '--watch', '--preserveWatchOutput'], {
    cwd: root,
    stdio: 'inherit',
  }),
];
const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);

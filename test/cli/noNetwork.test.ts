import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, sharedRealworld } from '../unit/repoRoot';

// Loaded before the CLI: records every attempt to open a connection or resolve a name, then lets it fail.
const GUARD = `
const fs = require('fs');
const log = process.env.BURNRATE_NET_LOG;
const record = (what) => fs.appendFileSync(log, what + '\\n');
const net = require('net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { record('net.connect ' + JSON.stringify(args[0])); return connect.apply(this, args); };
const dns = require('dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[fn];
  dns[fn] = function (...args) { record('dns.' + fn + ' ' + args[0]); return original.apply(this, args); };
}
for (const mod of ['http', 'https']) {
  const m = require(mod);
  const request = m.request;
  m.request = function (...args) { record(mod + '.request'); return request.apply(this, args); };
}
if (globalThis.fetch) { const f = globalThis.fetch; globalThis.fetch = (...args) => { record('fetch ' + String(args[0])); return f(...args); }; }
`;

describe('no network', () => {
  // Three cold CLI runs, one of which loads the Gemma 3 tokenizer for the Gemini-priced files: more than mocha's
  // default 20 s on a loaded machine.
  it('a full estimate run (examples + real-world files, JSON and table) opens no connection', function () {
    this.timeout(90_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-net-'));
    const guard = path.join(dir, 'guard.js');
    const log = path.join(dir, 'net.log');
    fs.writeFileSync(guard, GUARD);
    fs.writeFileSync(log, '');
    const corpus = sharedRealworld(); // the real-world corpus too, when it is beside the checkout
    for (const args of [
      ['estimate', 'examples', '--json'],
      ...(corpus ? [['estimate', corpus]] : []),
      ['models', '--provider', 'all'],
    ]) {
      const run = spawnSync(process.execPath, ['--require', guard, path.join(repoRoot(), 'out/cli.js'), ...args], {
        cwd: repoRoot(),
        encoding: 'utf8',
        env: { ...process.env, BURNRATE_NET_LOG: log },
      });
      assert.strictEqual(run.status, 0, run.stderr);
    }
    // The guard itself must work, or this test could never fail: prove it records a lookup.
    const probe = spawnSync(
      process.execPath,
      ['--require', guard, '-e', "require('dns').lookup('localhost', () => {})"],
      {
        encoding: 'utf8',
        env: { ...process.env, BURNRATE_NET_LOG: path.join(dir, 'probe.log') },
      },
    );
    assert.strictEqual(probe.status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'probe.log'), 'utf8'), /dns\.lookup localhost/);
    assert.strictEqual(fs.readFileSync(log, 'utf8'), '', 'network attempts were made');
  });
});

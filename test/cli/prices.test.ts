import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../unit/repoRoot';
import { FIXTURE_HAIKU_5_5, fixturePriceData } from '../unit/pricing/priceDataFixture';
import { runCli, type CliRun } from './runCli';

interface JsonUnit {
  name: string;
  model: string | null;
  modelAssumed: boolean;
  priceError: string | null;
  rates: { modelId: string; inputPerMTok: number; source: string } | null;
}

// A workspace with a Claude Code subagent on `model: haiku` and a prompt that names no model.
function workspace(usageFile = ''): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-prices-cli-'));
  fs.mkdirSync(path.join(dir, '.claude/agents'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.claude/agents/tests.md'),
    '---\nname: tests\ndescription: runs the tests\nmodel: haiku\n---\nRun the tests and report failures.\n',
  );
  fs.mkdirSync(path.join(dir, 'prompts'));
  fs.writeFileSync(path.join(dir, 'prompts/summary.prompt.md'), 'Summarise the ticket in two sentences.\n');
  fs.writeFileSync(path.join(dir, '.burnrate.yaml'), usageFile);
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

function isolated(cache: string): NodeJS.ProcessEnv {
  return { XDG_CACHE_HOME: cache, BURNRATE_PRICES_URL: '' };
}

function units(run: CliRun): JsonUnit[] {
  assert.strictEqual(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { units: JsonUnit[] }).units;
}

// spawnSync would block the fake server in this process; the update runs asynchronously.
function runCliAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot(), 'out/cli.js'), ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('burnrate prices, --prices and priceData: (built CLI)', function () {
  // Several CLI runs per test; on a loaded machine they add up past the default timeout.
  this.timeout(180_000);
  it('burnrate models prints the data in use, its age and its source', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cache-'));
    const run = runCli(['models', '--provider', 'anthropic'], workspace(), isolated(cache));
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /Prices: @pydantic\/genai-prices 0\.1\.8 \(prices as of 2026-09-23\), \d+ days? old/);
    assert.match(run.stdout, /Price data in use: bundled — @pydantic\/genai-prices 0\.1\.8 \(bundled\)/);
    const json = JSON.parse(runCli(['models', '--json'], workspace(), isolated(cache)).stdout) as {
      priceData: { kind: string; ageDays: number };
    };
    assert.strictEqual(json.priceData.kind, 'bundled');
    assert.ok(json.priceData.ageDays >= 69);
  });

  it('a haiku subagent is not priced on the bundled data (it has no Haiku 5.5), and says so', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cache-'));
    const tests = units(runCli(['estimate', '--json'], workspace(), isolated(cache))).find((u) => u.name === 'tests')!;
    assert.strictEqual(tests.rates, null);
    assert.match(tests.priceError ?? '', /claude-haiku-5-5.*has no price/);
  });

  it('estimate --prices FILE prices with that file: haiku as Claude Code runs it, marked default model included', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cache-'));
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'pinned.json'), JSON.stringify(fixturePriceData()));
    const run = runCli(['estimate', '--prices', 'pinned.json', '--json'], dir, isolated(cache));
    const all = units(run);
    const tests = all.find((u) => u.name === 'tests')!;
    assert.strictEqual(tests.rates?.modelId, 'claude-haiku-5-5');
    assert.strictEqual(tests.rates?.inputPerMTok, FIXTURE_HAIKU_5_5.input);
    assert.strictEqual(tests.modelAssumed, false);
    const summary = all.find((u) => u.name !== 'tests')!;
    assert.strictEqual(summary.modelAssumed, true, 'no model named anywhere: priced on the default, marked');
    assert.strictEqual((JSON.parse(run.stdout) as { priceData: { kind: string } }).priceData.kind, 'pinned');
    const table = runCli(['estimate', '--prices', 'pinned.json'], dir, isolated(cache));
    assert.match(table.stdout, /claude-sonnet-5\*/);
    assert.match(table.stdout, /\* priced on the default model claude-sonnet-5/);
    assert.match(table.stdout, /pinned file: pinned\.json/);
  });

  it('priceData: in .burnrate.yaml pins the file; one outside the workspace or failing the check keeps the bundled data', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cache-'));
    const dir = workspace('priceData: prices/pinned.json\n');
    fs.mkdirSync(path.join(dir, 'prices'));
    fs.writeFileSync(path.join(dir, 'prices/pinned.json'), JSON.stringify(fixturePriceData()));
    assert.strictEqual(
      units(runCli(['estimate', '--json'], dir, isolated(cache))).find((u) => u.name === 'tests')!.rates?.modelId,
      'claude-haiku-5-5',
    );

    const outside = workspace('priceData: ../elsewhere.json\n');
    fs.writeFileSync(path.join(path.dirname(outside), 'elsewhere.json'), JSON.stringify(fixturePriceData()));
    const refused = runCli(['estimate'], outside, isolated(cache));
    assert.strictEqual(refused.code, 0, refused.stderr);
    assert.match(refused.stderr, /priceData: \.\.\/elsewhere\.json .*not a file inside the workspace/);
    assert.match(refused.stdout, /Prices: @pydantic\/genai-prices 0\.1\.8/);

    const broken = workspace('priceData: broken.json\n');
    fs.writeFileSync(path.join(broken, 'broken.json'), '{"models": {}}');
    const run = runCli(['estimate', '--json'], broken, isolated(cache));
    assert.strictEqual(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { priceData: { kind: string }; priceDataWarnings: string[] };
    assert.strictEqual(json.priceData.kind, 'bundled');
    assert.match(
      json.priceDataWarnings[0] ?? '',
      /broken\.json: not a genai-prices data file: expected a list of providers/,
    );
    const flagged = runCli(['estimate', '--prices', 'broken.json'], broken, isolated(cache));
    assert.strictEqual(flagged.code, 2, 'a file named on the command line that fails is a usage error');
    assert.match(flagged.stderr, /not a genai-prices data file/);
  });

  it('prices update fetches, checks and stores the data; later runs price with it; a bad file changes nothing', async () => {
    let body = JSON.stringify(fixturePriceData());
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data.json`;
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cache-'));
      const dir = workspace();
      const env = { XDG_CACHE_HOME: cache, BURNRATE_PRICES_URL: url };
      const before = runCli(['estimate', '--json'], dir, env);
      assert.strictEqual(requests, 0, 'nothing is fetched unless asked');
      assert.strictEqual(units(before).find((u) => u.name === 'tests')!.rates, null);

      const update = await runCliAsync(['prices', 'update'], dir, env);
      assert.strictEqual(update.code, 0, update.stderr);
      assert.strictEqual(requests, 1);
      assert.match(update.stdout, /Updated: stored 3 models/);
      assert.ok(fs.existsSync(path.join(cache, 'burnrate', 'genai-prices-data.json')));

      const after = units(runCli(['estimate', '--json'], dir, env)).find((u) => u.name === 'tests')!;
      assert.strictEqual(after.rates?.modelId, 'claude-haiku-5-5');
      const models = runCli(['models'], dir, env);
      assert.match(
        models.stdout,
        /Price data in use: updated — http:\/\/127\.0\.0\.1:\d+\/data\.json \(date is the fetched on\)/,
      );
      assert.match(models.stdout, /updated data: genai-prices data fetched on \d{4}-\d{2}-\d{2}/);

      body = '[{"id": "anthropic"}]';
      const bad = await runCliAsync(['prices', 'update'], dir, env);
      assert.strictEqual(bad.code, 1);
      assert.match(bad.stderr, /not a genai-prices data file.*nothing stored; the data in use is unchanged/);
      const still = units(runCli(['estimate', '--json'], dir, env)).find((u) => u.name === 'tests')!;
      assert.strictEqual(still.rates?.modelId, 'claude-haiku-5-5', 'the earlier good data stays');
    } finally {
      server.close();
    }
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { itRealworld, repoRoot } from '../unit/repoRoot';
import { runCli } from './runCli';

interface JsonUnit {
  path: string;
  format: string;
  name: string;
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  tokensExact: boolean;
  costPerCallUsd: number | null;
  costPerDayUsd: number | null;
  costPerMonthUsd: number | null;
  priceError: string | null;
  callsPerDaySource: string;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cli-'));
}

describe('burnrate estimate (built CLI)', () => {
  it('prints one row per cost unit of the examples, with totals and the month convention', () => {
    const run = runCli(['estimate', 'examples']);
    assert.strictEqual(run.code, 0, run.stderr);
    for (const expected of [
      'review-pr.prompt.md',
      'research_task',
      'briefing_task',
      'researcher',
      'CLAUDE.md',
      'support-chat.json',
      'classify.prompty',
      'summarize.prompt',
    ]) {
      assert.ok(run.stdout.includes(expected), `missing ${expected}\n${run.stdout}`);
    }
    assert.match(run.stdout, /Total: ≈?\$[\d,.]+\/day · ≈?\$[\d,.]+\/month/);
    assert.match(run.stdout, /Month = 730 hours/);
    assert.match(run.stdout, /≈/, 'Claude counts are marked as estimates');
  });

  it('--json carries the documented fields for every unit, and prices the hand-priced fine-tune', () => {
    const run = runCli(['estimate', 'examples', '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { units: JsonUnit[]; priceData: { asOf: string }; monthHours: number };
    assert.strictEqual(doc.monthHours, 730);
    assert.match(doc.priceData.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(doc.units.length >= 10, `only ${doc.units.length} units`);
    for (const u of doc.units) {
      for (const key of [
        'path',
        'format',
        'name',
        'model',
        'inputTokens',
        'outputTokens',
        'tokensExact',
        'costPerCallUsd',
        'costPerDayUsd',
        'costPerMonthUsd',
      ]) {
        assert.ok(key in u, `${u.path}#${u.name} lacks ${key}`);
      }
      assert.ok(u.inputTokens > 0, `${u.path}#${u.name} has no tokens`);
      assert.ok(u.costPerCallUsd !== null && u.costPerCallUsd > 0, `${u.path}#${u.name}: ${u.priceError}`);
    }
    const ft = doc.units.find((u) => u.path.endsWith('triage-finetune.json'))!;
    assert.strictEqual(ft.model, 'ft:gpt-4.1-mini:acme:support-v3');
    assert.strictEqual(ft.tokensExact, true, 'a fine-tune counts with its base model’s exact encoding');
    const openai = doc.units.find((u) => u.path.endsWith('support-chat.json'))!;
    assert.strictEqual(
      openai.tokensExact,
      false,
      'tool schemas are rendered by the provider before counting: an estimate',
    );
    assert.strictEqual(openai.model, 'gpt-4o');
    const support = doc.units.find((u) => u.path.endsWith('support/system.md'))!;
    assert.match(support.callsPerDaySource, /\.burnrate\.yaml line \d+ \(files: prompts\/support\/\*\*\)/);
  });

  it('counts a CrewAI crew once: tasks carry their agent, agents are flagged and left out of the total', () => {
    const doc = JSON.parse(runCli(['estimate', 'examples/crew', '--json']).stdout) as {
      units: (JsonUnit & { countedInTasks: boolean })[];
      totals: { costPerMonthUsd: number };
    };
    const task = doc.units.find((u) => u.name === 'research_task')!;
    assert.strictEqual(task.model, 'gpt-4o', 'the task runs on its agent’s llm');
    const agents = doc.units.filter((u) => u.format === 'crewai-agents');
    assert.ok(agents.length === 2 && agents.every((u) => u.countedInTasks));
    const tasksMonthly = doc.units
      .filter((u) => u.format === 'crewai-tasks')
      .reduce((s, u) => s + u.costPerMonthUsd!, 0);
    assert.ok(Math.abs(doc.totals.costPerMonthUsd - tasksMonthly) < 1e-9);
  });

  it('walks a folder by workspace paths: .claude/agents on its own is recognised', () => {
    const run = runCli(['estimate', 'examples/.claude/agents', '--json']);
    const doc = JSON.parse(run.stdout) as { units: JsonUnit[] };
    assert.deepStrictEqual(
      doc.units.map((u) => u.name),
      ['test-runner'],
    );
  });

  it('applies --model, --calls-per-day and --output-tokens over everything else', () => {
    const run = runCli([
      'estimate',
      'examples/prompts/support/system.md',
      '--model',
      'gpt-4o',
      '--calls-per-day',
      '10',
      '--output-tokens',
      '100',
      '--json',
    ]);
    const [u] = (JSON.parse(run.stdout) as { units: JsonUnit[] }).units;
    assert.strictEqual(u!.model, 'gpt-4o');
    assert.strictEqual(u!.outputTokens, 100);
    const perCall = (u!.inputTokens * 2.5 + 100 * 10) / 1e6;
    assert.ok(Math.abs(u!.costPerCallUsd! - perCall) < 1e-12);
    assert.ok(Math.abs(u!.costPerMonthUsd! - (perCall * 10 * 730) / 24) < 1e-9);
  });

  itRealworld('reads every real-world file in shared/realworld without an error', (corpus) => {
    const run = runCli(['estimate', corpus, '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      units: JsonUnit[];
      skipped: { path: string; reason: string }[];
      problems: { severity: string; message: string; path: string }[];
    };
    const files = fs
      .readdirSync(corpus, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'SOURCES.md');
    const seen = new Set(doc.units.map((u) => path.basename(u.path)));
    for (const f of files)
      assert.ok(seen.has(f.name), `${f.name} gave no unit (skipped: ${JSON.stringify(doc.skipped)})`);
    assert.deepStrictEqual(
      doc.problems.filter((p) => p.severity === 'error'),
      [],
    );
  });

  it('reports unknown models as "no price", never $0, and keeps them out of the total', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'prompts'));
    fs.writeFileSync(path.join(dir, 'prompts', 'local.md'), '---\nburnrate:\n  model: ollama/llama3\n---\nSay hi.\n');
    const table = runCli(['estimate', dir]);
    assert.strictEqual(table.code, 0);
    assert.match(table.stdout, /no price/);
    assert.match(table.stdout, /1 unit has no price and is not in the total/);
    const json = JSON.parse(runCli(['estimate', dir, '--json']).stdout) as { units: JsonUnit[] };
    assert.strictEqual(json.units[0]!.costPerCallUsd, null);
    assert.match(json.units[0]!.priceError!, /no price for "ollama\/llama3"/);
  });

  it('explains skipped files: binary, over the size limit, malformed usage file', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'prompts'));
    fs.writeFileSync(path.join(dir, 'prompts', 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    fs.writeFileSync(path.join(dir, 'prompts', 'big.md'), 'word '.repeat(4000));
    fs.writeFileSync(path.join(dir, '.burnrate.yaml'), 'defaults:\n  callsPerDay: [1,\n');
    const run = runCli(['estimate', dir, '--max-bytes', '10000']);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /blob\.txt: .*binary/);
    assert.match(run.stdout, /big\.md: .*size limit/);
    assert.match(run.stderr, /\.burnrate\.yaml line \d+/);
  });

  it('exits 2 with a message on stderr for usage errors', () => {
    for (const args of [
      ['estimate', '--bogus'],
      ['estimate', 'no/such/path'],
      ['estimate', '--calls-per-day', 'many'],
      ['estimate', '--turns', '2.5'],
      ['estimate', '--config', os.tmpdir()],
      ['frobnicate'],
      ['models', '--provider', 'nope'],
    ]) {
      const run = runCli(args);
      assert.strictEqual(run.code, 2, `${args.join(' ')} → ${run.code}`);
      assert.ok(run.stderr.length > 0);
      assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
    }
  });

  it('has --help on every command', () => {
    for (const command of ['estimate', 'models']) {
      const run = runCli([command, '--help']);
      assert.strictEqual(run.code, 0);
      assert.match(run.stdout, new RegExp(`Usage: burnrate ${command}`));
    }
    assert.match(runCli(['--help']).stdout, /Commands:/);
  });

  it("generates every command's --help from its flag table, and reads a file named -h after --", () => {
    for (const command of ['estimate', 'diff', 'models', 'simulate', 'replay']) {
      const run = runCli([command, '--help']);
      assert.strictEqual(run.code, 0, command);
      assert.match(run.stdout, /^Options:$/m, command);
      assert.match(run.stdout, /^ {2}--help +show this help$/m, command);
    }
    const dashed = runCli(['estimate', '--', '-h']);
    assert.doesNotMatch(dashed.stdout, /^Usage:/m, 'after --, -h is a file name');
    assert.match(dashed.stdout + dashed.stderr, /-h/);
  });

  it('refuses an empty --model and out-of-range numbers with exit 2', () => {
    for (const args of [
      ['estimate', '--model', ''],
      ['estimate', '--turns', '0'],
      ['simulate', '--sessions', '0'],
      ['simulate', '--format', 'xml'],
    ]) {
      const run = runCli(args);
      assert.strictEqual(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^burnrate \w+: --\w+/, args.join(' '));
    }
  });

  it('lists models with rates and the price data date', () => {
    const run = runCli(['models', '--search', 'claude-sonnet-4-5']);
    assert.strictEqual(run.code, 0);
    assert.match(run.stdout, /claude-sonnet-4-5\s+3\s+15\s+0\.3\s+3\.75/);
    assert.match(run.stdout, /as of \d{4}-\d{2}-\d{2}/);
  });

  it('is the same process a user runs: npm run burnrate works from a checkout', () => {
    assert.ok(fs.existsSync(path.join(repoRoot(), 'out/cli.js')));
    assert.ok(fs.readFileSync(path.join(repoRoot(), 'out/cli.js'), 'utf8').startsWith('#!/usr/bin/env node'));
  });
});

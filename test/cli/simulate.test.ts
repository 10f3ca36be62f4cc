import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../unit/repoRoot';
import { runCli } from './runCli';

interface Band {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

interface SimulateJson {
  seed: number;
  sessions: number;
  month: { hours: number; days: number };
  scenarios: Record<
    string,
    { perSession: Band; perDay: Band; perMonth: Band; presets: Record<string, { perSession: Band }>; notes: string[] }
  >;
  problems: { severity: string; message: string }[];
}

const FIXTURES = path.join(repoRoot(), 'test/unit/simulate/fixtures');

function workspace(yaml: string, files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-sim-'));
  fs.writeFileSync(path.join(dir, '.burnrate.yaml'), yaml);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SUPPORT = `
scenarios:
  support:
    model: claude-sonnet-4-5
    systemPrompt: system.md
    toolDefinitions: 900
    sessionsPerDay: 20000
    turns: {p50: 4, p90: 9}
    userTokens: {p50: 60, p90: 200}
    outputTokens: {p50: 200, p90: 600}
    toolCallsPerTurn: 1
    toolResultTokens: {p50: 800, p90: 3000}
    retryRate: 0.15
    cacheHitRate: 0.6
    routing: {model: claude-haiku-4-5, share: 0.6}
    budget: {perSessionUsd: 5, perDayUsd: 100000}
`;
const SYSTEM = 'You are a support agent for Acme. Be brief, friendly and exact.\n'.repeat(40);

describe('burnrate simulate (built CLI)', function () {
  // Each case starts several CLI processes; on a shared, loaded machine one start can take seconds.
  this.timeout(90_000);
  it('--help documents the options and exit codes', () => {
    const run = runCli(['simulate', '--help']);
    assert.strictEqual(run.code, 0);
    for (const text of ['--scenario', '--sessions', '--seed', '--preset', '--json', 'Exit codes', '730 hours'])
      assert.ok(run.stdout.includes(text), text);
  });

  it('--json gives per-scenario perSession and perMonth bands for base, with bull and stress, deterministic by seed', () => {
    const dir = workspace(SUPPORT, { 'system.md': SYSTEM });
    const run = runCli(['simulate', '--json', '--sessions', '3000', '--seed', '7'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as SimulateJson;
    const s = doc.scenarios.support!;
    for (const key of ['p50', 'p90', 'p99', 'mean'] as const) assert.ok(s.perSession[key] > 0, key);
    // Months are sums of simulated days: the mean scales by 30.42 days, the P99 by less (not every day is a P99 day).
    assert.ok(Math.abs(s.perMonth.mean / s.perDay.mean - 730 / 24) < 0.01 * (730 / 24));
    assert.ok(s.perMonth.p99 < s.perDay.p99 * (730 / 24));
    assert.ok(s.perSession.p50 < s.perSession.p90 && s.perSession.p90 < s.perSession.p99);
    assert.deepStrictEqual(Object.keys(s.presets), ['bull', 'stress']);
    assert.ok(s.presets.stress!.perSession.p90 > s.perSession.p90);
    assert.ok(
      s.notes.some((n) => /system prompt: system\.md, [\d,]+ tokens \(estimate ±15%\)/.test(n)),
      s.notes.join('\n'),
    );
    assert.strictEqual(doc.month.hours, 730);

    const again = runCli(['simulate', '--json', '--sessions', '3000', '--seed', '7'], dir);
    assert.strictEqual(again.stdout, run.stdout, 'same seed, same output');
    const other = runCli(['simulate', '--json', '--sessions', '3000', '--seed', '8'], dir);
    assert.notStrictEqual(other.stdout, run.stdout);
  });

  it('prints presets side by side in text, and exports CSV and Markdown', () => {
    const dir = workspace(SUPPORT, { 'system.md': SYSTEM });
    const text = runCli(['simulate', '--sessions', '1000'], dir);
    assert.strictEqual(text.code, 0, text.stderr);
    assert.match(text.stdout, /figure\s+base\s+bull\s+stress/);
    assert.match(text.stdout, /per month P90/);
    assert.match(text.stdout, /Where the money goes/);
    const csv = runCli(['simulate', '--sessions', '1000', '--format', 'csv', '--preset', 'bull'], dir);
    assert.strictEqual(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('scenario,preset,section,item,stat,value\n'));
    assert.ok(
      csv.stdout
        .split('\n')
        .slice(1, -1)
        .every((l) => l.startsWith('support,bull,')),
    );
    const md = runCli(['simulate', '--sessions', '1000', '--format', 'markdown', '--preset', 'base'], dir);
    assert.match(md.stdout, /^## support$/m);
  });

  it('exits 1 when a base run trips a budget gate, naming the scenario and budget', () => {
    const dir = workspace(SUPPORT.replace('perSessionUsd: 5', 'perSessionUsd: 0.05'), { 'system.md': SYSTEM });
    const run = runCli(['simulate', '--sessions', '2000', '--preset', 'base'], dir);
    assert.strictEqual(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /budget gate tripped: support: [\d.]+% of sessions reach the \$0\.0500 per-session budget/,
    );
  });

  it('exits 2 on an unknown model, naming it, and never prices it at $0', () => {
    const dir = workspace(SUPPORT.replace('model: claude-sonnet-4-5', 'model: gpt-imaginary-9'), {
      'system.md': SYSTEM,
    });
    const run = runCli(['simulate', '--json', '--sessions', '100'], dir);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /scenarios\.support\.model: no price for "gpt-imaginary-9"/);
    const doc = JSON.parse(run.stdout) as SimulateJson;
    assert.deepStrictEqual(doc.scenarios, {});
  });

  it('exits 2 on an invalid scenario with the key named, and still runs the valid ones', () => {
    const yaml = `${SUPPORT}  broken:\n    turns: four\n    retryRate: 15\n`;
    const run = runCli(['simulate', '--sessions', '200'], workspace(yaml, { 'system.md': SYSTEM }));
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /scenarios\.broken\.turns: expected a number/);
    assert.match(run.stderr, /scenarios\.broken\.retryRate: is a share between 0 and 1/);
    assert.match(run.stdout, /^support — claude-sonnet-4-5/m);
  });

  it('names a scenario that is not there even when a broken one starts with its name', () => {
    const yaml = `${SUPPORT}  supportive:\n    turns: four\n`;
    const run = runCli(['simulate', '--scenario', 'supp'], workspace(yaml, { 'system.md': SYSTEM }));
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /no scenario "supp" .*\(scenarios: support\)/);
  });

  it('exits 2 on a missing system-prompt file, unknown scenario or preset, and bad flags', () => {
    const dir = workspace(SUPPORT);
    const missing = runCli(['simulate', '--sessions', '100'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /scenarios\.support\.systemPrompt: system\.md: file not found/);
    fs.writeFileSync(path.join(dir, 'system.md'), SYSTEM);
    for (const [args, message] of [
      [['--scenario', 'nope'], /no scenario "nope" .*\(scenarios: support\)/],
      [['--preset', 'bear'], /no preset "bear"/],
      [['--sessions', '0'], /--sessions needs a whole number from 1 to 1,000,000/],
      [['--sessions', '1e12'], /--sessions needs a whole number from 1 to 1,000,000, got "1e12"/],
      [['--sessions', '2.5'], /--sessions needs a whole number/],
      [['--format', 'xml'], /--format must be one of text, json, csv, markdown/],
      [['--bogus'], /unknown option --bogus/],
      [['extra'], /no such file or folder: extra/],
      [['.', 'extra'], /unexpected argument "extra"/],
      [['.', '--config', '.burnrate.yaml'], /--config and the path "\." both name a scenario file/],
    ] as const) {
      const run = runCli(['simulate', ...args], dir);
      assert.strictEqual(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    const none = runCli(['simulate'], fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-empty-')));
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /no \.burnrate\.yaml found/);
  });

  it('takes output tokens and the cache-hit rate from a usage log', () => {
    const yaml = `scenarios:\n  logged:\n    model: gpt-4o\n    systemPrompt: 2000\n    turns: 1\n    outputTokens: {fromLog: logs/usage.jsonl}\n    cacheHitRate: {fromLog: logs/usage.jsonl}\n`;
    const dir = workspace(yaml, {
      'logs/usage.jsonl': fs.readFileSync(path.join(FIXTURES, 'research-agent-gpt4o.jsonl'), 'utf8'),
    });
    const run = runCli(['simulate', '--json', '--sessions', '500', '--preset', 'base'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    const s = (JSON.parse(run.stdout) as SimulateJson).scenarios.logged!;
    assert.ok(s.notes.some((n) => n.includes('10 calls observed in logs/usage.jsonl')));
    // One call: 2,000 prefix + 100 user tokens at $2.50 and an observed output (100 … 1,000 tokens) at $10.
    assert.ok(
      s.perSession.p50 >= (2100 * 2.5 + 100 * 10) / 1e6 - 1e-12 &&
        s.perSession.p99 <= (2100 * 2.5 + 1000 * 10) / 1e6 + 1e-12,
    );
  });

  it('takes a folder (its .burnrate.yaml) or a scenario file as its path, as `burnrate simulate examples`', () => {
    const folder = runCli(['simulate', 'examples', '--sessions', '1000', '--preset', 'base']);
    assert.ok(folder.code === 0 || folder.code === 1, folder.stderr);
    for (const name of ['support-agent', 'research-agent', 'coding-assistant'])
      assert.match(folder.stdout, new RegExp(`^${name} — `, 'm'));
    const file = runCli(['simulate', 'examples/.burnrate.yaml', '--sessions', '1000', '--preset', 'base']);
    assert.strictEqual(file.stdout, folder.stdout, 'the folder and its file are the same scenarios');

    // A scenario file in a subfolder: its paths are relative to it, read inside the workspace only.
    const dir = workspace('defaults:\n  model: gpt-4o\n', { 'sims/system.md': SYSTEM });
    const outsideName = `${path.basename(dir)}-outside.md`;
    fs.writeFileSync(
      path.join(dir, 'sims/agents.yaml'),
      `scenarios:\n  inside:\n    systemPrompt: system.md\n    turns: 1\n  outside:\n    systemPrompt: ../../${outsideName}\n`,
    );
    fs.writeFileSync(path.join(path.dirname(dir), outsideName), SYSTEM);
    const sub = runCli(['simulate', 'sims/agents.yaml', '--json', '--sessions', '200', '--preset', 'base'], dir);
    assert.strictEqual(sub.code, 2, sub.stderr);
    assert.match(sub.stderr, /scenarios\.outside\.systemPrompt: \.\.\/\.\.\/[^:]+: outside the workspace — not read/);
    const doc = JSON.parse(sub.stdout) as SimulateJson;
    assert.deepStrictEqual(Object.keys(doc.scenarios), ['inside']);
    assert.ok(doc.scenarios.inside!.notes.some((n) => n.includes('system prompt: system.md')));

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-nosim-'));
    const none = runCli(['simulate', empty]);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /no \.burnrate\.yaml in /);
  });

  it('starts scenarios from an agent file: a Claude Code subagent as one, a CrewAI crew as a tree of subagents', () => {
    const agent = runCli(['simulate', 'examples/.claude/agents/test-runner.md', '--json', '--sessions', '300']);
    assert.ok(agent.code === 0 || agent.code === 1, agent.stderr);
    const agentDoc = JSON.parse(agent.stdout) as SimulateJson;
    assert.deepStrictEqual(Object.keys(agentDoc.scenarios), ['examples/.claude/agents/test-runner.md']);
    assert.ok(agentDoc.problems.some((p) => /scenarios from the file's estimate \(1 unit\)/.test(p.message)));
    const crew = runCli(['simulate', 'examples/crew/config/tasks.yaml', '--json', '--sessions', '300']);
    assert.ok(crew.code === 0 || crew.code === 1, crew.stderr);
    const doc = JSON.parse(crew.stdout) as {
      scenarios: Record<
        string,
        {
          perSession: Band & { min: number; max: number };
          notes: string[];
          components: { id: string; meanUsd: number }[];
        }
      >;
    };
    const names = Object.keys(doc.scenarios);
    assert.strictEqual(names.length, 2, names.join(', '));
    const [root, sub] = names.map((n) => doc.scenarios[n]!);
    const subagents = root!.components.find((c) => c.id === 'subagents');
    // The orchestrator calls the other task once per session: its whole session cost is in the orchestrator's (its
    // own random stream, so within the sub-session's spread of the task run on its own).
    assert.ok(
      subagents && subagents.meanUsd >= sub!.perSession.min && subagents.meanUsd <= sub!.perSession.max,
      JSON.stringify(subagents),
    );
    assert.ok(root!.notes.some((n) => n.startsWith(`subagent ${names[1]}`)));
  });

  it("runs the example workspace's scenarios", () => {
    const run = runCli(['simulate', '--config', 'examples/.burnrate.yaml', '--sessions', '1000']);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    for (const name of ['support-agent', 'research-agent', 'coding-assistant'])
      assert.match(run.stdout, new RegExp(`^${name} — `, 'm'));
  });
});

describe('burnrate replay (built CLI)', () => {
  it('prices the 10-step GPT-4o example log at $0.129', () => {
    const run = runCli(['replay', path.join(FIXTURES, 'research-agent-gpt4o.jsonl'), '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      calls: number;
      inputTokens: number;
      outputTokens: number;
      totalCostUsd: number;
    };
    assert.strictEqual(doc.calls, 10);
    assert.strictEqual(doc.inputTokens, 38_800);
    assert.strictEqual(doc.outputTokens, 3_200);
    assert.ok(Math.abs(doc.totalCostUsd - 0.129) < 1e-9, String(doc.totalCostUsd));
    const text = runCli(['replay', path.join(FIXTURES, 'research-agent-gpt4o.jsonl')]);
    assert.match(text.stdout, /total \$0\.1290/);
    assert.match(text.stdout, /outputTokens: \{p50: 200, p90: 550\}/);
  });

  it('skips malformed lines with messages, and exits 2 with a null total when a model has no price', () => {
    const run = runCli(['replay', path.join(FIXTURES, 'messy.jsonl'), '--json']);
    assert.strictEqual(run.code, 2);
    const doc = JSON.parse(run.stdout) as { calls: number; totalCostUsd: number | null; skipped: { lines: number } };
    assert.strictEqual(doc.calls, 5);
    assert.strictEqual(doc.totalCostUsd, null);
    assert.strictEqual(doc.skipped.lines, 8);
    assert.match(run.stderr, /no price for "my-private-finetune-xyz"/);
  });

  it("prices a model the catalog lacks from the usage file's prices:", () => {
    const dir = workspace('prices:\n  - model: my-private-finetune-xyz\n    inputPerMTok: 1\n    outputPerMTok: 4\n', {
      'usage.jsonl': fs.readFileSync(path.join(FIXTURES, 'messy.jsonl'), 'utf8'),
    });
    const run = runCli(['replay', 'usage.jsonl', '--json'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { totalCostUsd: number };
    // The priced calls of the messy log ($0.02635) plus the fine-tune: 100 × $1 + 10 × $4 per M.
    assert.ok(Math.abs(doc.totalCostUsd - (0.02635 + 140 / 1e6)) < 1e-9, String(doc.totalCostUsd));
  });

  it('exits 2 without a log, or with one that does not exist', () => {
    assert.strictEqual(runCli(['replay']).code, 2);
    const missing = runCli(['replay', 'no-such.jsonl']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /no such file: no-such\.jsonl/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-replay-'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.jsonl')]);
    const fifo = runCli(['replay', 'pipe.jsonl'], dir);
    assert.strictEqual(fifo.code, 2);
    assert.match(fifo.stderr, /cannot read pipe\.jsonl: not a regular file \(a FIFO\) — not read/);
  });
});

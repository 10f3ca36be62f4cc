import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixturePriceData } from '../unit/pricing/priceDataFixture';
import { runCli } from './runCli';
import { Repo, removeTemps, tempDir } from './tempRepo';
import { GIT_ENV } from '../gitEnv';
import { tiktokenCount } from '../unit/tokenize/reference';

const PROMPT = 'prompts/support.md';
const AGENT = '.claude/agents/tests.md';
const SHORT = 'You help customers with orders.';
const LONG =
  'You help customers with orders, refunds and shipping. Be friendly, brief and concrete; hand off to a human on request.';
const USAGE = 'defaults:\n  model: gpt-4o\n  callsPerDay: 1000\n  outputTokens: 0\n';

interface JsonPoint {
  commit: string;
  status: string;
  path: string;
  oldPath?: string;
  cost: string;
  inputTokens: number | null;
  exact: boolean | null;
  perMonthUsd: number | null;
  deltaPerMonthUsd: number | null;
  deltaTokens: number | null;
  subject: string;
  author: string;
}

function historyJson(repo: Repo, args: string[] = []) {
  const run = repo.cli('history', ['--json', ...args]);
  assert.strictEqual(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as {
    files: { path: string; points: JsonPoint[] }[];
    total: { perMonthUsd: number; unknownFiles: number }[];
    commitsRead: number;
    limited: boolean;
  };
}

describe('burnrate history (built CLI, real git repositories)', function () {
  this.timeout(60_000);
  after(removeTemps);

  function grownRepo(): Repo {
    return Repo.create('burnrate-history-')
      .write('.burnrate.yaml', USAGE)
      .write('README.md', '# not a prompt\n')
      .commit('start')
      .write(PROMPT, SHORT)
      .commit('add the support prompt')
      .write(PROMPT, LONG)
      .commit('grow the support prompt')
      .write('README.md', '# still not a prompt\n')
      .commit('docs only');
  }

  it('prices a file at every commit that changed it, exact for an OpenAI model, with the change from the previous point', () => {
    const history = historyJson(grownRepo());
    assert.strictEqual(history.files.length, 1);
    const points = history.files[0]!.points;
    assert.deepStrictEqual(
      points.map((p) => p.subject),
      ['add the support prompt', 'grow the support prompt'],
    );
    const [first, second] = [tiktokenCount('o200k_base', SHORT), tiktokenCount('o200k_base', LONG)];
    assert.strictEqual(points[1]!.deltaTokens, second - first);
    assert.ok(points.every((p) => p.exact === true && p.cost === 'priced'));
    assert.ok(points[1]!.perMonthUsd! > points[0]!.perMonthUsd!);
    assert.ok(Math.abs(points[1]!.deltaPerMonthUsd! - (points[1]!.perMonthUsd! - points[0]!.perMonthUsd!)) < 1e-9);
    assert.strictEqual(points[0]!.author, 'Test');
    assert.deepStrictEqual(
      history.total.map((t) => t.perMonthUsd),
      points.map((p) => p.perMonthUsd),
    );
  });

  it('follows a rename, and a deletion takes the file to zero', () => {
    const repo = grownRepo();
    repo.git('mv', PROMPT, 'prompts/helpdesk.md');
    repo.commit('rename').remove('prompts/helpdesk.md').commit('drop it');
    const history = historyJson(repo);
    assert.strictEqual(history.files.length, 1);
    const points = history.files[0]!.points;
    assert.deepStrictEqual(
      points.map((p) => p.status),
      ['added', 'modified', 'renamed', 'deleted'],
    );
    assert.strictEqual(points[2]!.oldPath, PROMPT);
    assert.strictEqual(points[2]!.deltaTokens, 0);
    assert.strictEqual(points[3]!.perMonthUsd, 0);
    assert.strictEqual(history.total.at(-1)!.perMonthUsd, 0);
    // One file named: followed across its rename with git's --follow.
    const named = historyJson(repo, ['prompts/helpdesk.md']);
    assert.deepStrictEqual(
      named.files[0]!.points.map((p) => p.status),
      ['added', 'modified', 'renamed', 'deleted'],
    );
  });

  it('shows a version on a model with no price as unknown, never $0', () => {
    const repo = grownRepo()
      .write(PROMPT, `---\nburnrate:\n  model: no-such-model-xyz\n---\n${LONG}`)
      .commit('switch model');
    const last = historyJson(repo).files[0]!.points.at(-1)!;
    assert.strictEqual(last.cost, 'unpriced');
    assert.strictEqual(last.perMonthUsd, null);
    assert.strictEqual(last.deltaPerMonthUsd, null);
    const text = repo.cli('history');
    assert.match(text.stdout, /no price/);
    assert.match(text.stdout, /\(\+1 unknown\)/);
  });

  it('prices each commit with its own usage file with --usage-at-commit', () => {
    const repo = grownRepo()
      .write('.burnrate.yaml', USAGE.replace('callsPerDay: 1000', 'callsPerDay: 2000'))
      .commit('double the traffic');
    const today = historyJson(repo).files[0]!.points;
    const atCommit = historyJson(repo, ['--usage-at-commit']).files[0]!.points;
    assert.ok(
      Math.abs(today[1]!.perMonthUsd! - 2 * atCommit[1]!.perMonthUsd!) < 1e-9,
      'today: 2,000 calls/day; then: 1,000',
    );
  });

  it('limits the range with --since REF and --max-commits', () => {
    const repo = grownRepo();
    const second = repo.git('rev-list', '-n', '1', 'HEAD~2').trim();
    assert.deepStrictEqual(
      historyJson(repo, ['--since', second]).files[0]!.points.map((p) => p.subject),
      ['grow the support prompt'],
    );
    const limited = historyJson(repo, ['--max-commits', '2']);
    assert.strictEqual(limited.commitsRead, 2);
    assert.strictEqual(limited.limited, true);
    assert.deepStrictEqual(
      limited.files[0]!.points.map((p) => p.subject),
      ['grow the support prompt'],
    );
  });

  it('escapes control characters from commit subjects in the table', () => {
    const repo = grownRepo().write(PROMPT, SHORT).commit('evil \x1b[31mred');
    const run = repo.cli('history');
    assert.strictEqual(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes('\x1b'), 'no raw escape reaches the terminal');
    assert.match(run.stdout, /evil \\x1b\[31mred/);
  });

  it('says so when nothing in range changed a prompt, and exits 2 outside git, without commits, or with a bad --since', () => {
    const quiet = Repo.create('burnrate-history-').write('README.md', 'x').commit('docs');
    assert.match(quiet.cli('history').stdout, /No commit in that range changed a prompt or agent file/);
    const empty = Repo.create('burnrate-history-');
    assert.strictEqual(empty.cli('history').code, 2);
    assert.match(empty.cli('history').stderr, /no commits yet/);
    assert.strictEqual(runCli(['history'], tempDir('burnrate-norepo-'), GIT_ENV).code, 2);
    const bad = grownRepo().cli('history', ['--since', 'not-a-ref-or-date']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /neither a commit, branch or tag here nor a date/);
  });

  it('--prices FILE prices every commit with that price data (a Haiku 5.5 subagent the bundled data has no price for)', () => {
    const cache = tempDir('burnrate-history-cache-');
    const env = { XDG_CACHE_HOME: cache, BURNRATE_PRICES_URL: '' };
    const repo = Repo.create('burnrate-history-')
      .write(AGENT, '---\nname: tests\ndescription: runs the tests\nmodel: haiku\n---\nRun the tests.\n')
      .commit('add the test runner')
      .write(
        AGENT,
        '---\nname: tests\ndescription: runs the tests\nmodel: haiku\n---\nRun the tests and report every failure with its file.\n',
      )
      .commit('grow the test runner');
    fs.writeFileSync(path.join(repo.dir, 'pinned.json'), JSON.stringify(fixturePriceData()));
    const bundled = repo.cli('history', ['--json'], repo.dir, env);
    assert.strictEqual(bundled.code, 0, bundled.stderr);
    const unpriced = (JSON.parse(bundled.stdout) as { files: { points: JsonPoint[] }[] }).files[0]!.points;
    assert.deepStrictEqual(
      unpriced.map((p) => p.cost),
      ['unpriced', 'unpriced'],
    );

    const pinned = repo.cli('history', ['--json', '--prices', 'pinned.json'], repo.dir, env);
    assert.strictEqual(pinned.code, 0, pinned.stderr);
    const json = JSON.parse(pinned.stdout) as { priceData: { kind: string }; files: { points: JsonPoint[] }[] };
    assert.strictEqual(json.priceData.kind, 'pinned');
    const points = json.files[0]!.points;
    assert.deepStrictEqual(
      points.map((p) => p.cost),
      ['priced', 'priced'],
    );
    assert.ok(points[1]!.perMonthUsd! > points[0]!.perMonthUsd!);
    const table = repo.cli('history', ['--prices', 'pinned.json'], repo.dir, env);
    assert.match(table.stdout, /Prices: .*pinned\.json/);
    const missing = repo.cli('history', ['--prices', 'nowhere.json'], repo.dir, env);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /price data file not found: nowhere\.json/);
  });

  it("gives each runtime's per-request overhead at every commit that changed a file it loads, equal to `context` at HEAD", () => {
    const repo = Repo.create('burnrate-history-')
      .write('.burnrate.yaml', USAGE)
      .write('CLAUDE.md', '# Project\nRun the tests before committing.\n')
      .commit('add CLAUDE.md')
      .write('README.md', '# docs\n')
      .commit('docs only')
      .write('docs/guide.md', 'The guide: every service has an owner; ask them first. '.repeat(20))
      .write('CLAUDE.md', '# Project\nRun the tests before committing.\nSee @docs/guide.md\n')
      .commit('CLAUDE.md imports the guide')
      .write(
        '.claude/agents/tests.md',
        '---\nname: tests\ndescription: runs the whole test suite and reports failures\n---\nRun the tests.\n',
      )
      .commit('add a subagent');
    const run = repo.cli('history', ['--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    type RuntimeJson = {
      id: string;
      points: { subject: string; inputTokens: number; deltaTokens: number; perMonthUsd: number | null }[];
    };
    const claude = (JSON.parse(run.stdout) as { runtimes: RuntimeJson[] }).runtimes.find(
      (r) => r.id === 'claude-code',
    )!;
    assert.deepStrictEqual(
      claude.points.map((p) => p.subject),
      ['add CLAUDE.md', 'CLAUDE.md imports the guide', 'add a subagent'],
    );
    const tokens = claude.points.map((p) => p.inputTokens);
    assert.ok(tokens[1]! > tokens[0]! + 100, `the imported guide counts (${tokens.join(' → ')})`);
    assert.ok(tokens[2]! > tokens[1]!, 'the subagent listing counts');
    assert.strictEqual(claude.points[2]!.deltaTokens, tokens[2]! - tokens[1]!);
    const context = repo.cli('context', ['--json']);
    assert.strictEqual(context.code, 0, context.stderr);
    const now = (
      JSON.parse(context.stdout) as {
        runtimes: { id: string; perRequest: { inputTokens: number; perMonthUsd?: number } }[];
      }
    ).runtimes.find((r) => r.id === 'claude-code')!;
    assert.strictEqual(tokens[2], now.perRequest.inputTokens);
    assert.strictEqual(claude.points[2]!.perMonthUsd, now.perRequest.perMonthUsd ?? null);
    const table = repo.cli('history');
    assert.match(table.stdout, /Claude Code: per-request overhead after each commit that changed a file it loads/);
    // One file followed: its own history only.
    assert.strictEqual(
      (JSON.parse(repo.cli('history', ['--json', 'CLAUDE.md']).stdout) as { runtimes?: unknown }).runtimes,
      undefined,
    );
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LIMITS } from '../../src/core/limits';
import { resolveModel } from '../../src/core/pricing/resolve';
import { claudeLine, claudeUserLine, codexLine, codexTokenCount } from '../unit/simulate/agentLogs';
import { runCli } from './runCli';
import { removeTemps, tempDir } from './tempRepo';

interface ReplayJson {
  calls: number;
  totalCostUsd: number | null;
  cacheReadShare: number;
  cacheWrite1hTokens: number;
  skipped: { lines: number };
  sidechain?: { costUsd: number; share: number };
  sessions: {
    count: number;
    perSession: { p50: number; p90: number; p99: number };
    top: { id: string; costUsd: number; project?: string; branch?: string }[];
  };
  byProject: { key: string; sessions: number }[];
  byBranch: { key: string }[];
  files: { source: string; format: string }[];
  problems: { severity: string; message: string }[];
  against?: { runtimes: { runtime: string; sessions: number; medianRatio: number | null }[] };
}

/** A Claude Code project folder as Claude Code lays it out, written by the test. */
function claudeHome(): { home: string; log: string } {
  const home = tempDir('burnrate-replay-home-');
  const project = path.join(home, '.claude', 'projects', '-work-demo');
  fs.mkdirSync(project, { recursive: true });
  const log = path.join(project, 'sess-1.jsonl');
  fs.writeFileSync(
    log,
    [
      claudeUserLine('sess-1'),
      claudeLine({ id: 'msg_1', session: 'sess-1', usage: { input: 12, output: 3, write5m: 4000, write1h: 1000 } }),
      claudeLine({ id: 'msg_1', session: 'sess-1', usage: { input: 12, output: 210, write5m: 4000, write1h: 1000 } }),
      claudeLine({ id: 'msg_2', session: 'sess-1', usage: { input: 6, output: 95, read: 5000, write5m: 700 } }),
      claudeLine({ id: 'msg_3', session: 'sess-1', sidechain: true, usage: { input: 300, output: 60, read: 0 } }),
      '{"truncated": ',
      '',
    ].join('\n'),
  );
  const other = path.join(project, 'sess-2.jsonl');
  fs.writeFileSync(
    other,
    claudeLine({ id: 'msg_9', session: 'sess-2', branch: 'feature', usage: { input: 900, output: 30 } }) + '\n',
  );
  return { home, log };
}

describe("burnrate replay on coding agents' logs (built CLI)", () => {
  after(removeTemps);

  it("prices a Claude Code session log exactly: cache reads, 5-minute and 1-hour writes at the price data's rates", () => {
    const { log } = claudeHome();
    const run = runCli(['replay', log, '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as ReplayJson;
    const r = resolveModel('claude-sonnet-4-5');
    assert.ok(
      r.ok &&
        r.rates.cacheWrite1hPerMTok !== undefined &&
        r.rates.cacheReadPerMTok !== undefined &&
        r.rates.cacheWritePerMTok !== undefined,
    );
    const {
      inputPerMTok: i,
      outputPerMTok: o,
      cacheReadPerMTok: cr,
      cacheWritePerMTok: cw,
      cacheWrite1hPerMTok: cw1h,
    } = r.rates;
    const expected =
      (12 * i + 4000 * cw + 1000 * cw1h + 210 * o + (6 * i + 5000 * cr + 700 * cw + 95 * o) + (300 * i + 60 * o)) / 1e6;
    assert.strictEqual(doc.calls, 3);
    assert.ok(
      doc.totalCostUsd !== null && Math.abs(doc.totalCostUsd - expected) < 1e-12,
      `${doc.totalCostUsd} vs ${expected}`,
    );
    assert.strictEqual(doc.cacheWrite1hTokens, 1000);
    assert.strictEqual(doc.skipped.lines, 1);
    assert.ok(Math.abs(doc.sidechain!.costUsd - (300 * i + 60 * o) / 1e6) < 1e-12);
    assert.strictEqual(doc.files[0]?.format, 'claude-code');
    const text = runCli(['replay', log]);
    assert.match(text.stdout, /subagents \(sidechain\): 1 calls/);
    assert.match(text.stdout, /by git branch/);
  });

  it('reads ~/.claude/projects only with --claude-code, groups by project and branch, lists the costliest sessions', () => {
    const { home } = claudeHome();
    const outside = tempDir('burnrate-replay-outside-');
    fs.writeFileSync(
      path.join(outside, 'secret.jsonl'),
      claudeLine({ id: 'msg_s', session: 'secret', usage: { input: 1, output: 1 } }) + '\n',
    );
    fs.symlinkSync(
      path.join(outside, 'secret.jsonl'),
      path.join(home, '.claude', 'projects', '-work-demo', 'link.jsonl'),
    );
    const none = runCli(['replay'], home, { HOME: home });
    assert.strictEqual(none.code, 2);
    const run = runCli(['replay', '--claude-code', '--json', '--top', '1'], home, { HOME: home });
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as ReplayJson;
    assert.strictEqual(doc.files.length, 2);
    assert.strictEqual(doc.sessions.count, 2);
    assert.strictEqual(doc.sessions.top.length, 1);
    assert.strictEqual(doc.sessions.top[0]?.id, 'sess-1');
    assert.deepStrictEqual(
      doc.byProject.map((g) => [g.key, g.sessions]),
      [['/work/demo', 2]],
    );
    assert.deepStrictEqual(doc.byBranch.map((g) => g.key).sort(), ['feature', 'main']);
    assert.ok(!run.stdout.includes('secret'));
    assert.ok(
      doc.problems.some((p) => /1 symlink\(s\) pointing outside the folder — not read/.test(p.message)),
      JSON.stringify(doc.problems),
    );
  });

  it("reads a Codex folder, and compares first calls with the workspace's codex profile (--against)", () => {
    const dir = tempDir('burnrate-replay-codex-');
    const day = path.join(dir, 'sessions', '2026', '11', '29');
    fs.mkdirSync(day, { recursive: true });
    fs.writeFileSync(
      path.join(day, 'rollout-2026-11-29T08-00-00-0199aaaa-bbbb-cccc-dddd-eeeeffff0000.jsonl'),
      [
        codexLine('session_meta', { id: 'cx-1', cwd: '/work/cx' }),
        codexLine('turn_context', { model: 'gpt-5-codex' }),
        codexTokenCount({ input: 12000, cached: 0, output: 300 }),
      ].join('\n') + '\n',
    );
    const workspace = tempDir('burnrate-replay-ws-');
    fs.writeFileSync(path.join(workspace, 'AGENTS.md'), '# Rules\n\nUse two-space indentation.\n');
    const run = runCli(['replay', path.join(dir, 'sessions'), '--against', workspace, '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as ReplayJson;
    assert.strictEqual(doc.calls, 1);
    const codex = doc.against?.runtimes.find((c) => c.runtime === 'codex');
    assert.strictEqual(codex?.sessions, 1);
    assert.ok(codex?.medianRatio !== null && codex!.medianRatio! > 0);
    const text = runCli(['replay', path.join(dir, 'sessions'), '--against', workspace]);
    assert.match(text.stdout, /predicted against actual/);
    assert.match(text.stdout, /observed \/ predicted: median ×/);
  });

  it('--format forces a reader, and --help lists the formats', () => {
    const { log } = claudeHome();
    const forced = runCli(['replay', log, '--format', 'usage', '--json']);
    assert.strictEqual((JSON.parse(forced.stdout) as ReplayJson).calls, 0);
    const help = runCli(['replay', '--help']);
    for (const id of ['claude-code', 'codex', 'otel', '--claude-code', '--against'])
      assert.ok(help.stdout.includes(id), id);
  });

  it('skips a line over the line limit as malformed, names the file, line and bound, and reads on (issue 10)', () => {
    const dir = tempDir('burnrate-replay-long-');
    const log = path.join(dir, 'long.jsonl');
    const call = '{"model":"gpt-4o","usage":{"prompt_tokens":100,"completion_tokens":20}}\n';
    const fd = fs.openSync(log, 'w');
    fs.writeSync(fd, call);
    fs.writeSync(fd, '{"model":"gpt-4o","pad":"');
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let written = 0; written <= LIMITS.lineBytes; written += block.length) fs.writeSync(fd, block);
    fs.writeSync(fd, '"}\n' + call);
    fs.closeSync(fd);
    const run = runCli(['replay', log, '--json'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as ReplayJson & { skipped: { byReason: Record<string, number> } };
    assert.strictEqual(result.calls, 2);
    assert.strictEqual(result.skipped.lines, 1);
    const limit = LIMITS.lineBytes.toLocaleString('en-US');
    assert.deepStrictEqual(result.skipped.byReason, { [`line over the ${limit}-byte line limit`]: 1 });
    assert.match(run.stderr, new RegExp(`long\\.jsonl line 2: [\\d,]+ bytes, over the ${limit}-byte line limit`));
  });
});

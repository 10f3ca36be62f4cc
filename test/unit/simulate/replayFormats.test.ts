import * as assert from 'assert';
import { resolveModel } from '../../../src/core/pricing/resolve';
import type { RateCard } from '../../../src/core/pricing/rateCard';
import { compareFirstCalls } from '../../../src/core/simulate/replay/against';
import { detectLogFormat } from '../../../src/core/simulate/replay/formats';
import { priceDataLookup, type ModelLookup } from '../../../src/core/simulate/modelLookup';
import { readUsageLog, replayUsageLog } from '../../../src/core/simulate/replay/replay';
import { Reservoir } from '../../../src/core/simulate/replay/reservoir';
import { claudeLine, claudeUserLine, codexLine, codexTokenCount, otlpExport, otlpSpan } from './agentLogs';

const realLookup: ModelLookup = priceDataLookup();

function rates(model: string): RateCard {
  const r = resolveModel(model);
  assert.ok(r.ok, model);
  return r.rates;
}

const perM = (tokens: number, rate: number | undefined) => (tokens * (rate ?? NaN)) / 1e6;

describe("replay: coding agents' logs", () => {
  it('detects each format from its first line', () => {
    assert.strictEqual(detectLogFormat(claudeUserLine('s')).id, 'claude-code');
    assert.strictEqual(detectLogFormat(codexLine('session_meta', { id: 'x' })).id, 'codex');
    assert.strictEqual(detectLogFormat(JSON.stringify(otlpExport([]))).id, 'otel');
    assert.strictEqual(detectLogFormat('{').id, 'otel');
    assert.strictEqual(
      detectLogFormat('{"model":"gpt-4o","usage":{"prompt_tokens":1,"completion_tokens":1}}').id,
      'usage',
    );
  });

  it('reads a Claude Code log: streamed lines of one response once, cache reads and both write lifetimes at their rates', () => {
    const text = [
      '{not json',
      claudeUserLine('s1'),
      claudeLine({ id: 'msg_1', session: 's1', usage: { input: 10, output: 5, write5m: 1500, write1h: 500 } }),
      claudeLine({ id: 'msg_1', session: 's1', usage: { input: 10, output: 120, write5m: 1500, write1h: 500 } }),
      claudeLine({ id: 'msg_2', session: 's1', usage: { input: 4, output: 80, read: 2000, write5m: 300 } }),
      claudeLine({ id: 'msg_3', session: 's1', sidechain: true, usage: { input: 50, output: 40 } }),
      claudeLine({ id: 'msg_x', session: 's1', model: '<synthetic>', usage: { input: 0, output: 0 } }),
      claudeLine({ id: 'msg_2', session: 's1', usage: { input: 4, output: 80, read: 2000, write5m: 300 } }),
    ].join('\n');
    const log = readUsageLog(text, 'claude.jsonl');
    assert.strictEqual(log.format, 'claude-code');
    assert.strictEqual(log.calls.length, 3);
    assert.deepStrictEqual(log.skipped.byReason, {
      'not JSON': 1,
      'repeat of an earlier response (same message.id), counted once': 1,
    });
    const first = log.calls[0]!;
    assert.deepStrictEqual(
      [first.input, first.output, first.cacheRead, first.cacheWrite, first.cacheWrite1h],
      [2010, 120, 0, 1500, 500],
    );
    assert.strictEqual(first.project, '/work/demo');
    assert.strictEqual(first.branch, 'main');

    const r = rates('claude-sonnet-4-5');
    const expected =
      perM(10, r.inputPerMTok) +
      perM(1500, r.cacheWritePerMTok) +
      perM(500, r.cacheWrite1hPerMTok) +
      perM(120, r.outputPerMTok) +
      perM(4, r.inputPerMTok) +
      perM(2000, r.cacheReadPerMTok) +
      perM(300, r.cacheWritePerMTok) +
      perM(80, r.outputPerMTok) +
      perM(50, r.inputPerMTok) +
      perM(40, r.outputPerMTok);
    const result = replayUsageLog(log, realLookup);
    assert.ok(
      result.totalCostUsd !== null && Math.abs(result.totalCostUsd - expected) < 1e-12,
      `${result.totalCostUsd} vs ${expected}`,
    );
    const sidechain = perM(50, r.inputPerMTok) + perM(40, r.outputPerMTok);
    assert.ok(result.sidechain && Math.abs(result.sidechain.costUsd! - sidechain) < 1e-12);
    assert.ok(Math.abs(result.sidechain.share! - sidechain / expected) < 1e-12);
    assert.strictEqual(result.sessions?.top[0]?.firstCallInputTokens, 2010);
    assert.deepStrictEqual(
      result.byBranch?.map((g) => [g.key, g.calls, g.sessions]),
      [['main', 3, 1]],
    );
    assert.deepStrictEqual(
      result.byDay?.map((g) => g.key),
      ['2026-11-30'],
    );
    assert.strictEqual(result.cacheReadShare, 2000 / (2010 + 2304 + 50));
  });

  it('reads a Codex rollout: each call the growth of the running total, repeats and empty events not counted', () => {
    const text = [
      codexLine('session_meta', {
        id: '0199aaaa-bbbb-cccc-dddd-eeeeffff0000',
        cwd: '/work/cx',
        git: { branch: 'fix-1' },
      }),
      codexTokenCount(null),
      codexTokenCount({ input: 1000, cached: 0, output: 100 }),
      codexLine('turn_context', { model: 'gpt-5-codex', cwd: '/work/cx' }),
      codexTokenCount({ input: 1000, cached: 0, output: 100 }),
      codexTokenCount(
        { input: 3000, cached: 900, output: 250, reasoning: 60 },
        { input: 2000, cached: 900, output: 150 },
      ),
      codexTokenCount({ input: 3000, cached: 900, output: 250 }),
      'garbage',
    ].join('\n');
    const log = readUsageLog(text, 'rollout.jsonl');
    assert.strictEqual(log.format, 'codex');
    // The first total came before any turn_context named the model: skipped with that reason, and the growth after it
    // is still measured from it.
    assert.deepStrictEqual(
      log.calls.map((c) => [c.input, c.cacheRead, c.output, c.session, c.branch]),
      [[2000, 900, 150, '0199aaaa-bbbb-cccc-dddd-eeeeffff0000', 'fix-1']],
    );
    assert.strictEqual(log.skipped.byReason['token_count repeating the running total (counted once)'], 2);
    assert.strictEqual(log.skipped.byReason['token_count before any turn_context names the model'], 1);
    const r = rates('gpt-5-codex');
    const result = replayUsageLog(log, realLookup);
    const expected = perM(1100, r.inputPerMTok) + perM(900, r.cacheReadPerMTok) + perM(150, r.outputPerMTok);
    assert.ok(result.totalCostUsd !== null && Math.abs(result.totalCostUsd - expected) < 1e-12);
  });

  it('reads OTLP JSON, pretty-printed or one export a line, without counting agent spans again', () => {
    const chat = otlpSpan({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 50,
      'gen_ai.usage.cache_read.input_tokens': 1000,
      'gen_ai.conversation.id': 'c1',
    });
    const agent = otlpSpan({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 50,
    });
    const pretty = readUsageLog(JSON.stringify(otlpExport([chat, agent]), null, 2), 'spans.json');
    assert.strictEqual(pretty.format, 'otel');
    assert.deepStrictEqual(
      pretty.calls.map((c) => [c.input, c.cacheRead, c.output, c.session]),
      [[1200, 1000, 50, 'c1']],
    );
    const lines = readUsageLog(
      [JSON.stringify(otlpExport([chat])), '{"resourceSpans": [', JSON.stringify(otlpExport([chat]))].join('\n'),
      'spans.jsonl',
    );
    assert.strictEqual(lines.calls.length, 2);
    assert.strictEqual(lines.skipped.lines, 1);
    const bad = readUsageLog(
      JSON.stringify(otlpExport([otlpSpan({ 'gen_ai.request.model': 'm', 'gen_ai.usage.input_tokens': 'lots' })])),
      'bad.json',
    );
    assert.strictEqual(bad.calls.length, 0);
    assert.strictEqual(bad.skipped.lines, 1);
  });

  it('keeps a model without a price out of the total (null), never $0', () => {
    const log = readUsageLog(
      claudeLine({ id: 'm1', session: 's', model: 'claude-nonexistent-9', usage: { input: 5, output: 5 } }),
      'x',
    );
    const result = replayUsageLog(log, realLookup);
    assert.strictEqual(result.totalCostUsd, null);
    assert.strictEqual(result.sessions?.unpriced, 1);
  });

  it('compares first-call input with the predicted overhead', () => {
    const sessions = [9000, 10000, 11000].map((tokens, i) => ({
      id: `s${i}`,
      calls: 1,
      costUsd: 0,
      inputTokens: tokens,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      sidechainCostUsd: 0,
      firstCallInputTokens: tokens,
      format: 'claude-code',
    }));
    const c = compareFirstCalls({ runtime: 'claude-code', inputTokens: 5000, exact: false, band: 0.2 }, sessions);
    assert.strictEqual(c.sessions, 3);
    assert.strictEqual(c.medianRatio, 2);
    assert.strictEqual(c.withinBand, false);
    assert.match(c.verdict, /100% more than predicted/);
    assert.strictEqual(
      compareFirstCalls({ runtime: 'codex', inputTokens: 5000, exact: true, band: 0 }, sessions).medianRatio,
      null,
    );
  });

  it('samples per-call figures in bounded memory, exactly while the stream fits', () => {
    const small = new Reservoir(10);
    for (let i = 0; i < 10; i++) small.add(i);
    assert.ok(small.exact);
    assert.deepStrictEqual([...small.sample()], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const big = new Reservoir(1000);
    for (let i = 0; i < 100_000; i++) big.add(i);
    assert.strictEqual(big.sample().length, 1000);
    const mean = big.sample().reduce((s, x) => s + x, 0) / 1000;
    assert.ok(Math.abs(mean - 50_000) < 5000, String(mean)); // a uniform sample, not the first or last thousand
  });
});

import * as assert from 'assert';
import { fixed } from '../../../src/core/simulate/distribution';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type ContextFullAction } from '../../../src/core/simulate/scenario';
import { card, close } from './cards';

// $1 / $2 per M with a 2,000-token window; caching off, 100 user + 500 output tokens a turn, no tools. Turn k's input
// is 100 + 600(k−1): 100, 700, 1,300, 1,900, 2,500 — costing $0.0011, $0.0017, $0.0023, $0.0029, $0.0035.
const SMALL = card('small', 1, 2, { contextWindow: 2000 });

function run(onContextFull: ContextFullAction, turns: number, extra: { compactAtTokens?: number } = {}) {
  const scenario = scenarioWithDefaults('w', SMALL, {
    caching: 'off',
    turns: fixed(turns),
    summaryTokens: 200,
    onContextFull,
    ...extra,
  });
  return simulateScenario(scenario, { sessions: 10, seed: 1 });
}

describe('simulate: a full context window', () => {
  it('compact: at the threshold a priced summary call replaces the history', () => {
    // Turn 4's input 1,900 ≥ 1,500: the summary call reads 1,900 and writes 200 ($0.0023), then turn 4 is 100 + 200
    // = 300 input ($0.0013). 0.0011 + 0.0017 + 0.0023 + 0.0023 + 0.0013 = $0.0087.
    const result = run('compact', 4, { compactAtTokens: 1500 });
    assert.ok(close(result.perSession.mean, 0.0087, 1e-9), String(result.perSession.mean));
    assert.strictEqual(result.contextFull.compactionsPerSession, 1);
    assert.strictEqual(result.contextFull.compactAtTokens, 1500);
    assert.strictEqual(result.contextFull.hitSessions, 10);
    assert.strictEqual(result.contextFull.hitShare, 1);
    // Three turns never reach 1,500 (their inputs are 100, 700, 1,300): no session hit the threshold.
    const short = run('compact', 3, { compactAtTokens: 1500 });
    assert.strictEqual(short.contextFull.hitSessions, 0);
    assert.strictEqual(short.contextFull.compactionsPerSession, 0);
  });

  it("compact: the default threshold is the window less Claude Code's 33,000-token reserve", () => {
    const scenario = scenarioWithDefaults('w', card('big', 1, 2, { contextWindow: 200_000 }), {
      onContextFull: 'compact',
    });
    assert.strictEqual(simulateScenario(scenario, { sessions: 10, seed: 1 }).contextFull.compactAtTokens, 167_000);
  });

  it('truncate: the oldest tokens are dropped until the call fits', () => {
    // Turn 5's 2,500 becomes 2,000 ($0.0030): 0.0011 + 0.0017 + 0.0023 + 0.0029 + 0.0030 = $0.0110.
    const result = run('truncate', 5);
    assert.ok(close(result.perSession.mean, 0.011, 1e-9), String(result.perSession.mean));
    assert.strictEqual(result.contextFull.truncatedShare, 1);
    assert.strictEqual(result.contextFull.hitSessions, 10);
    assert.strictEqual(result.overContextWindow.sessions, 0);
  });

  it('fail: the session ends at the call that does not fit, counted', () => {
    const result = run('fail', 5);
    assert.ok(close(result.perSession.mean, 0.008, 1e-9), String(result.perSession.mean));
    assert.strictEqual(result.contextFull.failedShare, 1);
    assert.strictEqual(result.contextFull.hitShare, 1);
    assert.strictEqual(result.overContextWindow.sessions, 0);
  });

  it('flag: the call is priced anyway and the session counted (the default)', () => {
    const result = run('flag', 5);
    assert.ok(close(result.perSession.mean, 0.0115, 1e-9), String(result.perSession.mean));
    assert.strictEqual(result.overContextWindow.sessions, 10);
    assert.strictEqual(result.contextFull.hitSessions, 10);
    assert.strictEqual(run('flag', 4).contextFull.hitSessions, 0, 'turn 4 (1,900 tokens) still fits');
  });
});

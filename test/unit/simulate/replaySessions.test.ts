// Replay's sessions in bounded memory (issue 10): at most so many open at once, closed ones folded into exact counts,
// sums, max and the costliest few, and uniform samples for the percentiles — the same figures as holding every
// session while they fit, and said in the output when a sample was used or sessions were closed early.
import * as assert from 'assert';
import { priceDataLookup, type ModelLookup } from '../../../src/core/simulate/modelLookup';
import { ReplayAccumulator } from '../../../src/core/simulate/replay/accumulator';
import type { LoggedCall, ReplayResult } from '../../../src/core/simulate/replay/replay';
import { SESSION_SAMPLE } from '../../../src/core/simulate/replay/sessionBook';

const lookup: ModelLookup = priceDataLookup();

let line = 0;
function call(session: string, input: number, model = 'gpt-4o'): LoggedCall {
  return {
    model,
    format: 'generic',
    input,
    output: 10,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    batch: false,
    session,
    timestamp: '2026-01-02T03:04:05Z',
    branch: `b${session.length % 3}`,
    line: ++line,
  };
}

function replay(calls: LoggedCall[], openSessions?: number): ReplayResult {
  const accumulator = new ReplayAccumulator(lookup, 5, openSessions);
  for (const c of calls) accumulator.add(c);
  return accumulator.finish('log', calls.length, { lines: 0, byReason: {}, examples: [] });
}

describe('replay: sessions in bounded memory (issue 10)', () => {
  it('closing sessions that are done gives the same report as holding them all; the output says they were closed', () => {
    // 300 sessions of three calls each, two at a time interleaved, one without a price: 10 open at most is plenty.
    const calls: LoggedCall[] = [];
    for (let s = 0; s < 300; s += 2)
      for (let turn = 0; turn < 3; turn++)
        for (const id of [s, s + 1])
          calls.push(call(`s${id}`, 100 + ((id * 37) % 500), id === 7 ? 'no-such-model-x' : 'gpt-4o'));
    const all = replay(calls);
    const bounded = replay(calls, 10);
    assert.strictEqual(all.sessions!.closedEarly, undefined);
    assert.strictEqual(bounded.sessions!.closedEarly, 290);
    assert.strictEqual(bounded.sessions!.reopened, 0);
    const { closedEarly: _c, reopened: _r, ...rest } = bounded.sessions!;
    assert.deepStrictEqual(rest, all.sessions);
    assert.deepStrictEqual(bounded.byBranch, all.byBranch);
    assert.deepStrictEqual(bounded.calibration, all.calibration);
    assert.strictEqual(all.sessions!.count, 300);
    assert.strictEqual(all.sessions!.unpriced, 1);
    assert.ok(
      bounded.problems.some((p) =>
        /290 sessions were closed before the log ended to keep at most 10 open; none/.test(p.message),
      ),
    );
  });

  it('a session seen again after it was closed counts again, and the output says about how many were', () => {
    const calls = [call('a', 100), call('b', 100), call('c', 100), call('a', 100)];
    const result = replay(calls, 2);
    assert.strictEqual(result.sessions!.count, 4, 'a counted twice: its state was closed');
    assert.strictEqual(result.sessions!.reopened, 1);
    assert.ok(
      result.problems.some((p) => p.severity === 'warning' && /≈1 of them were seen again later/.test(p.message)),
    );
  });

  it('past the sample size the percentiles come from a uniform sample; count, mean, max and the costliest stay exact', () => {
    const n = SESSION_SAMPLE + 20_000;
    const calls: LoggedCall[] = [];
    for (let s = 0; s < n; s++) calls.push(call(`s${s}`, 100 + (s % 1000)));
    calls.push(call('biggest', 50_000));
    const result = replay(calls, 1000);
    const sessions = result.sessions!;
    assert.strictEqual(sessions.count, n + 1);
    assert.strictEqual(sessions.sample, SESSION_SAMPLE);
    assert.strictEqual(sessions.top[0]!.id, 'biggest');
    assert.strictEqual(sessions.perSession.max, sessions.top[0]!.costUsd);
    const exactMean = result.pricedCostUsd / (n + 1);
    assert.ok(Math.abs(sessions.perSession.mean - exactMean) < 1e-12);
    assert.ok(
      result.problems.some((p) =>
        p.message.includes(`uniform sample of ${SESSION_SAMPLE.toLocaleString('en-US')} of the`),
      ),
    );
    // The median input is ~600 tokens whatever the sample: a uniform sample, not the first sessions seen.
    const median = sessions.perSession.p50;
    const costOf = (tokens: number) => replay([call('x', tokens)]).sessions!.perSession.max;
    assert.ok(median > costOf(550) && median < costOf(650), String(median));
  });
});

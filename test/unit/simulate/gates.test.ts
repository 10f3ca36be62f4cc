import * as assert from 'assert';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import { dayGates, sessionGates } from '../../../src/core/simulate/gates';
import { monthConvention } from '../../../src/core/simulate/projection';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { close, SIMPLE } from './cards';

describe('simulate: budget gates', () => {
  it('counts sessions at or above 70%, 90% and 100% of the per-session budget', () => {
    const costs = Float64Array.from([0.1, 0.2, 0.69, 0.7, 0.85, 0.9, 0.95, 1.0, 1.5, 3.0]);
    const report = sessionGates(costs, 1, 1000);
    assert.deepStrictEqual(
      report.gates.map((g) => [g.level, g.thresholdUsd, g.sessions, g.share, g.perDay]),
      [
        ['warn', 0.7, 7, 0.7, 700],
        ['throttle', 0.9, 5, 0.5, 500],
        ['stop', 1, 3, 0.3, 300],
      ],
    );
    // Spend above the stop: 0.5 + 2.0 of 9.89.
    assert.ok(close(report.spendAboveStopShare, 2.5 / 9.89, 1e-12));
    assert.strictEqual(report.tripped, true);
    assert.strictEqual(sessionGates(costs, 5, 1000).tripped, false);
  });

  it('per day: the share of days that reach each gate, and the sessions that start after it', () => {
    const report = dayGates(Float64Array.from([500, 1000, 2000, 4000]), Float64Array.from([100, 100, 100, 100]), 1000);
    const stop = report.gates[2]!;
    assert.strictEqual(stop.daysShare, 0.75);
    // Day 2: 1000/1000 → 0 past; day 3: half its spend after the gate → 50; day 4: 75.
    assert.ok(close(stop.sessionsPastPerDay, (0 + 50 + 75) / 4, 1e-12));
    assert.strictEqual(report.tripped, true);
  });

  it('a simulated scenario reports both gates and the expected counts', () => {
    // Every session costs 1,000 × $1 + 500 × $2 per M = $0.002; 1,000 sessions a day = $2.00.
    const scenario = scenarioWithDefaults('g', SIMPLE, {
      turns: fixed(1),
      userTokens: fixed(1000),
      outputTokens: fixed(500),
      sessionsPerDay: fixed(1000),
      budget: { perSessionUsd: 0.0025, perDayUsd: 2.5 },
    });
    const r = simulateScenario(scenario, { sessions: 100, seed: 1 });
    assert.deepStrictEqual(
      r.gates.perSession!.gates.map((g) => g.share),
      [1, 0, 0],
    ); // 0.002 ≥ 70% of 0.0025 only
    assert.deepStrictEqual(
      r.gates.perDay!.gates.map((g) => g.daysShare),
      [1, 0, 0],
    ); // $2.00 ≥ $1.75 only
    assert.strictEqual(r.gates.perSession!.tripped, false);
  });
});

describe('simulate: daily and monthly projections', () => {
  it('a month is 730 hours: monthly = daily × 30.4167, and the convention is in the result', () => {
    const month = monthConvention();
    assert.strictEqual(month.hours, 730);
    assert.ok(close(month.days, 30.416666666666668));
    assert.ok(month.description.includes('730 hours'));
    const scenario = scenarioWithDefaults('m', SIMPLE, {
      turns: fixed(1),
      userTokens: fixed(1000),
      outputTokens: fixed(0),
      sessionsPerDay: fixed(2000),
    });
    const r = simulateScenario(scenario, { sessions: 10, seed: 1 });
    assert.ok(close(r.perDay.p50, 2000 * 0.001, 1e-9));
    assert.ok(close(r.perMonth.p50, 2000 * 0.001 * (730 / 24), 1e-9));
    const custom = simulateScenario(scenario, { sessions: 10, seed: 1, monthHours: 720 });
    assert.ok(close(custom.perMonth.mean, 2 * 30, 1e-9));
  });

  it('the daily band follows the traffic distribution', () => {
    const scenario = scenarioWithDefaults('d', SIMPLE, {
      turns: fixed(1),
      userTokens: fixed(1000),
      outputTokens: fixed(0),
      sessionsPerDay: lognormal(500, 2000),
    });
    const r = simulateScenario(scenario, { sessions: 100, seed: 3 });
    // Every session costs $0.001, so a day costs $0.001 × its sessions: the band is the traffic's.
    assert.ok(Math.abs(r.perDay.p50 / 0.5 - 1) < 0.06, String(r.perDay.p50));
    assert.ok(Math.abs(r.perDay.p90 / 2 - 1) < 0.08, String(r.perDay.p90));
  });

  it('with heavy-tailed sessions and many of them, the daily mean is sessions × mean session', () => {
    const scenario = scenarioWithDefaults('n', SIMPLE, {
      turns: lognormal(3, 12),
      userTokens: lognormal(100, 900),
      sessionsPerDay: fixed(50_000),
    });
    const r = simulateScenario(scenario, { sessions: 20_000, seed: 5 });
    assert.ok(Math.abs(r.perDay.mean / (50_000 * r.perSession.mean) - 1) < 0.002);
    assert.ok(r.perDay.p90 > r.perDay.p50 && r.perDay.p99 > r.perDay.p90);
  });
});

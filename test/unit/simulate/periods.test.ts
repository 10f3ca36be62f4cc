import * as assert from 'assert';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import { simulatePeriods } from '../../../src/core/simulate/projection';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { percentileOfSorted, sortedCopy } from '../../../src/core/simulate/stats';
import { SIMPLE } from './cards';

/** P(X ≤ k) for X ~ Binomial(n, p). */
function binomialCdf(n: number, p: number): number[] {
  const pmf: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    pmf.push(c * p ** k * (1 - p) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  const cdf: number[] = [];
  pmf.reduce((sum, x) => (cdf.push(sum + x), sum + x), 0);
  return cdf;
}

describe('simulate: monthly bands are sums of simulated days', () => {
  it('a fixed-volume scenario whose sessions cost $1 or $3: the month is 30·$1 + $2·Binomial(60, ½)', () => {
    // Two sessions a day, a 30-day month (720 hours), each session $1 or $3 with equal chance: the month's cost is
    // 60 + 2K with K ~ Binomial(60, 1/2), computed here without the engine.
    const costs = new Float64Array(20_000).map((_, i) => (i % 2 === 0 ? 1 : 3));
    const periods = simulatePeriods({ costs, mean: 2, sd: 1, skewness: 0 }, fixed(2), 11, {
      monthDays: 30,
      dayCorrelation: 0,
      months: 20_000,
    });
    const sorted = sortedCopy(periods.monthCost);
    const cdf = binomialCdf(60, 0.5);
    for (const p of [0.5, 0.9, 0.99]) {
      const k = cdf.findIndex((c) => c >= p);
      const expected = 60 + 2 * k;
      const simulated = percentileOfSorted(sorted, p);
      assert.ok(Math.abs(simulated - expected) <= 2, `P${p * 100}: ${simulated} vs ${expected}`);
    }
    // And the share of months at or below the binomial median matches the binomial's own.
    const atOrBelow = periods.monthCost.filter((x) => x <= 60 + 2 * 30).length / periods.monthCost.length;
    assert.ok(Math.abs(atOrBelow - cdf[30]!) < 0.015, String(atOrBelow));
    assert.match(periods.description, /sum of 30\.00 simulated days/);
  });

  it('the month of the default convention adds 0.42 of a 31st day', () => {
    const costs = Float64Array.from([1]);
    const periods = simulatePeriods({ costs, mean: 1, sd: 0, skewness: 0 }, fixed(10), 1, {
      monthDays: 730 / 24,
      dayCorrelation: 0,
      months: 10,
    });
    for (const m of periods.monthCost) assert.ok(Math.abs(m - (10 * 730) / 24) < 1e-9, String(m));
    assert.strictEqual(periods.dayCost.length, 10 * 31);
  });

  it('the monthly P99 is far below the daily P99 × 30.42 when days are independent, and nearer to it when they are correlated', () => {
    const scenario = scenarioWithDefaults('v', SIMPLE, {
      turns: fixed(1),
      userTokens: fixed(1000),
      outputTokens: fixed(0),
      sessionsPerDay: lognormal(500, 2000),
    });
    const independent = simulateScenario(scenario, { sessions: 200, seed: 3 });
    const correlated = simulateScenario({ ...scenario, dayCorrelation: 0.9 }, { sessions: 200, seed: 3 });
    const scaled = independent.perDay.p99 * independent.month.days;
    assert.ok(independent.perMonth.p99 < 0.5 * scaled, `${independent.perMonth.p99} vs ${scaled}`);
    assert.ok(correlated.perMonth.p99 > 1.5 * independent.perMonth.p99);
    // The mean is the same either way: 30.42 days of the mean day.
    assert.ok(Math.abs(correlated.perMonth.mean / independent.perMonth.mean - 1) < 0.1);
    assert.strictEqual(correlated.periods.dayCorrelation, 0.9);
  });
});

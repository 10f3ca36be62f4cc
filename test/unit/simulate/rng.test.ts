import * as assert from 'assert';
import { lognormal, lognormalParams, Sampler, Z90 } from '../../../src/core/simulate/distribution';
import { Rng } from '../../../src/core/simulate/rng';
import { percentileOfSorted } from '../../../src/core/simulate/stats';

function draws(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out.sort();
}

describe('simulate: random numbers', () => {
  it('the same seed gives the same stream; nearby seeds give different ones', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const first = Array.from({ length: 8 }, () => a.nextUint32());
    assert.deepStrictEqual(
      Array.from({ length: 8 }, () => b.nextUint32()),
      first,
    );
    assert.notDeepStrictEqual(
      Array.from({ length: 8 }, () => c.nextUint32()),
      first,
    );
  });

  it('uniform draws are uniform on [0, 1): deciles within 1% of 10% over 200,000 draws', () => {
    const rng = new Rng(7);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 200_000; i++) {
      const u = rng.uniform();
      assert.ok(u >= 0 && u < 1);
      counts[Math.floor(u * 10)]!++;
    }
    for (const count of counts) assert.ok(Math.abs(count / 200_000 - 0.1) < 0.01, String(count));
  });

  // Standard normal quantiles: the ziggurat's layers, wedges and tail all have to be right for these to hold.
  it('normal draws have the standard normal quantiles (±0.02) and tail mass (±15%) over 1,000,000 draws', () => {
    const rng = new Rng(2024);
    const sorted = draws(1_000_000, () => rng.normal());
    const expected: [number, number][] = [
      [0.01, -2.3263],
      [0.1, -1.2816],
      [0.25, -0.6745],
      [0.5, 0],
      [0.75, 0.6745],
      [0.9, 1.2816],
      [0.99, 2.3263],
      [0.999, 3.0902],
    ];
    for (const [p, z] of expected) {
      const q = percentileOfSorted(sorted, p);
      assert.ok(Math.abs(q - z) < 0.02, `q${p} = ${q}, expected ${z}`);
    }
    let mean = 0;
    let beyond = 0;
    for (const x of sorted) {
      mean += x;
      if (Math.abs(x) > 3.5) beyond++; // the ziggurat's tail branch starts at 3.44
    }
    assert.ok(Math.abs(mean / sorted.length) < 0.005);
    const tail = beyond / sorted.length; // P(|Z| > 3.5) = 4.653e-4
    assert.ok(Math.abs(tail / 4.653e-4 - 1) < 0.15, `tail ${tail}`);
  });

  it('stochastic rounding keeps the mean: 2.3 averages 2.3 and only gives 2 or 3', () => {
    const rng = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.roundStochastic(2.3);
      assert.ok(x === 2 || x === 3);
      sum += x;
    }
    assert.ok(Math.abs(sum / 100_000 - 2.3) < 0.01);
    assert.strictEqual(rng.roundStochastic(4), 4);
  });
});

describe('simulate: distributions', () => {
  it('fits the log-normal through p50 and p90: mu = ln p50, sigma = (ln p90 − ln p50) / 1.2815516', () => {
    const { mu, sigma } = lognormalParams(200, 600);
    assert.strictEqual(mu, Math.log(200));
    assert.ok(Math.abs(sigma - Math.log(3) / 1.2815516) < 1e-7);
    assert.ok(Math.abs(Z90 - 1.2815516) < 1e-7);
  });

  it('samples a {p50: 60, p90: 200} log-normal with those percentiles (±2%) and its P99 (±4%)', () => {
    const rng = new Rng(99);
    const sampler = new Sampler(lognormal(60, 200));
    const sorted = draws(400_000, () => sampler.sample(rng));
    const { mu, sigma } = lognormalParams(60, 200);
    assert.ok(Math.abs(percentileOfSorted(sorted, 0.5) / 60 - 1) < 0.02);
    assert.ok(Math.abs(percentileOfSorted(sorted, 0.9) / 200 - 1) < 0.02);
    const p99 = Math.exp(mu + 2.3263479 * sigma);
    assert.ok(
      Math.abs(percentileOfSorted(sorted, 0.99) / p99 - 1) < 0.04,
      `${percentileOfSorted(sorted, 0.99)} vs ${p99}`,
    );
  });

  it('draws empirical samples uniformly from the observed values', () => {
    const rng = new Rng(5);
    const sampler = new Sampler({ kind: 'empirical', samples: [10, 20, 30, 40], source: 'test' });
    const seen = new Map<number, number>();
    for (let i = 0; i < 40_000; i++) {
      const x = sampler.sample(rng);
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    assert.deepStrictEqual(
      [...seen.keys()].sort((a, b) => a - b),
      [10, 20, 30, 40],
    );
    for (const count of seen.values()) assert.ok(Math.abs(count / 40_000 - 0.25) < 0.015);
  });
});

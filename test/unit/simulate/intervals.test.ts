import * as assert from 'assert';
import { Rng } from '../../../src/core/simulate/rng';
import { INTERVAL_CONFIDENCE, percentileIntervalOfSorted, sortedCopy } from '../../../src/core/simulate/stats';
import { withInterval } from '../../../src/core/simulate/export/tables';

describe('simulate: percentile intervals', () => {
  it('cover the true percentile of a known distribution at their stated rate over repeated seeds', () => {
    // Exponential(1): the p-th percentile is −ln(1 − p).
    const seeds = 600;
    const n = 2000;
    for (const p of [0.5, 0.9, 0.99]) {
      const truth = -Math.log(1 - p);
      let covered = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const rng = new Rng(seed * 7919);
        const sample = new Float64Array(n);
        for (let i = 0; i < n; i++) sample[i] = -Math.log(1 - rng.uniform());
        const [low, high] = percentileIntervalOfSorted(sortedCopy(sample), p);
        if (low <= truth && truth <= high) covered++;
      }
      const rate = covered / seeds;
      // Binomial error of the rate over 600 seeds is ±0.009; allow 3σ either side of the stated 95%.
      assert.ok(Math.abs(rate - INTERVAL_CONFIDENCE) < 0.03, `P${p * 100}: covered ${rate}`);
    }
  });

  it("are shown as the larger side, in the figure's own precision", () => {
    assert.strictEqual(
      withInterval(
        {
          p50: 0,
          p90: 0,
          p99: 0.8812,
          mean: 0,
          ci: { p50: [0, 0], p90: [0, 0], p99: [0.8731, 0.8905], confidence: 0.95 },
        },
        'p99',
      ),
      '$0.8812 ± 0.0093',
    );
    assert.strictEqual(
      withInterval(
        {
          p50: 22661,
          p90: 0,
          p99: 0,
          mean: 0,
          ci: { p50: [22500, 22700], p90: [0, 0], p99: [0, 0], confidence: 0.95 },
        },
        'p50',
      ),
      '$22,661 ± 161',
    );
  });
});

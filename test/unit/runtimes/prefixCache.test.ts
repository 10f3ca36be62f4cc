import * as assert from 'assert';
import { callRow, inputSum, sessionCost, type GrowingSession } from '../../../src/core/runtimes/prefixCache';
import type { RateCard } from '../../../src/core/pricing/rateCard';
import { callCost } from '../../../src/core/pricing/rateCard';
import { contextOf } from './memoryWorkspace';

const anthropic: RateCard = {
  modelId: 'm',
  providerId: 'anthropic',
  inputPerMTok: 3,
  outputPerMTok: 15,
  cacheReadPerMTok: 0.3,
  cacheWritePerMTok: 3.75,
  source: 't',
  asOf: 't',
};
const noCache: RateCard = { modelId: 'n', providerId: 'x', inputPerMTok: 2, outputPerMTok: 8, source: 't', asOf: 't' };
const tiered: RateCard = {
  ...anthropic,
  longContext: {
    aboveInputTokens: 12_000,
    inputPerMTok: 6,
    outputPerMTok: 22.5,
    cacheReadPerMTok: 0.6,
    cacheWritePerMTok: 7.5,
  },
};

/** The same session priced call by call, the slow obvious way. */
function byLoop(s: GrowingSession, rates: RateCard): number {
  let total = 0;
  let previous = 0;
  for (let k = 1; k <= s.calls; k++) {
    const input = s.firstInput + (k - 1) * s.growth;
    const cached = rates.cacheReadPerMTok !== undefined;
    total += callCost(rates, {
      input,
      output: s.outputPerCall,
      cacheRead: cached ? previous : 0,
      cacheWrite: cached ? input - previous : 0,
    });
    previous = input;
  }
  return total;
}

describe('growing-prefix session cost', () => {
  const session: GrowingSession = { firstInput: 9000, growth: 800, calls: 12, outputPerCall: 400 };

  for (const [name, rates] of [
    ['Anthropic caching', anthropic],
    ['no caching', noCache],
    ['a long-context tier', tiered],
  ] as const) {
    it(`closed form equals the call-by-call sum (${name})`, () => {
      const cost = sessionCost(session, rates);
      assert.ok(
        Math.abs(cost.costUsd! - byLoop(session, rates)) < 1e-12,
        `${cost.costUsd} vs ${byLoop(session, rates)}`,
      );
    });
  }

  it('each token is written once and read by every later call', () => {
    const cost = sessionCost(session, anthropic);
    assert.strictEqual(cost.cacheWriteTokens, 9000 + 11 * 800);
    assert.strictEqual(cost.cacheReadTokens, inputSum(session, 1, 11));
    assert.strictEqual(cost.inputTokens, cost.cacheReadTokens + cost.cacheWriteTokens);
    const row = callRow(session, 3, anthropic);
    assert.deepStrictEqual([row.input, row.cacheRead, row.cacheWrite], [10_600, 9800, 800]);
    assert.ok(cost.costUsd! < cost.uncachedCostUsd!);
  });

  it('a turn cap of 10⁹ is priced in closed form (no loop over a number from a file)', () => {
    const huge = sessionCost({ ...session, calls: 1e9 }, anthropic);
    assert.ok(Number.isFinite(huge.costUsd!) && huge.costUsd! > 1e6);
    const context = contextOf(
      { '.claude/agents/loop.md': '---\nname: loop\ndescription: d\nmaxTurns: 1000000000\n---\nGo.' },
      ['claude-code'],
    );
    const figures = context.runtimes[0]!.items.find((i) => i.kind === 'session')!.session!;
    assert.strictEqual(figures.maxCalls, 1e9);
    assert.ok(figures.rows.length <= 5);
    assert.ok(figures.worstCase!.costUsd! > figures.cost.costUsd!);
  });
});

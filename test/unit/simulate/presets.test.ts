import * as assert from 'assert';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import {
  applyPreset,
  BUILTIN_PRESETS,
  describePreset,
  presetRuns,
  scaleDist,
} from '../../../src/core/simulate/presets';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { close, SONNET } from './cards';

const base = scenarioWithDefaults('s', SONNET, {
  sessionsPerDay: fixed(1000),
  turns: lognormal(4, 9),
  userTokens: lognormal(60, 200),
  retryRate: 0.15,
  cacheHitRate: 0.6,
});

describe('simulate: presets', () => {
  it('derives bull and stress from the scenario: more sessions, heavier users, spikes and long inputs', () => {
    const runs = presetRuns(base);
    assert.deepStrictEqual(
      runs.map((r) => r.preset),
      ['base', 'bull', 'stress'],
    );
    const [b, bull, stress] = runs.map((r) => r.scenario);
    assert.strictEqual(b, base);
    assert.deepStrictEqual(bull!.sessionsPerDay, fixed(2000));
    assert.deepStrictEqual(bull!.turns, lognormal(5, 13.5));
    assert.deepStrictEqual(stress!.sessionsPerDay, fixed(5000));
    assert.deepStrictEqual(stress!.userTokens, lognormal(120, 1600));
    assert.ok(close(stress!.retryRate, 0.3));
    assert.strictEqual(base.retryRate, 0.15, 'the base scenario is not modified');
  });

  it('stress scales the tool calls per turn (loops), not only the turns, and the cap still holds', () => {
    const looping = scenarioWithDefaults('tools', SONNET, { toolCallsPerTurn: fixed(2), maxToolCallsPerTurn: 20 });
    const stress = presetRuns(looping).find((r) => r.preset === 'stress')!;
    assert.deepStrictEqual(stress.scenario.toolCallsPerTurn, lognormal(3, 6));
    assert.match(stress.description, /tool calls\/turn p50 ×1\.5 p90 ×3/);
    const none = presetRuns(base).find((r) => r.preset === 'stress')!.scenario;
    assert.deepStrictEqual(none.toolCallsPerTurn, fixed(0), 'a scenario without tools gets none');
    // One turn, so only the tool loop grows: calls per session = 1 + tool calls (mean of the capped log-normal > 2).
    const oneTurn = { ...looping, turns: fixed(1), caching: 'off' as const };
    const [b, , s] = presetRuns(oneTurn).map((r) =>
      simulateScenario({ ...r.scenario, turns: fixed(1), userTokens: fixed(100) }, { sessions: 4000, seed: 3 }),
    );
    assert.strictEqual(b!.meanPerSession.calls, 3);
    assert.ok(s!.meanPerSession.calls > 3.5 && s!.meanPerSession.calls <= 21, String(s!.meanPerSession.calls));
  });

  it("merges the scenario's own preset over the built-in one, key by key, and adds new presets", () => {
    const runs = presetRuns(base, {
      stress: { scale: { sessionsPerDay: 10 }, set: { cacheHitRate: 0.3 } },
      launch: { scale: { sessionsPerDay: 3 } },
    });
    const stress = runs.find((r) => r.preset === 'stress')!.scenario;
    assert.deepStrictEqual(stress.sessionsPerDay, fixed(10_000));
    assert.deepStrictEqual(
      stress.userTokens,
      lognormal(120, 1600),
      'built-in multipliers the user did not touch remain',
    );
    assert.strictEqual(stress.cacheHitRate, 0.3);
    const launch = runs.find((r) => r.preset === 'launch')!;
    assert.deepStrictEqual(launch.scenario.sessionsPerDay, fixed(3000));
    assert.strictEqual(launch.description, 'sessions/day ×3');
  });

  it('scales distributions at p50 and p90 separately; observed samples keep their shape', () => {
    assert.deepStrictEqual(scaleDist(fixed(100), 2), fixed(200));
    assert.deepStrictEqual(scaleDist(fixed(100), { p50: 1, p90: 8 }), lognormal(100, 800));
    assert.deepStrictEqual(scaleDist(lognormal(10, 20), { p50: 2, p90: 3 }), lognormal(20, 60));
    const samples = Array.from({ length: 101 }, (_, i) => i + 1); // q50 = 51, q90 = 91
    const scaled = scaleDist({ kind: 'empirical', samples, source: 't' }, { p50: 2, p90: 4 });
    assert.ok(scaled.kind === 'empirical');
    assert.ok(close(scaled.samples[50]!, 102, 1e-9));
    assert.ok(close(scaled.samples[90]!, 364, 1e-9));
    for (let i = 1; i < scaled.samples.length; i++)
      assert.ok(scaled.samples[i]! > scaled.samples[i - 1]!, 'order kept');
  });

  it('a stress run costs more than bull, and bull more than base', () => {
    const results = presetRuns(base).map((r) => simulateScenario(r.scenario, { sessions: 4000, seed: 1 }));
    assert.ok(results[0]!.perSession.p90 < results[1]!.perSession.p90);
    assert.ok(results[1]!.perSession.p90 < results[2]!.perSession.p90);
    assert.ok(results[2]!.perDay.mean > 5 * results[0]!.perDay.mean);
  });

  it('describes each preset in words', () => {
    assert.strictEqual(
      describePreset(BUILTIN_PRESETS.bull),
      'sessions/day ×2, turns p50 ×1.25 p90 ×1.5, user tokens p50 ×1.25 p90 ×2, tool-result tokens p50 ×1 p90 ×1.5',
    );
    assert.strictEqual(describePreset({ set: { cacheHitRate: 0.2 } }), 'cache hit rate = 0.2');
    assert.strictEqual(describePreset({}), 'same as base');
  });

  it('set replaces a value outright, after any scaling', () => {
    const s = applyPreset(base, { scale: { turns: 3, cacheHitRate: 2 }, set: { turns: fixed(7) } });
    assert.deepStrictEqual(s.turns, fixed(7));
    assert.strictEqual(s.cacheHitRate, 1, 'shares are capped at 1');
  });
});

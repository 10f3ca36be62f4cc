import * as assert from 'assert';
import { fixed } from '../../../src/core/simulate/distribution';
import { dayGates } from '../../../src/core/simulate/gates';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { lognormalTopShare, simulateUsers, topShareOf } from '../../../src/core/simulate/users';
import { close, SIMPLE } from './cards';

/** Every session costs $1: the per-user figures are then counts of sessions. */
const DOLLAR_SESSIONS = { costs: new Float64Array(1000).fill(1), mean: 1, sd: 0, skewness: 0 };

describe('simulate: users', () => {
  it('the top 20% of a log-normal hold 1 − Φ(Φ⁻¹(0.8) − σ) of its total', () => {
    // Φ(σ − 0.8416): σ 0 → 20%, σ 1 → Φ(0.1584) = 56.29%, σ 2 → Φ(1.1584) = 87.66%.
    assert.ok(close(lognormalTopShare(0), 0.2, 1e-6));
    assert.ok(close(lognormalTopShare(1), 0.56293, 1e-4));
    assert.ok(close(lognormalTopShare(2), 0.87665, 1e-4));
    assert.strictEqual(topShareOf(Float64Array.from([1, 1, 1, 1, 6]), 0.2), 0.6);
  });

  it("with many sessions per user, the simulated top-20% share is the intensity's closed form", () => {
    // 300 sessions a user-day: a month's count is ~9,000 × intensity, so the Poisson noise is negligible.
    for (const sigma of [0, 1, 1.5]) {
      const users = simulateUsers(
        DOLLAR_SESSIONS,
        { sessionsPerUserPerDay: 300, intensitySigma: sigma },
        300 * 5000,
        7,
        30,
      );
      assert.strictEqual(users.users, 5000);
      assert.strictEqual(users.simulatedUsers, 5000);
      assert.ok(
        Math.abs(users.topShare - lognormalTopShare(sigma)) < 0.02,
        `σ ${sigma}: ${users.topShare} against ${lognormalTopShare(sigma)}`,
      );
    }
  });

  it("per user per day: gates reached with the Poisson probabilities of the day's session count", () => {
    // σ 0: every user runs Poisson(2) sessions a day at $1 each. Budget $4: warn at $2.80 needs 3 sessions, throttle
    // at $3.60 and stop at $4 need 4. P(N ≥ 3) = 1 − 5e⁻² = 0.32332, P(N ≥ 4) = 1 − (19/3)e⁻² = 0.14288.
    const users = simulateUsers(DOLLAR_SESSIONS, { sessionsPerUserPerDay: 2, intensitySigma: 0 }, 2 * 5000, 3, 31);
    const report = dayGates(users.userDayCost, users.userDaySessions, 4);
    const [warn, throttle, stop] = report.gates.map((g) => g.daysShare);
    assert.ok(Math.abs(warn! - (1 - 5 * Math.exp(-2))) < 0.006, `warn ${warn}`);
    assert.ok(Math.abs(throttle! - (1 - (19 / 3) * Math.exp(-2))) < 0.005, `throttle ${throttle}`);
    assert.strictEqual(stop, throttle);
    assert.strictEqual(report.tripped, true);
  });

  it('a simulated scenario reports its users and gates each call and each user-day', () => {
    // Caching off, 3 turns of 100 user + 500 output tokens at $1/$2 per M: calls cost $0.0011, $0.0017 and $0.0023
    // (inputs 100, 700, 1,300). A $0.002 per-call budget: warn at $0.0014 (calls 2, 3), throttle at $0.0018 and stop
    // at $0.002 (call 3).
    const scenario = scenarioWithDefaults('u', SIMPLE, {
      caching: 'off',
      turns: fixed(3),
      sessionsPerDay: fixed(1000),
      users: { sessionsPerUserPerDay: 4, intensitySigma: 1 },
      budget: { perCallUsd: 0.002, perUserPerDayUsd: 0.05 },
    });
    const result = simulateScenario(scenario, { sessions: 2000, seed: 5 });
    const call = result.gates.perCall!;
    assert.deepStrictEqual(
      call.gates.map((g) => [g.level, g.share]),
      [
        ['warn', 2 / 3],
        ['throttle', 1 / 3],
        ['stop', 1 / 3],
      ],
    );
    assert.ok(close(call.gates[2]!.perDay, 1000, 1e-12));
    assert.strictEqual(call.tripped, true);
    const users = result.users!;
    assert.strictEqual(users.users, 250);
    assert.strictEqual(users.simulatedUsers, 250);
    // A session costs $0.0051; a user-day averages 4 of them (250 users: the intensity's sample mean is within ~8% of 1).
    assert.ok(close(users.perUserDay.mean, 4 * 0.0051, 0.3), `user-day mean ${users.perUserDay.mean}`);
    assert.ok(users.topShare > 0.45 && users.topShare < 0.65, `top share ${users.topShare}`);
    assert.ok(result.gates.perUserPerDay);
    assert.strictEqual(result.assumptions.users, '4 sessions per user per day, intensity log-normal σ 1');
  });

  it('reads users and the new budgets, and refuses counts past their bounds', () => {
    const parsed = parseScenarios({
      ok: { users: { sessionsPerUserPerDay: 6 }, budget: { perCallUsd: 0.5, perUserPerDayUsd: 20 } },
      tooMany: { users: { sessionsPerUserPerDay: 1e9 } },
      tooSkewed: { users: { intensitySigma: 50 } },
      orphan: { budget: { perUserPerDayUsd: 5 } },
    });
    assert.deepStrictEqual(
      parsed.scenarios.map((s) => s.name),
      ['ok', 'orphan'],
    );
    assert.deepStrictEqual(parsed.scenarios[0]!.users, { sessionsPerUserPerDay: 6 });
    assert.deepStrictEqual(parsed.scenarios[0]!.budget, { perCallUsd: 0.5, perUserPerDayUsd: 20 });
    const messages = parsed.problems.map((p) => p.message);
    assert.ok(messages.includes('scenarios.tooMany.users.sessionsPerUserPerDay: must be at most 1000, got 1000000000'));
    assert.ok(messages.includes('scenarios.tooSkewed.users.intensitySigma: must be at most 4, got 50'));
    assert.ok(
      messages.some((m) => m.startsWith('scenarios.orphan.budget.perUserPerDayUsd: has no effect without users')),
    );
  });
});

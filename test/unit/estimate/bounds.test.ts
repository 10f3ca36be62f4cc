// Issue 10: work and figures are bounded by the input's size, never by a number written in it. Every count a file
// or usage file can set, at hostile values, gives finite costs for priced units (no $∞, $NaN or null), in bounded
// time, with a problem naming the field and the bound.
import * as assert from 'assert';
import { LIMITS } from '../../../src/core/estimate/bounds';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { sessionCost, turnInputTokens } from '../../../src/core/estimate/session';
import type { UnitEstimate } from '../../../src/core/estimate/types';
import { matchCatalog } from '../../../src/core/pricing/catalog';
import { callCost } from '../../../src/core/pricing/rateCard';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';

const HOSTILE = [
  '1000000000',
  '1e9',
  '1e308',
  '1.7976931348623157e308',
  '.inf',
  '-1',
  '-1e308',
  '.nan',
  '0',
  '1.5',
  '"1e9"',
  '99999999999999999999',
];

function finiteCosts(unit: UnitEstimate, what: string): void {
  assert.ok(unit.pricing.ok, `${what}: priced`);
  const figures = {
    ...unit.cost,
    perSession: unit.session?.perSession,
    worstCasePerSession: unit.session?.worstCasePerSession,
  };
  for (const [name, value] of Object.entries(figures)) {
    if (value === undefined) continue;
    assert.ok(typeof value === 'number' && Number.isFinite(value) && value >= 0, `${what}: ${name} = ${value}`);
  }
}

function estimate(path: string, text: string, usageText = '') {
  const usage = parseUsageFile(usageText).config;
  const result = estimateSource(path, text, { usage, relativePath: path, flags: { model: 'gpt-4o' } });
  assert.ok(result.ok, `${path} estimated`);
  return result.estimate;
}

describe('bounded counts (issue 10)', function () {
  this.timeout(60_000);

  for (const value of HOSTILE) {
    it(`a subagent with maxTurns: ${value} and CrewAI max_iter: ${value} cost finite amounts`, () => {
      const agent = estimate(
        '.claude/agents/a.md',
        `---\nname: a\ndescription: d\nmaxTurns: ${value}\n---\nDo the task.\n`,
      );
      for (const unit of agent.units) finiteCosts(unit, `maxTurns ${value}`);
      const crew = estimate(
        'config/agents.yaml',
        `researcher:\n  role: R\n  goal: G\n  backstory: B\n  max_iter: ${value}\n`,
      );
      for (const unit of crew.units) finiteCosts(unit, `max_iter ${value}`);
      for (const unit of [...agent.units, ...crew.units]) {
        if (unit.session)
          assert.ok(unit.session.maxTurns <= LIMITS.turns && unit.session.turnInputTokens.length <= LIMITS.turns);
      }
    });

    it(`usage-file counts of ${value} (calls/day, output tokens, turns, user tokens, month.hours, factor) cost finite amounts`, () => {
      const usage =
        `defaults:\n  callsPerDay: ${value}\n  outputTokens: ${value}\n  turns: ${value}\n  userTokensPerTurn: ${value}\n` +
        `month:\n  hours: ${value}\ntokenizer:\n  claude:\n    factor: ${value}\n` +
        `prices:\n  - model: gpt-4o\n    inputPerMTok: ${value}\n    outputPerMTok: ${value}\n`;
      for (const path of ['prompts/a.prompt.md', '.claude/agents/a.md']) {
        const text = path.endsWith('.prompt.md')
          ? 'Summarise.\n'
          : '---\nname: a\ndescription: d\nmaxTurns: 50\n---\nDo it.\n';
        for (const unit of estimate(path, text, usage).units) finiteCosts(unit, `${path} with ${value}`);
      }
    });
  }

  it('maxTurns past the bound is a problem naming the field and the bound, and is taken at the bound', () => {
    const [unit] = estimate(
      '.claude/agents/a.md',
      '---\nname: a\ndescription: d\nmaxTurns: 1000000000\n---\nDo the task.\n',
    ).units;
    assert.strictEqual(unit!.session!.maxTurns, LIMITS.turns);
    assert.ok(
      unit!.problems.some((p) => /maxTurns = 1,000,000,000 is outside 0 … 10,000/.test(p.message)),
      JSON.stringify(unit!.problems),
    );
  });

  it('a frontmatter callsPerDay past the bound is capped with a problem', () => {
    const [unit] = estimate('prompts/a.prompt.md', '---\nburnrate:\n  callsPerDay: 1e300\n---\nSummarise.\n').units;
    assert.strictEqual(unit!.callsPerDay.value, LIMITS.callsPerDay);
    assert.match(unit!.callsPerDay.detail, /capped at Burnrate's bound/);
    finiteCosts(unit!, 'callsPerDay 1e300');
  });

  it('usage-file month.hours, factors and prices past their bounds are problems with their line', () => {
    const { config, problems } = parseUsageFile(
      'month:\n  hours: 1e308\ntokenizer:\n  claude:\n    factor: 1e308\nprices:\n  - model: x\n    inputPerMTok: 1e308\n    outputPerMTok: 1\n',
    );
    assert.strictEqual(config.monthHours, undefined);
    assert.deepStrictEqual(config.tokenizer, {});
    assert.deepStrictEqual(config.prices, []);
    assert.deepStrictEqual(problems.map((p) => p.line).sort(), [1, 4, 6]);
  });

  it('the closed-form session cost equals the per-turn sum, across a long-context tier', () => {
    const base = matchCatalog('gpt-4o')!;
    const tiered = { ...base, longContext: { aboveInputTokens: 5_000, inputPerMTok: 5, outputPerMTok: 20 } };
    for (const rates of [base, tiered]) {
      for (const turns of [0, 1, 2, 7, 40]) {
        const carry = { promptTokens: 1_200, userTokensPerTurn: 80, outputTokensPerTurn: 300, turns };
        const bySum = turnInputTokens(carry).reduce((sum, input) => sum + callCost(rates, { input, output: 300 }), 0);
        const closed = sessionCost(rates, carry);
        assert.ok(Math.abs(closed - bySum) <= 1e-12 * Math.max(1, bySum), `${turns} turns: ${closed} vs ${bySum}`);
      }
    }
  });
});

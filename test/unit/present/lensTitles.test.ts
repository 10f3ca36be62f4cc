import * as assert from 'assert';
import { callCost } from '../../../src/core/pricing/rateCard';
import {
  alwaysOnLensTitle,
  sectionLensTitle,
  unitLensDetail,
  unitLensTitle,
} from '../../../src/core/present/lensTitles';
import { compact, integer, usd } from '../../../src/core/present/money';
import { firstUnit, PROMPT, SUBAGENT } from './estimates';

describe('lens titles', () => {
  it('an exact count: tokens · $/call · $/mo, and the detail adds calls/day and the model; figures recomputed from the rate card', () => {
    const u = firstUnit('.github/prompts/review.prompt.md', PROMPT, { flags: { callsPerDay: 50_000 } });
    assert.ok(u.input.exact && u.pricing.ok);
    const perCall = callCost(u.pricing.rates, { input: u.input.tokens, output: u.output.expected.value });
    const perMonth = (perCall * 50_000 * 730) / 24;
    assert.strictEqual(
      unitLensTitle(u),
      `${integer(u.input.tokens)} tokens · ${usd(perCall)}/call · ${usd(perMonth)}/mo`,
    );
    assert.strictEqual(
      unitLensDetail(u),
      `${integer(u.input.tokens)} tokens · ${usd(perCall)}/call · ${usd(perMonth)}/mo at 50k calls/day · gpt-4o`,
    );
  });

  it('an estimated count carries ≈ (its band in the detail), and a declared output limit adds the worst case to the detail', () => {
    const text = PROMPT.replace('model: gpt-4o', 'model: claude-sonnet-4-5\nburnrate: { outputTokens: 300 }');
    const u = firstUnit('p.prompt.md', text);
    assert.ok(!u.input.exact);
    assert.match(unitLensTitle(u), /^≈[\d,]+ tokens · ≈\$[\d.]+\/call · ≈\$[\d,.]+\/mo$/);
    assert.match(
      unitLensDetail(u),
      /^≈[\d,]+ tokens \(±15%\) · ≈\$[\d.]+\/call · ≈\$[\d,.]+\/mo at 1k calls\/day · claude-sonnet-4-5$/,
    );
    const limited = {
      ...u,
      output: { ...u.output, limit: { value: 4000, field: 'max_tokens' } },
      cost: { ...u.cost!, worstCasePerCall: 0.0123 },
    };
    assert.ok(unitLensDetail(limited).endsWith(' · worst case ≈$0.0123/call'));
    assert.strictEqual(unitLensTitle(limited), unitLensTitle(u));
  });

  it('a multi-turn unit shows per-session cost, sessions per day and the worst case at the turn cap', () => {
    const u = firstUnit('.claude/agents/test-runner.md', SUBAGENT);
    const s = u.session!;
    assert.ok(s.perSession! > u.cost!.perCall, 'a session costs more than one call');
    assert.strictEqual(
      unitLensTitle(u),
      `≈${integer(u.input.tokens)} tokens · ≈${usd(s.perSession!)}/session · ≈${usd(u.cost!.perMonth)}/mo`,
    );
    const detail = unitLensDetail(u);
    assert.ok(
      detail.includes(`≈${usd(u.cost!.perCall)}/call · ≈${usd(s.perSession!)}/session (${s.turns.value} turns)`),
      detail,
    );
    assert.ok(detail.includes(`/mo at ${compact(u.callsPerDay.value)} sessions/day`), detail);
    assert.ok(detail.endsWith(`worst case ≈${usd(s.worstCasePerSession!)}/session (10 turns)`), detail);
  });

  it('an unknown model says there is no price and where to add one, never $0', () => {
    const u = firstUnit('p.prompt.md', PROMPT.replace('gpt-4o', 'acme-llm-9000'));
    for (const title of [unitLensTitle(u), unitLensDetail(u)]) {
      assert.ok(title.includes('no price for "acme-llm-9000" — add one in .burnrate.yaml'), title);
      assert.ok(!title.includes('$'), title);
    }
  });

  it('always-on context says what it adds to every request and what that costs a month', () => {
    const u = firstUnit('CLAUDE.md', '# Notes\nRun npm test before a change.\n', {
      flags: { callsPerDay: 2000, model: 'gpt-4.1' },
    });
    assert.strictEqual(u.kind, 'always-on');
    const perMonth =
      (callCost(u.pricing.ok ? u.pricing.rates : assert.fail(), { input: u.input.tokens, output: 0 }) * 2000 * 730) /
      24;
    assert.strictEqual(
      alwaysOnLensTitle(u),
      `CLAUDE.md adds ${integer(u.input.tokens)} tokens to every request · ${usd(perMonth)}/mo`,
    );
    assert.strictEqual(unitLensTitle(u), alwaysOnLensTitle(u));
    assert.strictEqual(
      unitLensDetail(u),
      `${integer(u.input.tokens)} tokens on every request · ${usd(perMonth)}/mo at 2k requests/day · gpt-4.1`,
    );
  });

  it('scoped always-on context says so, and names its scope in the detail', () => {
    const u = firstUnit(
      '.github/instructions/ts.instructions.md',
      '---\napplyTo: "**/*.ts"\n---\nUse strict TypeScript.\n',
    );
    assert.match(unitLensTitle(u), /^ts adds ≈?[\d,]+ tokens to matching requests · /);
    assert.match(unitLensDetail(u), /^≈?[\d,]+ tokens.* on every request on \*\*\/\*\.ts · /);
  });

  it("keeps the lens of the issue's multi-turn agent under 50 characters", () => {
    const u = firstUnit('.claude/agents/test-runner.md', SUBAGENT, {
      flags: { callsPerDay: 2000, model: 'claude-haiku-4-5' },
    });
    assert.ok(unitLensTitle(u).length < 50, unitLensTitle(u));
    assert.ok(unitLensDetail(u).length > 100, 'the detail carries the rest');
  });

  it('section titles: heading, tokens, share', () => {
    const u = firstUnit('.github/prompts/review.prompt.md', PROMPT);
    const rules = u.sections.find((s) => s.title === 'Rules')!;
    assert.strictEqual(
      sectionLensTitle(rules, true),
      `## Rules — ${integer(rules.tokens)} tokens (${Math.round(rules.share * 100)}%)`,
    );
    assert.ok(sectionLensTitle(rules, false).includes('— ≈'));
    assert.ok(
      sectionLensTitle({ ...rules, level: 0, title: '(preamble)' }, true).startsWith('before the first heading — '),
    );
  });
});

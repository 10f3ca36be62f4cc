import * as assert from 'assert';
import { estimateUnit } from '../../../src/core/estimate/estimateUnit';
import { messageOverhead } from '../../../src/core/estimate/messageOverhead';
import { sessionInputTokens, turnInputTokens } from '../../../src/core/estimate/session';
import { matchCatalog } from '../../../src/core/pricing/catalog';
import { callCost } from '../../../src/core/pricing/rateCard';
import { encodeOrdinary } from '../../../src/core/tokenize/encodings';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { file, unit } from './fixtures';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

describe('cost arithmetic', () => {
  it('prices the 10-step GPT-4o research agent from domain.md at $0.129 of LLM cost', () => {
    const gpt4o = matchCatalog('gpt-4o')!;
    assert.strictEqual(gpt4o.inputPerMTok, 2.5);
    assert.strictEqual(gpt4o.outputPerMTok, 10);
    const inputs = [500, 800, 1200, 2500, 3800, 4500, 5200, 6000, 6800, 7500];
    const outputs = [100, 300, 150, 200, 200, 500, 150, 200, 1000, 400];
    const input = inputs.reduce((sum, tokens) => sum + callCost(gpt4o, { input: tokens, output: 0 }), 0);
    const output = outputs.reduce((sum, tokens) => sum + callCost(gpt4o, { input: 0, output: tokens }), 0);
    close(input, 0.097);
    close(output, 0.032);
    assert.strictEqual((input + output).toFixed(3), '0.129');
  });

  it('computes per call, per day and per month (730-hour month) by hand', () => {
    const text = 'Summarise the ticket in two sentences.';
    const tokens = encodeOrdinary('o200k_base', text).length;
    const e = estimateUnit(
      file([unit({ parts: [{ role: 'body', label: 'body', text }] })]),
      unit({ parts: [{ role: 'body', label: 'body', text }] }),
      {
        usage: EMPTY_USAGE,
        relativePath: 'prompts/a.md',
        flags: { model: 'gpt-4o', callsPerDay: 50_000, outputTokens: 200 },
      },
    );
    const inputTokens = tokens + messageOverhead(1);
    assert.strictEqual(e.input.tokens, inputTokens);
    assert.ok(e.input.exact);
    const perCall = (inputTokens * 2.5 + 200 * 10) / 1e6;
    close(e.cost!.perCall, perCall);
    close(e.cost!.perDay, perCall * 50_000, 1e-9);
    close(e.cost!.perMonth, (perCall * 50_000 * 730) / 24, 1e-9);
    assert.strictEqual(e.monthHours, 730);
  });

  it('shows the worst case from the declared output limit next to the expected output', () => {
    const u = unit({ maxOutputTokens: { value: 4000, field: 'max_tokens' } });
    const e = estimateUnit(file([u]), u, {
      usage: EMPTY_USAGE,
      relativePath: 'a.md',
      flags: { model: 'gpt-4o', outputTokens: 300 },
    });
    assert.strictEqual(e.output.expected.value, 300);
    close(e.cost!.worstCasePerCall!, (e.input.tokens * 2.5 + 4000 * 10) / 1e6);
    const capped = estimateUnit(file([u]), u, {
      usage: EMPTY_USAGE,
      relativePath: 'a.md',
      flags: { model: 'gpt-4o', outputTokens: 9000 },
    });
    assert.strictEqual(capped.output.expected.value, 4000, 'expected output never exceeds the declared limit');
  });

  it('carries context across turns: closed form equals the per-turn sum and grows quadratically', () => {
    const carry = { promptTokens: 800, userTokensPerTurn: 50, outputTokensPerTurn: 200, turns: 10 };
    const turns = turnInputTokens(carry);
    assert.strictEqual(turns[0], 800 + 53);
    assert.strictEqual(turns[1], 800 + 2 * 53 + 203);
    assert.strictEqual(
      turns.reduce((a, b) => a + b, 0),
      sessionInputTokens(carry),
    );
    const double =
      sessionInputTokens({ ...carry, promptTokens: 0, turns: 20 }) /
      sessionInputTokens({ ...carry, promptTokens: 0, turns: 10 });
    assert.ok(double > 3.5, `doubling turns should roughly quadruple carried input, got ×${double.toFixed(2)}`);
  });

  it('costs a multi-turn unit per session with carry, capped by maxTurns', () => {
    const u = unit({ turns: { value: 6, field: 'maxTurns' } });
    const e = estimateUnit(file([u]), u, {
      usage: EMPTY_USAGE,
      relativePath: 'a.md',
      flags: { model: 'gpt-4o', outputTokens: 100, turns: 10, callsPerDay: 10 },
    });
    const session = e.session!;
    assert.strictEqual(session.turns.value, 6);
    assert.match(session.turns.detail, /capped by maxTurns/);
    const rates = matchCatalog('gpt-4o')!;
    const expected = session.turnInputTokens.reduce((sum, input) => sum + callCost(rates, { input, output: 100 }), 0);
    close(session.perSession!, expected);
    close(e.cost!.perDay, expected * 10, 1e-9);
  });

  it('always-on context adds input to every request and no output', () => {
    const u = unit({
      kind: 'always-on',
      parts: [{ role: 'context', label: 'CLAUDE.md', text: 'Use pnpm. Never commit secrets.' }],
    });
    const e = estimateUnit(file([u], { format: 'always-on' }), u, {
      usage: EMPTY_USAGE,
      relativePath: 'CLAUDE.md',
      flags: { model: 'gpt-4o' },
    });
    assert.strictEqual(e.output.expected.value, 0);
    assert.strictEqual(
      e.input.tokens,
      encodeOrdinary('o200k_base', 'Use pnpm. Never commit secrets.').length,
      'no message framing',
    );
    close(e.cost!.perCall, (e.input.tokens * 2.5) / 1e6);
  });

  it('never reports $0 for a model without a price', () => {
    const u = unit();
    const e = estimateUnit(file([u]), u, {
      usage: EMPTY_USAGE,
      relativePath: 'a.md',
      flags: { model: 'my-private-model' },
    });
    assert.strictEqual(e.cost, undefined);
    assert.strictEqual(e.pricing.ok, false);
    assert.ok(e.problems.some((p) => /no price for "my-private-model"/.test(p.message)));
    assert.ok(e.input.tokens > 0, 'tokens are still counted');
  });

  it('marks Claude counts as estimates with a band, and sections with shares', () => {
    const u = unit({
      sections: [
        {
          title: 'Rules',
          level: 2,
          range: { startLine: 0, endLine: 3 },
          text: '## Rules\nBe brief. Be kind. Cite sources.',
        },
        { title: 'Tone', level: 2, range: { startLine: 4, endLine: 5 }, text: '## Tone\nWarm.' },
      ],
    });
    const e = estimateUnit(file([u]), u, {
      usage: EMPTY_USAGE,
      relativePath: 'a.md',
      flags: { model: 'claude-sonnet-4-5' },
    });
    assert.strictEqual(e.input.exact, false);
    assert.strictEqual(e.input.band, 0.15);
    assert.strictEqual(e.sections.length, 2);
    close(e.sections[0]!.share + e.sections[1]!.share, 1);
    assert.ok(e.sections[0]!.tokens > e.sections[1]!.tokens);
  });

  it('gives nested sections their share of the enclosing heading, not of a double-counted sum', () => {
    const u = unit({
      sections: [
        {
          title: 'Review',
          level: 1,
          range: { startLine: 0, endLine: 5 },
          text: '# Review\nRead the diff.\n## Check\nBugs and tests.\n## Tone\nKind.',
        },
        { title: 'Check', level: 2, range: { startLine: 2, endLine: 3 }, text: '## Check\nBugs and tests.' },
        { title: 'Tone', level: 2, range: { startLine: 4, endLine: 5 }, text: '## Tone\nKind.' },
      ],
    });
    const e = estimateUnit(file([u]), u, { usage: EMPTY_USAGE, relativePath: 'a.md', flags: { model: 'gpt-4o' } });
    assert.strictEqual(e.sections[0]!.share, 1);
    close(e.sections[1]!.share, e.sections[1]!.tokens / e.sections[0]!.tokens);
    assert.ok(e.sections[1]!.share + e.sections[2]!.share < 1);
  });

  it('adds the Anthropic tool-use system prompt when tool schemas are sent to Claude', () => {
    const u = unit({
      parts: [
        { role: 'system', label: 'system', text: 'Hi' },
        { role: 'tool-schema', label: 'tool: f', text: '{"name":"f"}' },
      ],
    });
    const claude = estimateUnit(file([u]), u, {
      usage: EMPTY_USAGE,
      relativePath: 'a.json',
      flags: { model: 'claude-sonnet-4-5' },
    });
    const gpt = estimateUnit(file([u]), u, { usage: EMPTY_USAGE, relativePath: 'a.json', flags: { model: 'gpt-4o' } });
    assert.ok(claude.input.parts.some((p) => /tool-use system prompt/.test(p.label)));
    assert.ok(!gpt.input.parts.some((p) => /tool-use system prompt/.test(p.label)));
  });
});

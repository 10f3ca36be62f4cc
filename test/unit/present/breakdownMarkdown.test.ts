import * as assert from 'assert';
import { fileBreakdownMarkdown, unitBreakdownMarkdown } from '../../../src/core/present/breakdownMarkdown';
import { markdownText } from '../../../src/core/present/markdownEscape';
import { integer, usd } from '../../../src/core/present/money';
import { PRICE_DATA } from '../../../src/core/pricing/catalog';
import { fileEstimate, firstUnit, PROMPT, SUBAGENT } from './estimates';

describe('breakdown markdown', () => {
  it('lists every input part with its tokens and the total', () => {
    const u = firstUnit('.github/prompts/review.prompt.md', PROMPT);
    const md = unitBreakdownMarkdown(u);
    for (const part of u.input.parts)
      assert.ok(md.includes(`| ${markdownText(part.label)} | ${integer(part.tokens)} |`), part.label);
    assert.ok(md.includes(`| **total** | **${integer(u.input.tokens)}** |`));
    assert.ok(
      u.input.parts.some((p) => p.role === 'overhead'),
      'per-message overhead is a part of its own',
    );
  });

  it('shows the rate card, the price data date and why this model', () => {
    const md = unitBreakdownMarkdown(firstUnit('.github/prompts/review.prompt.md', PROMPT));
    assert.match(md, /\*\*Rate card:\*\* gpt-4o \(openai\) — \$2\.5\/M in · \$10\/M out · cache read \$1\.25\/M/);
    assert.ok(md.includes(PRICE_DATA.asOf));
    assert.match(md, /Why this model: model in this file \(line 3\) → "gpt-4o" is in the price data/);
  });

  it('expected and worst-case output, with their sources', () => {
    const u = firstUnit('.github/prompts/review.prompt.md', PROMPT);
    assert.ok(
      unitBreakdownMarkdown(u).includes(`expected ${integer(u.output.expected.value)} tokens (built-in default`),
    );
    const limited = {
      ...u,
      output: { ...u.output, limit: { value: 800, field: 'max_tokens' } },
      cost: { ...u.cost!, worstCasePerCall: 0.02 },
    };
    assert.ok(unitBreakdownMarkdown(limited).includes('worst case 800 tokens (`max_tokens`) → $0.0200/call'));
  });

  it('the carry of a multi-turn unit: one row per turn, growing, and the session total', () => {
    const u = firstUnit('.claude/agents/test-runner.md', SUBAGENT);
    const s = u.session!;
    const md = unitBreakdownMarkdown(u);
    s.turnInputTokens.forEach((tokens, i) =>
      assert.ok(md.includes(`| ${i + 1} | ${integer(tokens)} |`), `turn ${i + 1}`),
    );
    assert.ok(s.turnInputTokens[1]! > s.turnInputTokens[0]!, 'later turns re-send earlier ones');
    assert.ok(
      md.includes(
        `Session: ${integer(s.inputTokens)} input + ${integer(s.outputTokens)} output tokens → ≈${usd(s.perSession!)}/session`,
      ),
    );
    assert.ok(md.includes(`worst case (10 turns) ≈${usd(s.worstCasePerSession!)}/session`));
  });

  it('hints: caching savings and a cheaper model of the same provider', () => {
    const long = `---\nmodel: claude-sonnet-4-5\n---\n${'Follow the style guide carefully in every answer. '.repeat(200)}`;
    const u = firstUnit('big.prompt.md', long);
    const md = unitBreakdownMarkdown(u);
    assert.ok(u.hints.some((h) => h.kind === 'caching') && u.hints.some((h) => h.kind === 'cheaper-model'));
    assert.match(md, /\*\*Hints\*\*\n\n- Caching the stable prefix/);
    assert.match(md, /- On claude-haiku/);
  });

  it('no price: says so with the example block, and shows no cost line', () => {
    const md = unitBreakdownMarkdown(firstUnit('p.prompt.md', PROMPT.replace('gpt-4o', 'acme-llm-9000')));
    assert.ok(md.includes('no price for "acme-llm-9000" — add one in .burnrate.yaml'));
    assert.ok(md.includes('inputPerMTok'));
    assert.ok(!md.includes('**Cost:**'));
  });

  it('text from the file cannot become markup', () => {
    assert.strictEqual(markdownText('a|b *c* [x](y) <img>'), 'a\\|b \\*c\\* \\[x\\](y) \\<img\\>');
    const u = firstUnit('.github/prompts/review.prompt.md', PROMPT.replace('## Rules', '## Rules | <b>bold</b>'));
    assert.ok(unitBreakdownMarkdown(u).includes('## Rules \\| \\<b\\>bold\\</b\\>'));
  });

  it('a file with several units: a title, the total, and each unit', () => {
    const yaml =
      'researcher:\n  role: Researcher\n  goal: Find facts\n  backstory: Curious.\nwriter:\n  role: Writer\n  goal: Write\n  backstory: Clear.\n';
    const file = fileEstimate('crew/config/agents.yaml', yaml);
    const md = fileBreakdownMarkdown(file);
    assert.ok(md.startsWith('## crew/config/agents.yaml — CrewAI agents'));
    assert.ok(md.includes('2 cost units'));
    assert.ok(md.includes('### researcher') && md.includes('### writer'));
  });
});

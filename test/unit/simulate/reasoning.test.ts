import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { fixed } from '../../../src/core/simulate/distribution';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { reasoningRuleFor } from '../../../src/core/simulate/reasoningRules';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type Scenario } from '../../../src/core/simulate/scenario';
import { card, close, GPT4O, SIMPLE, SONNET } from './cards';

const mean = (scenario: Scenario) => simulateScenario(scenario, { sessions: 3, seed: 1 }).perSession.mean;

describe('simulate: reasoning tokens are billed as output, and carried as the provider does', () => {
  // $1 / $2 per M, no caching: 2 turns of 100 user tokens, a 200-token answer and 300 reasoning tokens.
  const plain = (fields: Partial<Scenario>) =>
    scenarioWithDefaults('r', SIMPLE, {
      caching: 'off',
      turns: fixed(2),
      userTokens: fixed(100),
      outputTokens: fixed(200),
      reasoningTokens: fixed(300),
      ...fields,
    });

  it('dropped after the turn: the next turn carries the answer only', () => {
    // Turn 1: 100 in, 500 out. Turn 2: 100 + 200 + 100 = 400 in, 500 out. 500 × $1 + 1,000 × $2 = $0.0025.
    assert.ok(close(mean(plain({ reasoningCarry: 'strip' })), 0.0025));
  });

  it('kept after the turn (Opus 4.5+, Sonnet 4.6+, all_turns): the next turn carries it as input', () => {
    // Turn 2: 100 + 500 + 100 = 700 in. 800 × $1 + 1,000 × $2 = $0.0028.
    assert.ok(close(mean(plain({ reasoningCarry: 'keep' })), 0.0028));
  });

  it('inside a tool loop the reasoning goes back with the tool result whatever the rule', () => {
    // One turn, one tool call with a 50-token result: 100 in → 500 out; 100 + 500 + 50 = 650 in → 500 out: $0.00275.
    const oneTurn = plain({ turns: fixed(1), toolCallsPerTurn: fixed(1), toolResultTokens: fixed(50) });
    assert.ok(close(mean({ ...oneTurn, reasoningCarry: 'strip' }), 0.00275));
    assert.ok(close(mean({ ...oneTurn, reasoningCarry: 'keep' }), 0.00275));
    // keepIfTools (DeepSeek): kept after a turn with tool calls, dropped after one without.
    assert.ok(close(mean(plain({ reasoningCarry: 'keepIfTools' })), 0.0025));
  });

  it("a dropped block ends the cached prefix at that turn's user message (Anthropic, conversation caching)", () => {
    // Sonnet $3 / $15, reads $0.30, writes $3.75; 2,000-token system prompt; turns of one tool call (50-token result),
    // 200-token outputs with 300 reasoning tokens, no think time. Costs in µ$:
    //   T1 call 1: 2,100 in, all written: 7,875 + 500 out 7,500 = 15,375.
    //   T1 call 2: 2,650 in, reads 2,100 (630), writes 550 (2,062.5), out 7,500 = 10,192.5.
    //   T2 call 1: 2,000 + 100 + 400 answers + 50 result + 100 = 2,650 in; the reasoning of T1 is gone, so only the
    //     2,100 up to T1's user message is read (630), 550 written (2,062.5), out 7,500 = 10,192.5.
    //   T2 call 2: 3,200 in, reads 2,650 (795), writes 550 (2,062.5), out 7,500 = 10,357.5.  Total $0.0461175.
    const scenario = scenarioWithDefaults('cached', SONNET, {
      systemPromptTokens: 2000,
      turns: fixed(2),
      userTokens: fixed(100),
      outputTokens: fixed(200),
      reasoningTokens: fixed(300),
      reasoningCarry: 'strip',
      toolCallsPerTurn: fixed(1),
      toolResultTokens: fixed(50),
      minutesBetweenTurns: fixed(0),
    });
    assert.ok(close(mean(scenario), 0.0461175), String(mean(scenario)));
    const run = simulateScenario(scenario, { sessions: 3, seed: 1 });
    assert.strictEqual(run.meanPerSession.outputTokens, 2000);
    assert.strictEqual(run.meanPerSession.cacheReadTokens, 2100 + 2100 + 2650);
  });

  it('the closed form declines reasoning rather than disagree with the engine', () => {
    const form = closedFormSession(plain({}));
    assert.ok(!form.ok && /reasoning/.test(form.error));
  });

  it('prepareScenario takes the rule from the model, with its source; reasoningAcrossTurns overrides it', () => {
    assert.strictEqual(reasoningRuleFor('anthropic', 'claude-sonnet-4-5').carry, 'strip');
    assert.strictEqual(reasoningRuleFor('anthropic', 'claude-opus-4-5').carry, 'keep');
    assert.strictEqual(reasoningRuleFor('anthropic', 'claude-sonnet-4-6').carry, 'keep');
    assert.strictEqual(reasoningRuleFor('anthropic', 'claude-haiku-4-5').carry, 'strip');
    assert.strictEqual(reasoningRuleFor('openai', 'gpt-5.4').carry, 'strip');
    assert.strictEqual(reasoningRuleFor('deepseek', 'deepseek-reasoner').carry, 'keepIfTools');
    const lookup = lookupFromCards([SONNET, GPT4O, card('claude-opus-4-5', 5, 25)]);
    const prep = (raw: Record<string, unknown>) =>
      prepareScenario(parseScenarios({ s: raw }).scenarios[0]!, { lookup, countFile: () => ({ error: 'none' }) })
        .scenario!;
    const sonnet = prep({ model: 'claude-sonnet-4-5', reasoningTokens: 400 });
    assert.strictEqual(sonnet.reasoningCarry, 'strip');
    assert.ok(
      sonnet.notes.some((n) => n.includes('extended-thinking')),
      sonnet.notes.join('\n'),
    );
    assert.strictEqual(prep({ model: 'claude-opus-4-5', reasoningTokens: 400 }).reasoningCarry, 'keep');
    assert.strictEqual(
      prep({ model: 'gpt-4o', reasoningTokens: 400, reasoningAcrossTurns: true }).reasoningCarry,
      'keep',
    );
    assert.strictEqual(prep({ model: 'gpt-4o' }).reasoningTokens, undefined);
  });
});

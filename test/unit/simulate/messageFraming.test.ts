import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { fixed } from '../../../src/core/simulate/distribution';
import { framingFor } from '../../../src/core/simulate/messageFraming';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { close, GPT4O, SIMPLE, SONNET } from './cards';

describe('simulate: per-message framing tokens', () => {
  it('every message carries its framing and every call primes its reply', () => {
    // $1 / $2 per M, no caching; 3 tokens a message, 3 a reply. 1,000-token system prompt (+3 = 1,003), 2 turns of
    // 100 user (+3), one tool call each with a 50-token result (+3), 200-token outputs (carried +3):
    //   T1: 1,003 + 103 + 3 = 1,109 in; then + 203 + 53 = 1,365 in.
    //   T2 carries 103 + 406 messages and 53 of results: 1,003 + 512 + 53 + 103 + 3 = 1,671 in; then 1,927 in.
    //   6,072 in × $1 + 800 out × $2 = $0.007672.
    const scenario = scenarioWithDefaults('framed', SIMPLE, {
      caching: 'off',
      systemPromptTokens: 1000,
      turns: fixed(2),
      userTokens: fixed(100),
      outputTokens: fixed(200),
      toolCallsPerTurn: fixed(1),
      toolResultTokens: fixed(50),
      messageFraming: { perMessage: 3, perReply: 3 },
    });
    const run = simulateScenario(scenario, { sessions: 3, seed: 1 });
    assert.ok(close(run.perSession.mean, 0.007672), String(run.perSession.mean));
    assert.strictEqual(run.meanPerSession.inputTokens, 6072);
    assert.strictEqual(run.meanPerSession.outputTokens, 800, 'framing is input, not output');
    const form = closedFormSession(scenario);
    assert.ok(!form.ok && /framing/.test(form.error));
  });

  it("true takes the provider's figures with their source; an own {perMessage, perReply} is used as given", () => {
    assert.strictEqual(framingFor('openai', 'gpt-4o').perMessage, 3);
    assert.match(framingFor('openai', 'gpt-4o').source, /How_to_count_tokens_with_tiktoken/);
    assert.match(framingFor('anthropic', 'claude-sonnet-4-5').source, /^estimate/);
    const lookup = lookupFromCards([GPT4O, SONNET]);
    const prep = (raw: Record<string, unknown>) => {
      const parsed = parseScenarios({ s: raw });
      return {
        problems: parsed.problems,
        scenario: prepareScenario(parsed.scenarios[0]!, { lookup, countFile: () => ({ error: 'none' }) }).scenario!,
      };
    };
    const openai = prep({ model: 'gpt-4o', messageFraming: true }).scenario;
    assert.deepStrictEqual(openai.messageFraming, { perMessage: 3, perReply: 3 });
    assert.ok(openai.notes.some((n) => n.startsWith('message framing: 3 tokens per message, 3 per reply (OpenAI')));
    const own = prep({ model: 'claude-sonnet-4-5', messageFraming: { perMessage: 5, perReply: 1 } }).scenario;
    assert.deepStrictEqual(own.messageFraming, { perMessage: 5, perReply: 1 });
    assert.strictEqual(prep({ model: 'gpt-4o' }).scenario.messageFraming, undefined, 'off unless asked for');
    assert.match(
      parseScenarios({ s: { messageFraming: 'lots' } }).problems[0]!.message,
      /scenarios\.s\.messageFraming: expected true, false or \{perMessage, perReply\}/,
    );
  });
});

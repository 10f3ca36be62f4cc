import * as assert from 'assert';
import { withLongContext } from '../../../src/core/pricing/longContextOptIn';
import { fixed } from '../../../src/core/simulate/distribution';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type ContextFullAction } from '../../../src/core/simulate/scenario';
import { card, close } from './cards';

// Sonnet 4.5 as the price data has it: $3/$15, a 200k window and the >200k tier of the 1M beta at $6/$22.50.
const SONNET_45 = card('claude-sonnet-4-5', 3, 15, {
  providerId: 'anthropic',
  contextWindow: 200_000,
  longContext: { aboveInputTokens: 200_000, inputPerMTok: 6, outputPerMTok: 22.5 },
});
const OPUS_46 = card('claude-opus-4-6', 5, 25, { providerId: 'anthropic', contextWindow: 1_000_000 });

// Call 1: 50,000 system + 100,000 user = 150,000 in; call 2: 150,000 + 100,000 = 250,000 in (over 200k). No output.
function run(optIn: boolean, onContextFull: ContextFullAction) {
  const rates = withLongContext(SONNET_45, optIn).rates;
  const scenario = scenarioWithDefaults('long', rates, {
    caching: 'off',
    systemPromptTokens: 50_000,
    turns: fixed(2),
    userTokens: fixed(100_000),
    outputTokens: fixed(0),
    onContextFull,
  });
  return simulateScenario(scenario, { sessions: 4, seed: 1 });
}

describe('simulate: the long-context tier as an explicit opt-in', () => {
  it('with longContext: true the window is 1M and a call above 200k is billed wholly at the tier', () => {
    const r = run(true, 'fail');
    // 150,000 × $3 + 250,000 × $6 per M = $0.45 + $1.50.
    assert.ok(close(r.perSession.mean, 1.95), String(r.perSession.mean));
    assert.strictEqual(r.contextFull.failedShare, 0);
    assert.strictEqual(r.overContextWindow.sessions, 0);
  });

  it('without it the window is 200k and onContextFull applies; no call is billed at the tier', () => {
    // fail: the session ends at the 250,000-token call, after $0.45.
    const failed = run(false, 'fail');
    assert.ok(close(failed.perSession.mean, 0.45), String(failed.perSession.mean));
    assert.strictEqual(failed.contextFull.failedShare, 1);
    // flag: priced anyway, at the base rate (a request without the beta cannot be billed at the tier): $0.45 + $0.75.
    const flagged = run(false, 'flag');
    assert.ok(close(flagged.perSession.mean, 1.2), String(flagged.perSession.mean));
    assert.strictEqual(flagged.overContextWindow.sessions, 4);
    // truncate: call 2 drops 50,000 of the oldest tokens and is billed 200,000 × $3: $0.45 + $0.60.
    const truncated = run(false, 'truncate');
    assert.ok(close(truncated.perSession.mean, 1.05), String(truncated.perSession.mean));
  });

  it('a model that needs no opt-in is unchanged, and says so when one is asked for', () => {
    assert.strictEqual(withLongContext(OPUS_46, false).rates, OPUS_46);
    const asked = withLongContext(OPUS_46, true);
    assert.strictEqual(asked.rates, OPUS_46);
    assert.match(asked.note ?? '', /claude-opus-4-6 has no long-context opt-in/);
    assert.strictEqual(SONNET_45.contextWindow, 200_000, 'the card itself is not modified');
  });

  it('prepareScenario reads longContext from the scenario, for the main and the routed model, with its source', () => {
    const parsed = parseScenarios({
      s: { model: 'claude-sonnet-4-5', longContext: true, routing: { model: 'claude-opus-4-6', share: 0.5 } },
      bad: { longContext: 'yes' },
    });
    assert.match(
      parsed.problems.map((p) => p.message).join('\n'),
      /scenarios\.bad\.longContext: expected true or false/,
    );
    const prepared = prepareScenario(parsed.scenarios[0]!, {
      lookup: lookupFromCards([SONNET_45, OPUS_46]),
      countFile: () => ({ error: 'no files here' }),
    });
    const s = prepared.scenario!;
    assert.strictEqual(s.rates.contextWindow, 1_000_000);
    assert.strictEqual(s.rates.longContext?.inputPerMTok, 6);
    assert.ok(
      s.notes.some((n) => n.includes('context-1m-2025-08-07') && n.includes('platform.claude.com')),
      s.notes.join('\n'),
    );
    assert.ok(s.notes.some((n) => n.startsWith('routing longContext: claude-opus-4-6 has no')));
    const plain = prepareScenario(parseScenarios({ s: { model: 'claude-sonnet-4-5' } }).scenarios[0]!, {
      lookup: lookupFromCards([SONNET_45]),
      countFile: () => ({ error: 'no files here' }),
    }).scenario!;
    assert.strictEqual(plain.rates.contextWindow, 200_000);
    assert.strictEqual(plain.rates.longContext, undefined);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { priceDataLookup, type ModelLookup } from '../../../src/core/simulate/modelLookup';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { readUsageLog, recordCost, replayUsageLog } from '../../../src/core/simulate/replay/replay';
import { readUsageLine } from '../../../src/core/simulate/replay/usageRecord';
import { repoRoot } from '../repoRoot';
import { card, close, GPT4O, SONNET } from './cards';

const FIXTURES = path.join(repoRoot(), 'test/unit/simulate/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const realResolver: ModelLookup = priceDataLookup();

describe('simulate: usage-log replay', () => {
  it('prices the 10-step GPT-4o research agent of domain.md at $0.097 + $0.032 = $0.129 (hand-made card)', () => {
    const result = replayUsageLog(
      readUsageLog(fixture('research-agent-gpt4o.jsonl'), 'research'),
      lookupFromCards([GPT4O]),
    );
    assert.strictEqual(result.calls, 10);
    assert.strictEqual(result.inputTokens, 38_800);
    assert.strictEqual(result.outputTokens, 3_200);
    assert.ok(result.totalCostUsd !== null && close(result.totalCostUsd, 0.129, 1e-12), String(result.totalCostUsd));
    assert.strictEqual(result.skipped.lines, 0);
    assert.strictEqual(result.sessions?.count, 1);
    assert.ok(close(result.sessions!.perSession.p50, 0.129, 1e-12));
  });

  it('prices the same log at $0.129 through the real model resolver and bundled prices', () => {
    const result = replayUsageLog(readUsageLog(fixture('research-agent-gpt4o.jsonl'), 'research'), realResolver);
    assert.strictEqual(result.models[0]?.pricedAs, 'gpt-4o');
    assert.ok(
      result.totalCostUsd !== null && Math.abs(result.totalCostUsd - 0.129) < 1e-9,
      String(result.totalCostUsd),
    );
  });

  it('skips malformed lines with a reason each, never failing, and prices the rest exactly', () => {
    const log = readUsageLog(fixture('messy.jsonl'), 'messy');
    assert.strictEqual(log.lines, 13); // the blank line is not counted
    assert.strictEqual(log.calls.length, 5);
    assert.strictEqual(log.skipped.lines, 8);
    assert.deepStrictEqual(log.skipped.byReason, {
      'not JSON': 2,
      'not a JSON object': 1,
      'no usage object': 1,
      'stream event without complete usage': 1,
      'token counts are not non-negative numbers': 1,
      'error response': 1,
      'usage without a model name': 1,
    });
    assert.deepStrictEqual(
      log.skipped.examples.map((e) => e.line),
      [3, 4, 5, 7, 8, 9, 13, 14],
    );
    const result = replayUsageLog(log, lookupFromCards([GPT4O, SONNET]));
    // OpenAI chat: 600 × 2.50 + 400 cached × 1.25 + 100 × 10                       = $0.003
    // Anthropic: 200 × 3 + 5,000 read × 0.30 + 1,000 written × 3.75 + 300 × 15      = $0.01035
    // OpenAI batch line: (2,000 × 2.50 + 1,000 × 10) × 50%                          = $0.0075
    // OpenAI Responses: 1,000 × 2.50 + 2,000 cached × 1.25 + 50 × 10                = $0.0055
    assert.ok(close(result.pricedCostUsd, 0.003 + 0.01035 + 0.0075 + 0.0055, 1e-12), String(result.pricedCostUsd));
    // The fine-tune has no price: the total is unknown, never $0, and the message names it.
    assert.strictEqual(result.totalCostUsd, null);
    assert.strictEqual(result.unpricedCalls, 1);
    const error = result.problems.find((p) => p.severity === 'error');
    assert.ok(error && error.message.includes('my-private-finetune-xyz'));
    assert.strictEqual(result.models.find((m) => m.model === 'my-private-finetune-xyz')?.costUsd, null);
    assert.strictEqual(result.batchCalls, 1);
    // Sessions: "a" is complete; "b" holds the unpriced call and is left out of the session figures.
    assert.strictEqual(result.sessions?.count, 2);
    assert.strictEqual(result.sessions?.unpriced, 1);
    assert.ok(close(result.sessions!.perSession.mean, 0.003 + 0.01035, 1e-12));
    assert.strictEqual(result.sessions?.callsWithoutSession, 1);
  });

  it('reads Anthropic input as uncached only and adds the cache fields; OpenAI input already includes them', () => {
    const anthropic = readUsageLine(
      '{"model":"claude-sonnet-4-5","usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":90,"cache_creation_input_tokens":20}}',
    );
    assert.ok(anthropic.kind === 'record');
    assert.deepStrictEqual(
      [anthropic.record.input, anthropic.record.cacheRead, anthropic.record.cacheWrite],
      [120, 90, 20],
    );
    const responses = readUsageLine(
      '{"object":"response","model":"gpt-4o","usage":{"input_tokens":120,"output_tokens":5,"input_tokens_details":{"cached_tokens":90}}}',
    );
    assert.ok(responses.kind === 'record');
    assert.deepStrictEqual([responses.record.input, responses.record.cacheRead], [120, 90]);
    const chat = readUsageLine(
      '{"model":"gpt-4o","usage":{"prompt_tokens":120,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":90}}}',
    );
    assert.ok(chat.kind === 'record');
    assert.deepStrictEqual([chat.record.input, chat.record.cacheRead], [120, 90]);
  });

  it('bills Anthropic 1-hour cache writes at 2× input, and batch lines at half price', () => {
    const line = readUsageLine(
      '{"custom_id":"x","result":{"type":"succeeded","message":{"model":"claude-sonnet-4-5","usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":1000,"cache_creation":{"ephemeral_5m_input_tokens":400,"ephemeral_1h_input_tokens":600}}}}}',
    );
    assert.ok(line.kind === 'record');
    assert.strictEqual(line.record.batch, true);
    // (400 × $3.75 + 600 × $6) × 50% = ($1,500 + $3,600) / 1e6 × 0.5
    assert.ok(close(recordCost(SONNET, line.record), 0.00255, 1e-12));
    const errored = readUsageLine('{"custom_id":"y","result":{"type":"errored","error":{}}}');
    assert.strictEqual(errored.kind, 'skip');
  });

  it('reads Gemini usageMetadata, billing thinking tokens as output', () => {
    const line = readUsageLine(
      '{"modelVersion":"gemini-2.5-pro","usageMetadata":{"promptTokenCount":1000,"candidatesTokenCount":200,"thoughtsTokenCount":300,"cachedContentTokenCount":400}}',
    );
    assert.ok(line.kind === 'record');
    assert.deepStrictEqual([line.record.input, line.record.output, line.record.cacheRead], [1000, 500, 400]);
  });

  it("groups calls by a session field of the caller's choice", () => {
    const text = [
      '{"model":"m","usage":{"prompt_tokens":1,"completion_tokens":1},"meta":{"conv":"A"}}',
      '{"model":"m","usage":{"prompt_tokens":1,"completion_tokens":1},"meta":{"conv":"B"}}',
    ].join('\n');
    const result = replayUsageLog(readUsageLog(text, 't', 'meta.conv'), lookupFromCards([card('m', 1, 1)]));
    assert.strictEqual(result.sessions?.count, 2);
  });

  it('an empty log is zero calls, not an error', () => {
    const result = replayUsageLog(readUsageLog('\n\n', 'empty'), lookupFromCards([]));
    assert.strictEqual(result.calls, 0);
    assert.strictEqual(result.totalCostUsd, 0);
    assert.strictEqual(result.problems.length, 0);
  });

  it('calibrates: observed output tokens and cache-hit share', () => {
    const result = replayUsageLog(readUsageLog(fixture('research-agent-gpt4o.jsonl'), 'r'), lookupFromCards([GPT4O]));
    // outputs sorted: 100 150 150 200 200 200 300 400 500 1000 → median 200, P90 (type 7) 550
    assert.strictEqual(result.calibration.outputTokens.p50, 200);
    assert.ok(close(result.calibration.outputTokens.p90, 550));
    assert.strictEqual(result.calibration.cacheHitRate, 0);
    assert.strictEqual(result.calibration.callsPerSession?.p50, 10);
  });
});

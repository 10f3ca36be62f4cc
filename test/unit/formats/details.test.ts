// Corpus details of the families already claimed: model alternatives, embedding Prompty, OpenAI response schemas.
import * as assert from 'assert';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { onlyUnit, readText } from './fixtures';

describe('formats: details from the real-world corpus', () => {
  it("a model written as alternatives (GPT-4.1 | 'gpt-5') is a list tried in order, like a YAML list", () => {
    const unit = onlyUnit(readText('.github/agents/x.agent.md', "---\nmodel: GPT-4.1 | 'gpt-5'\n---\nHi\n"));
    assert.deepStrictEqual(unit.model?.value, ['GPT-4.1', 'gpt-5']);
    const listed = onlyUnit(
      readText('.github/agents/y.agent.md', '---\nmodel:\n  - no-such-model-x\n  - gpt-4.1\n---\nHi\n'),
    );
    const estimate = estimateSource('y.agent.md', '---\nmodel:\n  - no-such-model-x\n  - gpt-4.1\n---\nHi\n', {
      relativePath: '.github/agents/y.agent.md',
      usage: EMPTY_USAGE,
    });
    assert.deepStrictEqual(listed.model?.value, ['no-such-model-x', 'gpt-4.1']);
    assert.ok(
      estimate.ok &&
        estimate.estimate.units[0]!.pricing.ok &&
        estimate.estimate.units[0]!.pricing.rates.modelId === 'gpt-4.1',
      'the first priced entry is used',
    );
  });

  it('an embedding Prompty has no output tokens', () => {
    const text = '---\nmodel:\n  api: embedding\n  configuration:\n    name: text-embedding-3-small\n---\n{{text}}\n';
    const unit = onlyUnit(readText('embed.prompty', text));
    assert.strictEqual(unit.maxOutputTokens?.value, 0);
    const estimate = estimateSource('embed.prompty', text, { relativePath: 'embed.prompty', usage: EMPTY_USAGE });
    assert.ok(estimate.ok);
    assert.strictEqual(estimate.estimate.units[0]!.output.expected.value, 0);
  });

  it('an OpenAI response_format JSON schema is counted as input', () => {
    const payload = {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Extract the city.' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'city', schema: { type: 'object', properties: { city: { type: 'string' } } } },
      },
    };
    const unit = onlyUnit(readText('api/extract.json', JSON.stringify(payload, null, 2)));
    const schema = unit.parts.find((p) => p.label === 'response_format JSON schema');
    assert.ok(schema, JSON.stringify(unit.parts));
    assert.strictEqual(schema.text, JSON.stringify(payload.response_format.json_schema));
    assert.strictEqual(schema.range?.startLine, 8);
  });
});

// A small genai-prices data file written by the tests: the library's shape (providers with match rules and prices),
// with a model the bundled data lacks (claude-haiku-5-5) so a test can tell which data priced a unit.
export const FIXTURE_HAIKU_5_5 = { input: 0.1, output: 0.5 };

export function fixturePriceData(): unknown[] {
  return [
    {
      id: 'anthropic',
      name: 'Anthropic',
      api_pattern: 'https://api\\.anthropic\\.com',
      model_match: { contains: 'claude' },
      models: [
        {
          id: 'claude-haiku-5-5',
          name: 'Claude Haiku 5.5',
          match: { or: [{ equals: 'claude-haiku-5-5' }, { regex: '^claude-haiku-5-5-\\d{8}$' }] },
          context_window: 200000,
          prices: {
            input_mtok: FIXTURE_HAIKU_5_5.input,
            cache_read_mtok: 0.01,
            cache_write_mtok: 0.125,
            output_mtok: FIXTURE_HAIKU_5_5.output,
          },
        },
        {
          id: 'claude-sonnet-5',
          name: 'Claude Sonnet 5',
          match: { starts_with: 'claude-sonnet-5' },
          prices: { input_mtok: 2, cache_read_mtok: 0.2, cache_write_mtok: 2.5, output_mtok: 10 },
        },
      ],
    },
    {
      id: 'openai',
      name: 'OpenAI',
      api_pattern: 'https://api\\.openai\\.com',
      model_match: { starts_with: 'gpt-' },
      models: [
        {
          id: 'gpt-4.1',
          name: 'GPT-4.1',
          match: { starts_with: 'gpt-4.1' },
          prices: { input_mtok: 9, output_mtok: 9 },
        },
      ],
    },
  ];
}

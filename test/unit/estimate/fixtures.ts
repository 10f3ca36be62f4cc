import type { CostUnit, ParsedFile } from '../../../src/core/types';

export function unit(overrides: Partial<CostUnit> = {}): CostUnit {
  return {
    name: 'prompt',
    kind: 'call',
    range: { startLine: 0, endLine: 9 },
    parts: [{ role: 'body', label: 'prompt body', text: 'You are a helpful assistant. Answer briefly.' }],
    messageCount: 1,
    sections: [],
    ...overrides,
  };
}

export function file(units: CostUnit[], overrides: Partial<ParsedFile> = {}): ParsedFile {
  return {
    path: 'prompts/a.md',
    format: 'plain-prompt',
    formatLabel: 'Plain prompt',
    units,
    problems: [],
    ...overrides,
  };
}

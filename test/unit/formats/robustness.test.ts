// Whatever bytes arrive (half-typed files, junk, huge lines), reading returns a value and every range is a real line.
import * as assert from 'assert';
import fc from 'fast-check';
import { readPromptFile } from '../../../src/core/formats';
import type { LineRange } from '../../../src/core/types';

const PATHS = [
  '.github/prompts/a.prompt.md',
  '.github/agents/a.agent.md',
  '.github/instructions/a.instructions.md',
  '.claude/agents/a.md',
  'CLAUDE.md',
  '.cursor/rules/a.mdc',
  'a.prompty',
  'a.prompt',
  'config/agents.yaml',
  'config/tasks.yaml',
  'promptfooconfig.yaml',
  'req.json',
  'prompts/a.txt',
];

// Fragments that steer random text into the interesting corners of each format.
const FRAGMENTS = [
  '---\n',
  'model: gpt-4o\n',
  'model: [a, b]\n',
  'tools: x, y\n',
  'burnrate:\n  callsPerDay: 5\n',
  '# Heading\n',
  '```\n',
  'system:\n',
  'user:\n',
  '{{role "user"}}',
  'a:\n  role: r\n  goal: g\n',
  'prompts:\n  - hi\n',
  'providers: [openai:gpt-4o]\n',
  '{"messages":[{"role":"user","content":"x"}]}',
  '{"messages":[',
  '\r\n',
  '\uFEFF',
  '\t- [',
  ': :',
  '&a *a',
];

function inFile(range: LineRange | undefined, lineCount: number): boolean {
  return range === undefined || (range.startLine >= 0 && range.startLine <= range.endLine && range.endLine < lineCount);
}

describe('formats: robustness', () => {
  it('never throws, and every range lies within the file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATHS),
        fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 })), { maxLength: 25 }),
        (path, pieces) => {
          const text = pieces.join('');
          const result = readPromptFile(path, new TextEncoder().encode(text));
          if (!result.ok) return;
          const lineCount = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
          for (const unit of result.value.units) {
            assert.ok(inFile(unit.range, lineCount), `unit range ${JSON.stringify(unit.range)} of ${lineCount} lines`);
            for (const part of unit.parts)
              assert.ok(inFile(part.range, lineCount), `part range ${JSON.stringify(part.range)}`);
            for (const section of unit.sections) assert.ok(inFile(section.range, lineCount));
          }
          for (const problem of result.value.problems) {
            assert.ok(
              problem.line === undefined || (problem.line >= 0 && problem.line < lineCount),
              JSON.stringify(problem),
            );
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.uint8Array({ maxLength: 300 }), (path, bytes) => {
        const result = readPromptFile(path, bytes);
        assert.ok(result.ok || result.error.reason.length > 0);
        assert.ok(
          result.ok || !result.error.reason.startsWith('could not be read'),
          result.ok ? '' : result.error.reason,
        );
      }),
      { numRuns: 1000 },
    );
  });
});

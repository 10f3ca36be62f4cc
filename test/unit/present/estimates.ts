// Real estimates of small in-memory files, for the presentation tests: the figures come from the engine, and each test
// recomputes the ones it checks from the rate card, so nothing asserted here is a hand-copied number.
import { estimateSource, type SourceEstimate, type SourceOptions } from '../../../src/core/estimate/estimateSource';
import type { FileEstimate, UnitEstimate } from '../../../src/core/estimate/types';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';

export function estimate(path: string, text: string, options: Partial<SourceOptions> = {}): SourceEstimate {
  return estimateSource(path, new TextEncoder().encode(text), { usage: EMPTY_USAGE, relativePath: path, ...options });
}

export function fileEstimate(path: string, text: string, options: Partial<SourceOptions> = {}): FileEstimate {
  const result = estimate(path, text, options);
  if (!result.ok) throw new Error(`${path} skipped: ${result.skipped.reason}`);
  return result.estimate;
}

export function firstUnit(path: string, text: string, options: Partial<SourceOptions> = {}): UnitEstimate {
  const unit = fileEstimate(path, text, options).units[0];
  if (!unit) throw new Error(`${path} has no unit`);
  return unit;
}

export const PROMPT = `---
description: Review a diff
model: gpt-4o
---
You review code.

## Rules
- Point out bugs first.
- Keep it short.

## Output
A bulleted list, most important first.
`;

export const SUBAGENT = `---
name: test-runner
description: Runs the tests and fixes failures
model: claude-sonnet-4-5
maxTurns: 10
---
Run the test suite, read failures, fix the code, and run it again until it passes.
`;

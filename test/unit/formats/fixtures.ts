import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readPromptFile } from '../../../src/core/formats';
import type { CostUnit, ParsedFile, Problem, ReadResult } from '../../../src/core/types';
import { repoRoot } from '../repoRoot';

/** The fixture project: each file's path under it is the path the reader sees, as in a real workspace. */
export const FIXTURE_PROJECT = path.join(repoRoot(), 'test/fixtures/formats/project');

export function readFixtureResult(relative: string): ReadResult {
  return readPromptFile(relative, fs.readFileSync(path.join(FIXTURE_PROJECT, relative)));
}

export function readFixture(relative: string): ParsedFile {
  const result = readFixtureResult(relative);
  if (!result.ok) assert.fail(`${relative} was skipped: ${result.error.reason}`);
  return result.value;
}

export function onlyUnit(file: ParsedFile): CostUnit {
  assert.strictEqual(file.units.length, 1, `${file.path}: expected one unit, got ${file.units.length}`);
  return file.units[0]!;
}

export function unitNamed(file: ParsedFile, name: string): CostUnit {
  const unit = file.units.find((u) => u.name === name);
  if (!unit) assert.fail(`${file.path}: no unit "${name}" among ${file.units.map((u) => u.name).join(', ')}`);
  return unit;
}

export function problemMatching(file: ParsedFile, pattern: RegExp): Problem {
  const problem = file.problems.find((p) => pattern.test(p.message));
  if (!problem) assert.fail(`${file.path}: no problem matching ${pattern}; got ${JSON.stringify(file.problems)}`);
  return problem;
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function readText(path: string, text: string): ParsedFile {
  const result = readPromptFile(path, bytes(text));
  if (!result.ok) assert.fail(`${path} was skipped: ${result.error.reason}`);
  return result.value;
}

/** Line `n` (zero-based) of a fixture, to check that a range points where it should. */
export function fixtureLine(relative: string, n: number): string {
  return fs.readFileSync(path.join(FIXTURE_PROJECT, relative), 'utf8').replace(/\r\n?/g, '\n').split('\n')[n] ?? '';
}

// Pairs a file's units across the two sides: by name (kind included), the n-th of a repeated name with the n-th; then,
// when exactly one unit is left on each side, those two (a renamed file's only unit is usually named after the file).
import type { UnitEstimate } from '../estimate/types';

export interface UnitPair {
  before?: UnitEstimate;
  after?: UnitEstimate;
}

export function matchUnits(before: readonly UnitEstimate[], after: readonly UnitEstimate[]): UnitPair[] {
  const waiting = new Map<string, UnitEstimate[]>();
  for (const unit of before) {
    const key = keyOf(unit);
    waiting.set(key, [...(waiting.get(key) ?? []), unit]);
  }
  const pairs: UnitPair[] = [];
  const unmatchedAfter: UnitEstimate[] = [];
  for (const unit of after) {
    const match = waiting.get(keyOf(unit))?.shift();
    if (match) pairs.push({ before: match, after: unit });
    else unmatchedAfter.push(unit);
  }
  const unmatchedBefore = before.filter((unit) => !pairs.some((p) => p.before === unit));
  if (
    unmatchedBefore.length === 1 &&
    unmatchedAfter.length === 1 &&
    unmatchedBefore[0]!.kind === unmatchedAfter[0]!.kind
  ) {
    return [...pairs, { before: unmatchedBefore[0]!, after: unmatchedAfter[0]! }];
  }
  return [
    ...pairs,
    ...unmatchedAfter.map((unit) => ({ after: unit })),
    ...unmatchedBefore.map((unit) => ({ before: unit })),
  ];
}

function keyOf(unit: UnitEstimate): string {
  return `${unit.kind}\u0000${unit.name}`;
}

// Pairs a unit's markdown sections across the two sides by heading (level and title), the n-th repeat with the n-th.
import type { SectionCount } from '../estimate/types';

export interface SectionPair {
  before?: SectionCount;
  after?: SectionCount;
}

export function matchSections(before: readonly SectionCount[], after: readonly SectionCount[]): SectionPair[] {
  const waiting = new Map<string, SectionCount[]>();
  for (const section of before) {
    const key = keyOf(section);
    waiting.set(key, [...(waiting.get(key) ?? []), section]);
  }
  const pairs: SectionPair[] = after.map((section) => {
    const match = waiting.get(keyOf(section))?.shift();
    return match ? { before: match, after: section } : { after: section };
  });
  for (const left of waiting.values()) for (const section of left) pairs.push({ before: section });
  return pairs;
}

function keyOf(section: SectionCount): string {
  return `${section.level}\u0000${section.title.trim().toLowerCase()}`;
}

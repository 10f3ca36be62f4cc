// The report's order and sums: largest monthly increase first, as a reviewer reads a cost change.
import { delta } from './delta';
import type { CostSide, DiffTotals, FileDiff } from './types';

export function sortFiles(files: readonly FileDiff[]): FileDiff[] {
  return [...files].sort((a, b) => {
    const aKnown = a.delta.perMonth !== undefined;
    const bKnown = b.delta.perMonth !== undefined;
    if (aKnown !== bKnown) return aKnown ? -1 : 1;
    const byCost = (b.delta.perMonth ?? 0) - (a.delta.perMonth ?? 0);
    if (byCost !== 0) return byCost;
    const byTokens = b.delta.tokens - a.delta.tokens;
    return byTokens !== 0 ? byTokens : a.path.localeCompare(b.path);
  });
}

/** Totals over the changed files: tokens of all, costs of those whose cost is known (the rest are counted apart). */
export function diffTotals(files: readonly FileDiff[]): DiffTotals {
  const before: CostSide = { inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };
  const after: CostSide = { inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };
  let units = 0;
  let unpricedUnits = 0;
  for (const file of files) {
    units += file.units.length;
    unpricedUnits += file.unpricedUnits;
    before.inputTokens += file.before.inputTokens;
    after.inputTokens += file.after.inputTokens;
    before.exact &&= file.before.exact;
    after.exact &&= file.after.exact;
    if (file.before.perMonth !== undefined && file.after.perMonth !== undefined) {
      before.perMonth! += file.before.perMonth;
      after.perMonth! += file.after.perMonth;
      before.perCall! += file.before.perCall ?? 0;
      after.perCall! += file.after.perCall ?? 0;
    }
  }
  return { files: files.length, units, before, after, delta: delta(before, after), unpricedUnits };
}

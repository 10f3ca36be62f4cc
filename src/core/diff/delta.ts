// After minus before, with the percent only where a baseline exists: a new file grows from nothing, not by ∞%.
import type { CostSide, Delta } from './types';

export const ZERO_SIDE: CostSide = { inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };

export function delta(before: CostSide, after: CostSide): Delta {
  const result: Delta = { tokens: after.inputTokens - before.inputTokens };
  const tokensPercent = ratio(result.tokens, before.inputTokens);
  if (tokensPercent !== undefined) result.tokensPercent = tokensPercent;
  if (before.perCall !== undefined && after.perCall !== undefined) result.perCall = after.perCall - before.perCall;
  if (before.perMonth !== undefined && after.perMonth !== undefined) {
    result.perMonth = after.perMonth - before.perMonth;
    const costPercent = ratio(result.perMonth, before.perMonth);
    if (costPercent !== undefined) result.costPercent = costPercent;
  }
  return result;
}

/** Sum of sides; a cost stays known only while every part's cost is known. */
export function addSides(sides: readonly CostSide[]): CostSide {
  const sum: CostSide = { inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };
  for (const side of sides) {
    sum.inputTokens += side.inputTokens;
    sum.exact &&= side.exact;
    sum.perCall = side.perCall === undefined || sum.perCall === undefined ? undefined : sum.perCall + side.perCall;
    sum.perMonth = side.perMonth === undefined || sum.perMonth === undefined ? undefined : sum.perMonth + side.perMonth;
  }
  return withoutUndefined(sum);
}

/** The share of `change` in `base`, or undefined when there is no baseline to compare with. */
export function ratio(change: number, base: number): number | undefined {
  return base > 0 ? change / base : undefined;
}

function withoutUndefined(side: CostSide): CostSide {
  const clean: CostSide = { inputTokens: side.inputTokens, exact: side.exact };
  if (side.perCall !== undefined) clean.perCall = side.perCall;
  if (side.perMonth !== undefined) clean.perMonth = side.perMonth;
  return clean;
}

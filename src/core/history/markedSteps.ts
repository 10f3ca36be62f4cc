// Which steps of a file's cost history raised its $/month by more than a threshold: the points the chart marks.
// A step from $0 (the file's first version, or a file brought back) has no percentage and is not marked.
export interface MonthlyStep {
  perMonthUsd: number | null;
  deltaPerMonthUsd: number | null;
}

/** `thresholdPercent`: 20 marks a step that raised the cost more than +20% over the previous point. */
export function isMarkedStep(step: MonthlyStep, thresholdPercent: number): boolean {
  const { perMonthUsd: after, deltaPerMonthUsd: delta } = step;
  if (after === null || delta === null || delta <= 0) return false;
  const before = after - delta;
  if (before <= 0) return false;
  return (delta / before) * 100 > thresholdPercent;
}

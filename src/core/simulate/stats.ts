// Percentiles and histograms over per-session costs.

/** Sorted copy (ascending). Float64Array sorts numerically, without a comparator. */
export function sortedCopy(values: Float64Array): Float64Array {
  return values.slice().sort();
}

/** Linear interpolation between closest ranks (the "type 7" definition of R, NumPy and spreadsheets). */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const position = (n - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(position);
  const high = Math.min(n - 1, low + 1);
  const fraction = position - low;
  return sorted[low]! + (sorted[high]! - sorted[low]!) * fraction;
}

export function meanOf(values: Float64Array): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

export function standardDeviationOf(values: Float64Array, mean: number): number {
  if (values.length < 2) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    sum += d * d;
  }
  return Math.sqrt(sum / (values.length - 1));
}

export interface Histogram {
  /** Lower edge of each bin in USD; bins are equally wide, the last ends at `upperUsd`. */
  lowerUsd: number[];
  binWidthUsd: number;
  upperUsd: number;
  counts: number[];
  /** Sessions above `upperUsd` (the far tail, left out so the bins stay readable). */
  overflow: number;
}

/** Equal-width bins from 0 to a little past the 99th percentile, plus an overflow count. */
export function histogramOfSorted(sorted: Float64Array, bins = 40): Histogram {
  const p99 = percentileOfSorted(sorted, 0.99);
  const top = sorted.length > 0 ? sorted[sorted.length - 1]! : 0;
  let upper = Math.min(top, p99 * 1.25);
  if (!(upper > 0)) upper = top > 0 ? top : 1e-9;
  if (upper === top && sorted.length > 0 && sorted[0] === top) upper = top * 2; // one value: put it mid-chart
  const width = upper / bins;
  const counts = new Array<number>(bins).fill(0);
  let overflow = 0;
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i]!;
    if (value > upper) overflow++;
    else counts[Math.min(bins - 1, Math.floor(value / width))]!++;
  }
  return { lowerUsd: counts.map((_, i) => i * width), binWidthUsd: width, upperUsd: upper, counts, overflow };
}

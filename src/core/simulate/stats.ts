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

/** Confidence of every percentile interval the simulation reports. */
export const INTERVAL_CONFIDENCE = 0.95;
const Z_INTERVAL = 1.959963984540054;

/**
 * A distribution-free interval for the p-th percentile from the sorted sample: the order statistics at ranks
 * n·p ∓ z·√(n·p·(1−p)) (the normal approximation to the binomial count of values below the true percentile). It covers
 * the true percentile about INTERVAL_CONFIDENCE of the time, whatever the distribution; a test checks the rate.
 */
export function percentileIntervalOfSorted(sorted: Float64Array, p: number): [number, number] {
  const n = sorted.length;
  if (n === 0) return [0, 0];
  const q = Math.min(1, Math.max(0, p));
  const spread = Z_INTERVAL * Math.sqrt(n * q * (1 - q));
  const low = Math.max(0, Math.floor(n * q - spread) - 1);
  const high = Math.min(n - 1, Math.ceil(n * q + spread));
  return [sorted[low]!, sorted[high]!];
}

/** Sample skewness (third standardised moment), 0 for fewer than three values or no spread. */
export function skewnessOf(values: Float64Array, mean: number, sd: number): number {
  const n = values.length;
  if (n < 3 || !(sd > 0)) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i]! - mean) / sd;
    sum += d * d * d;
  }
  return sum / n;
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, absolute error below 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = 0.3989422804014327 * Math.exp(-0.5 * z * z) * poly;
  return z >= 0 ? 1 - tail : tail;
}

// The shapes a scenario quantity can take, and a sampler for each. Usage is right-skewed, so a {p50, p90} pair is read
// as a log-normal through those two points; logs give empirical samples instead.
import type { Rng } from './rng';

export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'lognormal'; p50: number; p90: number }
  /** Drawn uniformly from observed values (e.g. output tokens in a usage log). */
  | { kind: 'empirical'; samples: readonly number[]; source: string };

/** z-score of the 90th percentile of a standard normal. */
export const Z90 = 1.2815515655446004;

export function fixed(value: number): Dist {
  return { kind: 'fixed', value };
}

export function lognormal(p50: number, p90: number): Dist {
  return p50 === p90 ? fixed(p50) : { kind: 'lognormal', p50, p90 };
}

/** mu and sigma of the log-normal through p50 and p90: mu = ln p50, sigma = (ln p90 − ln p50) / z90. */
export function lognormalParams(p50: number, p90: number): { mu: number; sigma: number } {
  return { mu: Math.log(p50), sigma: (Math.log(p90) - Math.log(p50)) / Z90 };
}

export function distMean(dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(dist.p50, dist.p90);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'empirical':
      return dist.samples.length === 0 ? 0 : dist.samples.reduce((sum, x) => sum + x, 0) / dist.samples.length;
  }
}

export function isFixed(dist: Dist): dist is { kind: 'fixed'; value: number } {
  return dist.kind === 'fixed';
}

/** "4", "p50 60 / p90 200", "1,234 samples from usage.jsonl". */
export function describeDist(dist: Dist): string {
  switch (dist.kind) {
    case 'fixed':
      return formatNumber(dist.value);
    case 'lognormal':
      return `p50 ${formatNumber(dist.p50)} / p90 ${formatNumber(dist.p90)}`;
    case 'empirical':
      return `${dist.samples.length.toLocaleString('en-US')} samples from ${dist.source}`;
  }
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US') : String(Math.round(x * 1000) / 1000);
}

const FIXED = 0;
const LOGNORMAL = 1;
const EMPIRICAL = 2;

/** A distribution prepared for sampling in a hot loop: no allocation, one branch per draw. */
export class Sampler {
  private readonly kind: number;
  private readonly value: number;
  private readonly mu: number;
  private readonly sigma: number;
  private readonly samples: Float64Array;

  constructor(dist: Dist) {
    this.value = dist.kind === 'fixed' ? dist.value : 0;
    this.samples = new Float64Array(dist.kind === 'empirical' ? dist.samples : []);
    if (dist.kind === 'lognormal') {
      const { mu, sigma } = lognormalParams(dist.p50, dist.p90);
      this.mu = mu;
      this.sigma = sigma;
    } else {
      this.mu = 0;
      this.sigma = 0;
    }
    this.kind =
      dist.kind === 'fixed' || (dist.kind === 'empirical' && this.samples.length === 0)
        ? FIXED
        : dist.kind === 'lognormal'
          ? LOGNORMAL
          : EMPIRICAL;
  }

  get isFixed(): boolean {
    return this.kind === FIXED;
  }

  // Kept small so V8 inlines it at every call site of the session loop (a double returned from a call it does not
  // inline is boxed): the log-normal inline, the rest out of line.
  sample(rng: Rng): number {
    return this.kind === LOGNORMAL ? Math.exp(this.mu + this.sigma * rng.normal()) : this.other(rng);
  }

  private other(rng: Rng): number {
    if (this.kind === FIXED) return this.value;
    return this.samples[rng.index(this.samples.length)]!;
  }
}

// A figure from outside Burnrate (a runtime's system prompt size, a tool schema's size): data with its source, date and
// how sure anyone can be of it. Nothing a runtime adds is counted from the user's files, so no figure here is exact:
// published measurements carry the spread of what was measured, our own counts and guesses a wider band.

/** `measured` = published by the vendor or a third party's measurement; `estimate` = counted here or inferred. */
export type FigureBasis = 'measured' | 'estimate' | 'override';

export interface TokenFigure {
  tokens: number;
  /** Relative band (0.3 = ±30%). */
  band: number;
  basis: FigureBasis;
  /** Where the figure comes from, citable: "anthropics/claude-code#13717 /context output". */
  source: string;
  /** When it was published or measured (YYYY-MM or YYYY-MM-DD, or a range). */
  date: string;
}

/** A non-token value from outside (a model name, a threshold, a depth limit), with its source and date. */
export interface DatedValue<T> {
  value: T;
  source: string;
  date: string;
  basis: FigureBasis;
}

export function measured(tokens: number, band: number, source: string, date: string): TokenFigure {
  return { tokens, band, basis: 'measured', source, date };
}

export function estimated(tokens: number, band: number, source: string, date: string): TokenFigure {
  return { tokens, band, basis: 'estimate', source, date };
}

/** A user's override: their figure, taken as they wrote it (band 0: they chose it), with where they wrote it. */
export function overridden(tokens: number, origin: string): TokenFigure {
  return { tokens, band: 0, basis: 'override', source: origin, date: 'your override' };
}

/** The band of a sum of figures: each figure's absolute spread added, relative to the total (a worst-case band). */
export function combinedBand(figures: readonly { tokens: number; band: number }[]): number {
  const total = figures.reduce((sum, f) => sum + f.tokens, 0);
  if (total === 0) return 0;
  return figures.reduce((sum, f) => sum + f.tokens * f.band, 0) / total;
}

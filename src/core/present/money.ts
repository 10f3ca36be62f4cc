// Number formatting shared by every surface (lens, hover, status bar, CLI), so the same estimate reads the same.

// `toLocaleString` builds a formatter on every call (~90 µs); reviews format thousands of figures.
const formatters = new Map<number, Intl.NumberFormat>();
function fixed(value: number, digits: number): string {
  let format = formatters.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, format);
  }
  return format.format(value);
}

/** USD with precision that suits the size: $1,404 · $12.50 · $0.0037 · $0.000012. */
export function usd(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : abs >= 0.01 ? 4 : abs === 0 ? 2 : 6;
  return `${value < 0 ? '-' : ''}$${fixed(abs, digits)}`;
}

/** Signed USD for deltas: +$0.0009, -$1,404. */
export function signedUsd(value: number): string {
  return value > 0 ? `+${usd(value)}` : usd(value);
}

export function integer(value: number): string {
  return fixed(Math.round(value), 0);
}

/** "1,234 tokens" when exact, "≈1,240 tokens (±15%)" when estimated. */
export function tokenText(tokens: number, exact: boolean, band: number, unit = 'tokens'): string {
  if (exact) return `${integer(tokens)} ${unit}`;
  return `≈${integer(tokens)} ${unit} (±${Math.round(band * 100)}%)`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Compact counts for tight spaces: 50k, 1.2M. */
export function compact(value: number): string {
  if (value >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (value >= 1e4) return `${+(value / 1e3).toFixed(0)}k`;
  if (value >= 1e3) return `${+(value / 1e3).toFixed(1)}k`;
  return integer(value);
}

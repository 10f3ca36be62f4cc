// The largest value each count a file, usage file, setting or flag can set is taken at. Work and figures must be
// bounded by the input's size, never by a number written in it: `maxTurns: 1000000000` would otherwise build a
// billion turns, and `1e308` overflow every cost to $∞. Past its bound a value is taken at the bound, with a problem
// on the unit naming the field, what was written and the bound. The bounds sit far above any real use (the largest
// context windows hold ~2M tokens; a month has at most 744 hours) so no honest estimate ever meets them.
import type { Problem } from '../types';
import { noted, type Sourced } from '../usage/resolveInputs';

export { LIMITS } from '../limits';
import { LIMITS } from '../limits';

export type BoundedField = keyof typeof LIMITS;

/**
 * `value` within 0 … LIMITS[field]. Anything else (past the bound, negative, not a number) is reported in
 * `problems` and replaced by the bound (or 0 for a negative or missing number).
 */
export function boundCount(value: number, field: BoundedField, label: string, problems: Problem[]): number {
  const limit = LIMITS[field];
  if (Number.isFinite(value) && value >= 0 && value <= limit) return value;
  const taken = value > limit ? limit : 0;
  const written = Number.isNaN(value) ? 'not a number' : formatNumber(value);
  problems.push({
    severity: 'warning',
    message: `${label} = ${written} is outside 0 … ${formatNumber(limit)} (Burnrate's bound for ${describe(field)}) — counted as ${formatNumber(taken)}`,
  });
  return taken;
}

/** A sourced value within its bound; the detail says when it was capped. */
export function boundSourced(
  value: Sourced<number>,
  field: BoundedField,
  label: string,
  problems: Problem[],
): Sourced<number> {
  const before = problems.length;
  const bounded = boundCount(value.value, field, `${label} (${value.detail})`, problems);
  if (problems.length === before) return value;
  return noted(value, bounded, `capped at Burnrate's bound of ${formatNumber(bounded)}`);
}

function describe(field: BoundedField): string {
  return {
    turns: 'turns per session',
    callsPerDay: 'calls per day',
    outputTokens: 'output tokens per call',
    userTokensPerTurn: 'user tokens per turn',
    monthHours: 'hours in a month',
    tokenizerFactor: 'a tokenizer factor',
    ratePerMTok: 'a price per million tokens',
    sessions: 'simulated sessions',
    lineBytes: 'bytes in one line of a log',
  }[field];
}

function formatNumber(value: number): string {
  return Math.abs(value) < 1e15 ? value.toLocaleString('en-US') : String(value);
}

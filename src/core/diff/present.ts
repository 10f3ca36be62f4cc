// Signed numbers for deltas, shared by the lens, the review view, the CLI table and the PR comment.
import { integer, signedUsd, usd } from '../present/money';
import type { CostSide, Delta } from './types';

/** +312 · -40 · ±0; marked ≈ when either side's count is an estimate. */
export function signedTokens(tokens: number, exact = true): string {
  const sign = tokens > 0 ? '+' : tokens < 0 ? '-' : '±';
  return `${exact ? '' : '≈'}${sign}${integer(Math.abs(tokens))}`;
}

/** +18% · -4.2% · +<0.1% · 0%: whole percents from 10% up, one decimal below. */
export function signedPercent(share: number): string {
  const value = share * 100;
  if (value === 0) return '0%';
  const sign = value > 0 ? '+' : '-';
  const abs = Math.abs(value);
  if (abs < 0.05) return `${sign}<0.1%`;
  return `${sign}${abs >= 9.95 ? Math.round(abs).toLocaleString('en-US') : abs.toFixed(1)}%`;
}

/** "+312 tokens (+18%)", "+1,200 tokens (new)" when there was nothing before. */
export function tokenChange(change: Delta, before: CostSide, exact: boolean): string {
  const percent =
    change.tokensPercent !== undefined
      ? signedPercent(change.tokensPercent)
      : before.inputTokens === 0 && change.tokens > 0
        ? 'new'
        : undefined;
  return `${signedTokens(change.tokens, exact)} tokens${percent ? ` (${percent})` : ''}`;
}

/** "+$1,404/mo" or undefined when the change is unknown (a side has no price). */
export function monthlyChange(change: Delta): string | undefined {
  return change.perMonth === undefined ? undefined : `${signedUsd(change.perMonth)}/mo`;
}

export function callChange(change: Delta): string | undefined {
  return change.perCall === undefined ? undefined : `${signedUsd(change.perCall)}/call`;
}

/** "($2,100 → $3,504)" */
export function monthlyRange(before: CostSide, after: CostSide): string | undefined {
  return before.perMonth === undefined || after.perMonth === undefined
    ? undefined
    : `(${usd(before.perMonth)} → ${usd(after.perMonth)})`;
}

export function costPercent(change: Delta): string | undefined {
  return change.costPercent === undefined ? undefined : signedPercent(change.costPercent);
}

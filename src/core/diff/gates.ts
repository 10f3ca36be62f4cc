// CI gates over a diff: the monthly increase of the whole change in dollars, and each file's increase in percent.
import { signedUsd, usd } from '../present/money';
import { signedPercent } from './present';
import type { DiffReport, FileDiff } from './types';

export interface GateLimits {
  /** Trip when the total monthly cost rises by more than this many USD. */
  increaseUsdMonth?: number;
  /** Trip when a file's $/month or its input tokens rise by more than this percent (the larger of the two counts). */
  increasePercent?: number;
}

export interface GateResult {
  /** `unpriced`: a changed unit has no price at the head, so no limit can be checked for it (added with any gate). */
  gate: 'increase-usd-month' | 'increase-percent' | 'unpriced';
  threshold: number;
  tripped: boolean;
  message: string;
  /** Files that tripped it (percent) or drove it (USD), largest first. */
  files: string[];
}

export function checkGates(report: DiffReport, limits: GateLimits): GateResult[] {
  const results: GateResult[] = [];
  if (limits.increaseUsdMonth !== undefined) results.push(usdGate(report, limits.increaseUsdMonth));
  if (limits.increasePercent !== undefined) results.push(percentGate(report, limits.increasePercent));
  if (results.length > 0) {
    const unpriced = unpricedGate(report);
    if (unpriced) results.push(unpriced);
  }
  return results;
}

/**
 * A changed unit whose head side has no price costs an unknown amount: counting it as $0 would let a switch to an
 * unpriced model (or a price-less model that grew by 100,000 tokens) through every dollar gate.
 */
function unpricedGate(report: DiffReport): GateResult | undefined {
  const units = report.files.flatMap((file) =>
    file.units
      .filter((u) => u.after !== undefined && !u.after.priced)
      .map((u) => `${file.path}#${u.name} (no price for ${u.after!.model})`),
  );
  if (units.length === 0) return undefined;
  const more = units.length > 5 ? ` and ${units.length - 5} more` : '';
  return {
    gate: 'unpriced',
    threshold: 0,
    tripped: true,
    message:
      `${units.length} changed unit${units.length === 1 ? '' : 's'} ha${units.length === 1 ? 's' : 've'} no price, so the gate cannot check ` +
      `${units.length === 1 ? 'its' : 'their'} cost (add the model under prices: in the base's .burnrate.yaml): ${units.slice(0, 5).join(', ')}${more}`,
    files: [
      ...new Set(
        report.files.filter((f) => f.units.some((u) => u.after !== undefined && !u.after.priced)).map((f) => f.path),
      ),
    ],
  };
}

function usdGate(report: DiffReport, limit: number): GateResult {
  const change = report.totals.delta.perMonth ?? 0;
  const drivers = report.files.filter((f) => (f.delta.perMonth ?? 0) > 0);
  const tripped = change > limit;
  const names = drivers.slice(0, 5).map((f) => `${f.path} (${signedUsd(f.delta.perMonth!)}/mo)`);
  const more = drivers.length > 5 ? ` and ${drivers.length - 5} more` : '';
  return {
    gate: 'increase-usd-month',
    threshold: limit,
    tripped,
    message: tripped
      ? `monthly cost rises by ${signedUsd(change)}, more than the allowed ${usd(limit)}/mo (--fail-on-increase-usd-month): ${names.join(', ')}${more}`
      : `monthly cost change ${signedUsd(change)} is within ${usd(limit)}/mo`,
    files: drivers.map((f) => f.path),
  };
}

function percentGate(report: DiffReport, limit: number): GateResult {
  const over = report.files
    .map((file) => ({ file, share: increaseShare(file) }))
    .filter(
      (x): x is { file: FileDiff; share: { value: number; of: string } } =>
        x.share !== undefined && x.share.value * 100 > limit,
    )
    .sort((a, b) => b.share.value - a.share.value);
  const tripped = over.length > 0;
  return {
    gate: 'increase-percent',
    threshold: limit,
    tripped,
    message: tripped
      ? `${over.length} file${over.length === 1 ? '' : 's'} grew by more than ${limit}% (--fail-on-increase-percent): ` +
        over.map(({ file, share }) => `${file.path} ${signedPercent(share.value)} ${share.of}`).join(', ')
      : `no file's cost grew by more than ${limit}%`,
    files: over.map((x) => x.file.path),
  };
}

/**
 * The larger of the file's $/month growth and its input-token growth: a prompt that grew by half is flagged even when
 * output tokens dominate its cost, and a model switch is flagged though no token changed. New files have no baseline
 * to grow from: the USD gate judges them.
 */
function increaseShare(file: FileDiff): { value: number; of: string } | undefined {
  const cost =
    file.delta.costPercent !== undefined && file.unpricedUnits === 0
      ? { value: file.delta.costPercent, of: 'in $/month' }
      : undefined;
  const tokens =
    file.delta.tokensPercent !== undefined ? { value: file.delta.tokensPercent, of: 'in input tokens' } : undefined;
  if (cost && tokens) return cost.value >= tokens.value ? cost : tokens;
  return cost ?? tokens;
}

// One version of one file, priced: the figures a history point shows. The same entry point as `estimate` and
// `diff` (estimateSource), so a commit's figure is what `burnrate estimate` would have said at that commit.
import { estimateSource } from '../estimate/estimateSource';
import { totals } from '../estimate/totals';
import type { UnitEstimate } from '../estimate/types';
import type { UsageConfig } from '../usage/usageConfig';

export type VersionCost =
  | {
      kind: 'priced';
      inputTokens: number;
      exact: boolean;
      /** Per call (or per session, per eval run) when the file is one priced unit; absent for several units. */
      perRun?: number;
      perMonth: number;
      units: number;
      /** The unit estimates, for totals across files (a CrewAI agents file is covered by its tasks file). */
      estimates: UnitEstimate[];
    }
  /** A unit whose model has no price: the cost is unknown, never $0. */
  | { kind: 'unpriced'; inputTokens: number; exact: boolean; units: number; reason: string }
  /** Not a prompt at this version (binary, too large, unreadable): no figure. */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'deleted' };

export interface VersionInputs {
  /** Workspace-relative path: what format detection and the usage file's globs see. */
  relativePath: string;
  usage: UsageConfig;
  maxBytes?: number;
  readCompanion?: (relativePath: string) => Uint8Array | undefined;
}

export function versionCost(bytes: Uint8Array | undefined, inputs: VersionInputs): VersionCost {
  if (bytes === undefined) return { kind: 'unreadable', reason: 'not a file at this commit' };
  const result = estimateSource(inputs.relativePath, bytes, {
    relativePath: inputs.relativePath,
    usage: inputs.usage,
    ...(inputs.maxBytes !== undefined ? { maxBytes: inputs.maxBytes } : {}),
    ...(inputs.readCompanion ? { readCompanion: inputs.readCompanion } : {}),
  });
  if (!result.ok) return { kind: 'unreadable', reason: result.skipped.reason };
  const units = result.estimate.units;
  const sum = totals(units);
  if (sum.unpricedUnits > 0) {
    const unpriced = units.find((u) => !u.pricing.ok);
    const reason = unpriced && !unpriced.pricing.ok ? unpriced.pricing.message : 'a unit has no price';
    return { kind: 'unpriced', inputTokens: sum.inputTokens, exact: sum.exact, units: units.length, reason };
  }
  const counted = units.filter((u) => u.cost);
  const single = counted.length === 1 ? counted[0]!.cost!.perRun : undefined;
  return {
    kind: 'priced',
    inputTokens: sum.inputTokens,
    exact: sum.exact,
    ...(single !== undefined ? { perRun: single } : {}),
    perMonth: sum.perMonth,
    units: units.length,
    estimates: units,
  };
}

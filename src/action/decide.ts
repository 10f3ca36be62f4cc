// Whether the pull request gets a comment, from the diff's totals and gates and the comment already there. Pure.
import type { IssueComment } from './github';

/** Hidden in every comment the action writes, so the next push finds and updates that one comment. */
export const MARKER = '<!-- burnrate-pr-comment -->';

export interface DiffSummary {
  /** The head side as the report names it (a short commit). */
  head: string;
  changedFiles: number;
  uncomparedFiles: number;
  /** null: no price on a side (the change in dollars is unknown). */
  deltaUsdMonth: number | null;
  /** null: no baseline (new files only) or unknown. */
  deltaPercent: number | null;
  trippedGates: number;
}

export interface Thresholds {
  minUsdMonth: number;
  minPercent?: number;
}

export type Plan =
  { kind: 'create'; body: string } | { kind: 'update'; id: number; body: string } | { kind: 'none'; why: string };

/** Worth a comment: a gate tripped, a file could not be compared, or the cost moved past both thresholds. */
export function worthCommenting(diff: DiffSummary, thresholds: Thresholds): boolean {
  if (diff.trippedGates > 0 || diff.uncomparedFiles > 0) return true;
  if (diff.changedFiles === 0) return false;
  const usd = diff.deltaUsdMonth === null ? Infinity : Math.abs(diff.deltaUsdMonth);
  const percent = diff.deltaPercent === null ? Infinity : Math.abs(diff.deltaPercent);
  return usd >= thresholds.minUsdMonth && (thresholds.minPercent === undefined || percent >= thresholds.minPercent);
}

export function planComment(
  diff: DiffSummary,
  thresholds: Thresholds,
  markdown: string,
  existing: readonly IssueComment[],
): Plan {
  const ours = existing.find((c) => typeof c.body === 'string' && c.body.includes(MARKER));
  const worth = worthCommenting(diff, thresholds);
  if (!worth && !ours) return { kind: 'none', why: 'no prompt cost change above the comment thresholds' };
  // A comment already there is brought up to date even when the change fell below the thresholds: stale figures
  // would mislead more than a short note.
  const head = diff.head.replace(/`/g, '');
  const body = worth
    ? `${MARKER}\n${markdown}`
    : `${MARKER}\n### Burnrate cost diff\n\nNo prompt cost change above the comment thresholds at \`${head}\`.\n`;
  if (!ours) return { kind: 'create', body };
  if (ours.body === body) return { kind: 'none', why: `comment ${ours.id} is already up to date` };
  return { kind: 'update', id: ours.id, body };
}

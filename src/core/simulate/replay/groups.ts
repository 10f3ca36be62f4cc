// The report's groupings: cost by day, project and git branch, and the per-session aggregates they are built from.
// Each aggregate is a handful of numbers, and a grouping keeps at most GROUP_KEYS keys: a log names as many projects
// or branches as it likes (one per call, in a hostile one), so past that bound a key's calls add to one OTHER_GROUP.
// Memory is bounded by the bound, not by the log.

/** Distinct keys a grouping keeps (27 years of days; far more projects or branches than any team has). */
export const GROUP_KEYS = 10_000;
/** The group every key past GROUP_KEYS adds to. */
export const OTHER_GROUP = '(other keys)';

export interface GroupReplay {
  /** The day (YYYY-MM-DD, UTC), project or branch; OTHER_GROUP for the keys past GROUP_KEYS (listed last). */
  key: string;
  calls: number;
  /** Sessions whose first call falls in the group. */
  sessions: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** Null when a call of the group has no price. */
  costUsd: number | null;
}

export interface SessionSummary {
  id: string;
  calls: number;
  /** Null when a call of the session has no price. */
  costUsd: number | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Cost of its subagent (sidechain) calls. */
  sidechainCostUsd: number;
  /** Input of the session's first main-thread call, cache reads and writes included: the per-request overhead seen. */
  firstCallInputTokens?: number;
  model?: string;
  /** The log format of its first call (which runtime wrote it). */
  format?: string;
  start?: string;
  end?: string;
  project?: string;
  branch?: string;
}

export class GroupTotals {
  private readonly groups = new Map<string, GroupReplay & { unpriced: boolean; cost: number }>();

  add(
    key: string | undefined,
    call: { input: number; output: number; cacheRead: number },
    cost: number | undefined,
  ): void {
    if (key === undefined) return;
    const kept = this.keyFor(key);
    let group = this.groups.get(kept);
    if (!group) {
      group = {
        key: kept,
        calls: 0,
        sessions: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        costUsd: 0,
        cost: 0,
        unpriced: false,
      };
      this.groups.set(kept, group);
    }
    group.calls++;
    group.inputTokens += call.input;
    group.outputTokens += call.output;
    group.cacheReadTokens += call.cacheRead;
    if (cost === undefined) group.unpriced = true;
    else group.cost += cost;
  }

  countSession(key: string | undefined): void {
    const group = key === undefined ? undefined : this.groups.get(this.keyFor(key));
    if (group) group.sessions++;
  }

  /** The key itself while the grouping has room for it (or has it already), else OTHER_GROUP. */
  private keyFor(key: string): string {
    // One slot is kept for OTHER_GROUP, so the grouping never holds more than GROUP_KEYS.
    return this.groups.has(key) || this.groups.size < GROUP_KEYS - 1 ? key : OTHER_GROUP;
  }

  get size(): number {
    return this.groups.size;
  }

  /** Groups by cost, highest first (unpriced ones last), or by key for days. */
  list(byKey = false): GroupReplay[] {
    const list = [...this.groups.values()].map(({ unpriced, cost, ...group }) => ({
      ...group,
      costUsd: unpriced ? null : cost,
    }));
    // OTHER_GROUP last either way: it is not a day, and its cost is no one key's.
    const other = (g: GroupReplay) => (g.key === OTHER_GROUP ? 1 : 0);
    return byKey
      ? list.sort((a, b) => other(a) - other(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      : list.sort((a, b) => other(a) - other(b) || (b.costUsd ?? -1) - (a.costUsd ?? -1));
  }
}

/** The UTC day of an ISO timestamp, or undefined for anything else. */
export function dayOf(timestamp: string | undefined): string | undefined {
  if (timestamp === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(timestamp)) {
    const date = new Date(timestamp);
    if (!Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(timestamp) ? timestamp : undefined;
}

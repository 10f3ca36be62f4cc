// A replay's sessions in bounded memory, whatever their number: per-session state only for the open ones (at most
// OPEN_SESSIONS; past it the least recently seen is closed), each closed session folded into fixed-size aggregates — exact
// counts, sums, max, the costliest few — and uniform samples (Reservoir) of its cost, calls and first call for the
// percentiles. A session seen again after it was closed is counted as a new one; a fixed-size filter of closed ids
// says about how many were, so the report can say its per-session figures are split.
import type { SessionSummary } from './groups';
import { Reservoir } from './reservoir';

/** Ours: sessions held in full at once (a few hundred bytes each). Real logs interleave far fewer. */
export const OPEN_SESSIONS = 100_000;
/** Ours: sessions kept in each sample the per-session percentiles are taken from (exact up to this many). */
export const SESSION_SAMPLE = 100_000;

export interface SessionState extends SessionSummary {
  cost: number;
  unpriced: boolean;
  /** Order of first sight: ties in cost keep the log's order. */
  seq: number;
  /** The open sessions as a list, least recently seen first (moving one to the back is O(1)). */
  older: SessionState | undefined;
  newer: SessionState | undefined;
}

/** The first call of a session, as `--against` compares it. */
export type FirstCall = Pick<SessionSummary, 'format' | 'firstCallInputTokens'>;

export class SessionBook {
  private readonly open = new Map<string, SessionState>();
  private oldest: SessionState | undefined;
  private newest: SessionState | undefined;
  private closedIds: SeenFilter | undefined;
  private seq = 0;
  /** Sessions folded, and of those the ones with an unpriced call. */
  count = 0;
  unpriced = 0;
  /** Sessions closed to stay within the open limit before the log ended, and of the new ones how many (≈) were such. */
  closedEarly = 0;
  reopened = 0;
  private callsTotal = 0;
  private pricedCost = 0;
  private maxCost = 0;
  readonly costs = new Reservoir(SESSION_SAMPLE);
  readonly calls = new Reservoir(SESSION_SAMPLE, 0x85ebca6b);
  private readonly firstCalls = new Map<string | undefined, Reservoir>();
  private readonly top: SessionState[] = [];
  private readonly firstUnpriced: SessionState[] = [];

  constructor(
    private readonly topSessions: number,
    /** Hears each session as it is folded (the groupings count sessions then). */
    private readonly onFold: (session: SessionState) => void,
    private readonly capacity = OPEN_SESSIONS,
  ) {}

  /** The open state of `id`, opened when not open; `continued` when the log had a call of it before. */
  touch(id: string): { session: SessionState; continued: boolean } {
    const open = this.open.get(id);
    if (open) {
      if (open !== this.newest) {
        this.unlink(open);
        this.append(open);
      }
      return { session: open, continued: true };
    }
    const continued = this.closedIds?.has(id) ?? false;
    if (continued) this.reopened++;
    const session: SessionState = {
      id,
      calls: 0,
      costUsd: 0,
      cost: 0,
      unpriced: false,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      sidechainCostUsd: 0,
      seq: this.seq++,
      older: undefined,
      newer: undefined,
    };
    this.open.set(id, session);
    this.append(session);
    if (this.open.size > this.capacity) this.closeOldest();
    return { session, continued };
  }

  private closeOldest(): void {
    const session = this.oldest!;
    this.unlink(session);
    this.open.delete(session.id);
    (this.closedIds ??= new SeenFilter()).add(session.id);
    this.closedEarly++;
    this.fold(session);
  }

  private append(session: SessionState): void {
    session.older = this.newest;
    session.newer = undefined;
    if (this.newest) this.newest.newer = session;
    else this.oldest = session;
    this.newest = session;
  }

  private unlink(session: SessionState): void {
    if (session.older) session.older.newer = session.newer;
    else this.oldest = session.newer;
    if (session.newer) session.newer.older = session.older;
    else this.newest = session.older;
    session.older = session.newer = undefined;
  }

  /** Folds every session still open (the log ended). */
  finish(): void {
    for (const session of this.open.values()) this.fold(session);
    this.open.clear();
    this.oldest = this.newest = undefined;
  }

  /** Mean cost of the priced sessions, and the largest. */
  get perSession(): { mean: number; max: number } {
    const priced = this.count - this.unpriced;
    return { mean: priced === 0 ? 0 : this.pricedCost / priced, max: this.maxCost };
  }

  get meanCalls(): number {
    return this.count === 0 ? 0 : this.callsTotal / this.count;
  }

  /** The costliest priced sessions, highest first. */
  costliest(): readonly SessionState[] {
    return this.top;
  }

  /** The first unpriced sessions, in the log's order. */
  unpricedSessions(): readonly SessionState[] {
    return this.firstUnpriced;
  }

  /** Each sampled session's first call (every session's while there are at most SESSION_SAMPLE of a format). */
  firstCallSample(): FirstCall[] {
    const out: FirstCall[] = [];
    for (const [format, sample] of this.firstCalls)
      for (const tokens of sample.sample())
        out.push({ ...(format !== undefined ? { format } : {}), firstCallInputTokens: tokens });
    return out;
  }

  /** Whether any per-session figure comes from a sample rather than every session. */
  get sampled(): boolean {
    return !this.costs.exact || !this.calls.exact || [...this.firstCalls.values()].some((s) => !s.exact);
  }

  private fold(session: SessionState): void {
    this.count++;
    this.callsTotal += session.calls;
    this.calls.add(session.calls);
    if (session.firstCallInputTokens !== undefined) {
      let sample = this.firstCalls.get(session.format);
      if (!sample) this.firstCalls.set(session.format, (sample = new Reservoir(SESSION_SAMPLE, 0xc2b2ae35)));
      sample.add(session.firstCallInputTokens);
    }
    if (session.unpriced) {
      this.unpriced++;
      keepFirst(this.firstUnpriced, session, this.topSessions, (a, b) => a.seq - b.seq);
    } else {
      this.pricedCost += session.cost;
      if (session.cost > this.maxCost) this.maxCost = session.cost;
      this.costs.add(session.cost);
      keepFirst(this.top, session, this.topSessions, (a, b) => b.cost - a.cost || a.seq - b.seq);
    }
    this.onFold(session);
  }
}

/** Keeps `list` the first `limit` items in `order`, inserting `item` where it belongs. */
function keepFirst<T>(list: T[], item: T, limit: number, order: (a: T, b: T) => number): void {
  if (list.length >= limit && order(item, list[list.length - 1]!) >= 0) return;
  let at = list.length;
  while (at > 0 && order(item, list[at - 1]!) < 0) at--;
  list.splice(at, 0, item);
  if (list.length > limit) list.pop();
}

/**
 * A Bloom filter of ids, fixed at 8 MiB: with a million ids in it about two in a million ids never added are taken
 * for added ones (5 hashes over 2^26 bits), so the count of sessions seen again is an estimate from above.
 */
class SeenFilter {
  private static readonly BITS = 1 << 26;
  private static readonly HASHES = 5;
  private readonly bits = new Uint8Array(SeenFilter.BITS / 8);

  add(id: string): void {
    for (const bit of this.positions(id)) this.bits[bit >>> 3]! |= 1 << (bit & 7);
  }

  has(id: string): boolean {
    for (const bit of this.positions(id)) if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    return true;
  }

  /** Double hashing over two FNV-1a variants of the id's UTF-16 code units. */
  private *positions(id: string): Generator<number> {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h2 |= 1;
    for (let k = 0; k < SeenFilter.HASHES; k++) yield ((h1 + Math.imul(k, h2)) >>> 0) & (SeenFilter.BITS - 1);
  }
}

// How many tokens byte-pair merging turns one split-pattern piece into. Same result as tiktoken's `byte_pair_merge`
// (repeatedly merge the adjacent pair with the lowest rank, leftmost on ties). Counting needs no token ids: every
// single byte is a token, so the count is the number of parts left when no adjacent pair has a rank.
//
// Short pieces (nearly all of them) are merged by scanning the pair ranks, as tiktoken does. A long piece (a run of
// 2 MB of spaces, of one emoji, of '!') would make that scan quadratic, so it is merged through a heap of pairs keyed
// by (rank, start) over a linked list of parts: the heap's minimum is exactly the scan's choice (lowest rank, then
// leftmost start), each merge looks up only its two new neighbour pairs, and the work is O(n log n).

const NO_RANK = Number.POSITIVE_INFINITY;
/** Pieces up to this many bytes are merged by the scan (faster when small; the heap's set-up costs more). */
const SCAN_UP_TO = 48;

/** `bytes` holds one byte per character (see rankTable.ts); `ranks` maps such byte strings to their rank. */
export function bytePairCount(bytes: string, ranks: ReadonlyMap<string, number>): number {
  const n = bytes.length;
  if (n <= 1) return n;
  if (ranks.has(bytes)) return 1;
  return n <= SCAN_UP_TO ? scanMergeCount(bytes, ranks) : heapMergeCount(bytes, ranks);
}

/** The scan: quadratic in the piece's length, fastest for short pieces. Exported for the tests that compare both. */
export function scanMergeCount(bytes: string, ranks: ReadonlyMap<string, number>): number {
  const n = bytes.length;
  // starts[k] is where part k begins; part k ends where part k + 1 begins (the last entry is n).
  const starts: number[] = [];
  for (let k = 0; k <= n; k++) starts.push(k);
  // pairRank[k] is the rank of parts k and k + 1 merged.
  const pairRank: number[] = [];
  for (let k = 0; k < n - 1; k++) pairRank.push(ranks.get(bytes.slice(k, k + 2)) ?? NO_RANK);

  while (pairRank.length > 0) {
    let best = -1;
    let bestRank = NO_RANK;
    for (let k = 0; k < pairRank.length; k++) {
      const rank = pairRank[k]!;
      if (rank < bestRank) {
        bestRank = rank;
        best = k;
      }
    }
    if (best < 0) break;
    starts.splice(best + 1, 1);
    pairRank.splice(best, 1);
    if (best > 0) pairRank[best - 1] = ranks.get(bytes.slice(starts[best - 1]!, starts[best + 1]!)) ?? NO_RANK;
    if (best < pairRank.length) pairRank[best] = ranks.get(bytes.slice(starts[best]!, starts[best + 2]!)) ?? NO_RANK;
  }
  return starts.length - 1;
}

const NONE = -1;

/** The heap merge: O(n log n) in the piece's length. Exported for the tests that compare both. */
export function heapMergeCount(bytes: string, ranks: ReadonlyMap<string, number>): number {
  const n = bytes.length;
  // Parts are identified by their start; next[s] is where the part starting at s ends (n for the last part).
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  // pairRank[s]: rank of the part at s merged with the one after it (NONE: no rank, or s is no longer a part start).
  const pairRank = new Int32Array(n).fill(NONE);
  for (let s = 0; s < n; s++) {
    next[s] = s + 1;
    prev[s] = s - 1;
    if (s + 1 < n) pairRank[s] = ranks.get(bytes.slice(s, s + 2)) ?? NONE;
  }
  const heap = new PairHeap(pairRank);
  const rankAfter = (s: number): number => {
    const end = next[s]!;
    return end >= n ? NONE : (ranks.get(bytes.slice(s, next[end]!)) ?? NONE);
  };

  let parts = n;
  while (heap.size > 0) {
    const s = heap.top();
    const removed = next[s]!;
    const after = next[removed]!;
    next[s] = after;
    if (after < n) prev[after] = s;
    heap.update(removed, NONE);
    parts -= 1;
    heap.update(s, rankAfter(s));
    if (prev[s]! >= 0) heap.update(prev[s]!, rankAfter(prev[s]!));
  }
  return parts;
}

/**
 * The part starts that have a ranked pair, ordered by (rank, start): the top is the pair tiktoken merges next. Each
 * start is in the heap at most once (at[s] is its slot), so the heap never holds more than the piece's length.
 */
class PairHeap {
  private readonly slots: Int32Array;
  private readonly at: Int32Array;
  size = 0;

  constructor(private readonly rank: Int32Array) {
    this.slots = new Int32Array(rank.length);
    this.at = new Int32Array(rank.length).fill(NONE);
    for (let s = 0; s < rank.length; s++) {
      if (rank[s] === NONE) continue;
      this.at[s] = this.size;
      this.slots[this.size++] = s;
    }
    for (let k = (this.size >> 1) - 1; k >= 0; k--) this.siftDown(k);
  }

  top(): number {
    return this.slots[0]!;
  }

  /** Give start `s` a new pair rank (NONE takes it out of the heap). */
  update(s: number, newRank: number): void {
    this.rank[s] = newRank;
    const slot = this.at[s]!;
    if (newRank === NONE) {
      if (slot !== NONE) this.removeAt(slot);
    } else if (slot === NONE) {
      this.place(s, this.size++);
      this.siftUp(this.size - 1);
    } else {
      this.siftUp(slot);
      this.siftDown(this.at[s]!);
    }
  }

  private removeAt(slot: number): void {
    const removed = this.slots[slot]!;
    this.at[removed] = NONE;
    const last = this.slots[--this.size]!;
    if (slot === this.size) return;
    this.place(last, slot);
    this.siftUp(slot);
    this.siftDown(this.at[last]!);
  }

  private before(a: number, b: number): boolean {
    const ra = this.rank[a]!;
    const rb = this.rank[b]!;
    return ra < rb || (ra === rb && a < b);
  }

  private place(s: number, slot: number): void {
    this.slots[slot] = s;
    this.at[s] = slot;
  }

  private siftUp(from: number): void {
    const s = this.slots[from]!;
    let k = from;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const above = this.slots[parent]!;
      if (!this.before(s, above)) break;
      this.place(above, k);
      k = parent;
    }
    this.place(s, k);
  }

  private siftDown(from: number): void {
    const s = this.slots[from]!;
    let k = from;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.before(this.slots[child + 1]!, this.slots[child]!)) child += 1;
      const below = this.slots[child]!;
      if (!this.before(below, s)) break;
      this.place(below, k);
      k = child;
    }
    this.place(s, k);
  }
}

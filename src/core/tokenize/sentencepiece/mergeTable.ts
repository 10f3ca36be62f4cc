// Merge ranks of a BPE vocabulary keyed by the pair of piece ids, in flat typed arrays: an open-addressing hash table
// holds the half-million Gemma merges in 12 MB where a Map of number keys takes several times that.

const EMPTY = -1;

export class MergeTable {
  private readonly lefts: Int32Array;
  private readonly rights: Int32Array;
  private readonly ranks: Int32Array;
  private readonly mask: number;
  /** The piece a merge of rank r produces. */
  readonly results: Int32Array;

  constructor(size: number) {
    let capacity = 1;
    while (capacity < size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.lefts = new Int32Array(capacity).fill(EMPTY);
    this.rights = new Int32Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.results = new Int32Array(size);
  }

  add(left: number, right: number, rank: number, result: number): void {
    let slot = slotOf(left, right) & this.mask;
    while (this.lefts[slot] !== EMPTY) {
      if (this.lefts[slot] === left && this.rights[slot] === right) return; // the first (lowest) rank wins
      slot = (slot + 1) & this.mask;
    }
    this.lefts[slot] = left;
    this.rights[slot] = right;
    this.ranks[slot] = rank;
    this.results[rank] = result;
  }

  /** The rank of merging `left` then `right`, or -1 when the vocabulary has no such merge. */
  rank(left: number, right: number): number {
    let slot = slotOf(left, right) & this.mask;
    for (;;) {
      const l = this.lefts[slot]!;
      if (l === EMPTY) return -1;
      if (l === left && this.rights[slot] === right) return this.ranks[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }
}

function slotOf(left: number, right: number): number {
  const h = Math.imul(left, 0x9e3779b1) ^ Math.imul(right + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}

// How many tokens byte-pair merging turns one split-pattern piece into. Same algorithm as tiktoken's
// `byte_pair_merge` (repeatedly merge the adjacent pair with the lowest rank, leftmost on ties), but each pair's rank
// is looked up once and only the two neighbours of a merge are looked up again, where js-tiktoken rebuilds every
// pair's key on every merge. Counting needs no token ids: every single byte is a token, so the count is the number
// of parts left when no adjacent pair has a rank.

/** Rank of a byte sequence, or undefined when the vocabulary has no such token. */
export type RankOf = (bytes: Uint8Array, start: number, end: number) => number | undefined;

const NO_RANK = Number.POSITIVE_INFINITY;

export function bytePairCount(bytes: Uint8Array, rankOf: RankOf): number {
  const n = bytes.length;
  if (n <= 1) return n;
  if (rankOf(bytes, 0, n) !== undefined) return 1;
  // starts[k] is where part k begins; part k ends where part k + 1 begins (starts[length - 1] === n).
  const starts: number[] = [];
  for (let k = 0; k <= n; k++) starts.push(k);
  // pairRank[k] is the rank of parts k and k + 1 merged.
  const pairRank: number[] = [];
  for (let k = 0; k < n - 1; k++) pairRank.push(rankOf(bytes, k, k + 2) ?? NO_RANK);

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
    if (best > 0) pairRank[best - 1] = rankOf(bytes, starts[best - 1]!, starts[best + 1]!) ?? NO_RANK;
    if (best < pairRank.length) pairRank[best] = rankOf(bytes, starts[best]!, starts[best + 2]!) ?? NO_RANK;
  }
  return starts.length - 1;
}

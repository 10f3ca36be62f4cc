// How many tokens byte-pair merging turns one split-pattern piece into. Same algorithm as tiktoken's
// `byte_pair_merge` (repeatedly merge the adjacent pair with the lowest rank, leftmost on ties), but each pair's rank
// is looked up once and only the two neighbours of a merge are looked up again. Counting needs no token ids: every
// single byte is a token, so the count is the number of parts left when no adjacent pair has a rank.

const NO_RANK = Number.POSITIVE_INFINITY;

/** `bytes` holds one byte per character (see rankTable.ts); `ranks` maps such byte strings to their rank. */
export function bytePairCount(bytes: string, ranks: ReadonlyMap<string, number>): number {
  const n = bytes.length;
  if (n <= 1) return n;
  if (ranks.has(bytes)) return 1;
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

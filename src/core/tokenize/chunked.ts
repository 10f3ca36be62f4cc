// Exact encoding counts for the engine, memoised by chunk: a text is cut at safe cuts (safeCuts.ts) into chunks of a
// few hundred characters, and each distinct chunk is counted once. Recounting a file after one keystroke finds every
// chunk but the edited one in the memo, so the work is a scan for line breaks plus one small chunk's encoding.
import { TwoGenerationCache } from './boundedCache';
import type { EncodingName } from './encodings';
import { baseEncodingOf, clearPieceMemos, countPieces } from './pieceCounter';
import type { BaseEncoding } from './rankTable';
import { chunkCuts, cutRulesFor } from './safeCuts';

// Characters of chunk text kept per encoding: a few megabytes of documents stay warm.
const CHUNK_MEMO_WEIGHT = 8_000_000;
// Below this size a text is counted directly: looking it up would cost about as much as counting it.
const DIRECT_COUNT_BELOW = 48;

const chunkMemos = new Map<BaseEncoding, TwoGenerationCache<number>>();

function memoFor(name: EncodingName): TwoGenerationCache<number> {
  const base = baseEncodingOf(name);
  let memo = chunkMemos.get(base);
  if (!memo) {
    memo = new TwoGenerationCache<number>(CHUNK_MEMO_WEIGHT);
    chunkMemos.set(base, memo);
  }
  return memo;
}

/** Exact count of one chunk (any text works; chunks between safe cuts are what make sums exact). */
export function countChunk(name: EncodingName, chunk: string): number {
  if (chunk.length < DIRECT_COUNT_BELOW) return countPieces(name, chunk);
  const memo = memoFor(name);
  let count = memo.get(chunk);
  if (count === undefined) {
    count = countPieces(name, chunk);
    memo.set(chunk, count);
  }
  return count;
}

/**
 * Exact token count of `text` in `name` as ordinary text (special-token spellings count as the characters they are):
 * equal to js-tiktoken's `encode(text, [], []).length`. Counts of parts split at safe cuts (see `isSafeCut`; a
 * markdown heading's line start is one) add up to the count of the whole.
 */
export function countEncodingTokens(name: EncodingName, text: string): number {
  if (text.length < DIRECT_COUNT_BELOW) return countPieces(name, text);
  let total = 0;
  let start = 0;
  for (const cut of chunkCuts(text, cutRulesFor(name))) {
    total += countChunk(name, text.slice(start, cut));
    start = cut;
  }
  return total + countChunk(name, text.slice(start));
}

/** Forget every memoised chunk and piece count (benchmarks measure cold counts; memory can be handed back). */
export function clearTokenCountCaches(): void {
  for (const memo of chunkMemos.values()) memo.clear();
  clearPieceMemos();
}

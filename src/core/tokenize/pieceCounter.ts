// Exact token count of a text, without building token ids. tiktoken splits text into pieces with its pattern and
// byte-pair-merges each piece on its own, so the count is the sum over pieces; most pieces (words, indentation,
// punctuation) repeat, so each distinct piece is merged once and remembered. Equal to js-tiktoken's
// `encode(text, [], []).length` (special-token spellings count as ordinary text), which the tests check.
import { TwoGenerationCache } from './boundedCache';
import { bytePairCount, type RankOf } from './bytePairCount';
import { getEncoder, splitPattern, type EncodingName } from './encodings';

/** Encodings that split and merge ordinary text alike share one counter (harmony differs only in special tokens). */
export type BaseEncoding = 'o200k_base' | 'cl100k_base';

export function baseEncodingOf(name: EncodingName): BaseEncoding {
  return name === 'o200k_harmony' ? 'o200k_base' : name;
}

export type PieceCountingMode = 'ranks' | 'encode';

interface PieceCounter {
  pattern: RegExp;
  countPiece: (piece: string) => number;
  mode: PieceCountingMode;
  memo: TwoGenerationCache<number>;
}

// ~25k distinct pieces occur in 1 MB of mixed prose and code; the budget keeps a few such files' worth (a few MB).
const PIECE_MEMO_WEIGHT = 2_000_000;

const counters = new Map<BaseEncoding, PieceCounter>();

function counterFor(name: EncodingName): PieceCounter {
  const base = baseEncodingOf(name);
  let counter = counters.get(base);
  if (!counter) {
    counter = createCounter(base);
    counters.set(base, counter);
  }
  return counter;
}

function createCounter(base: BaseEncoding): PieceCounter {
  const encoder = getEncoder(base);
  const rankMap = internalRankMap(encoder);
  const memo = new TwoGenerationCache<number>(PIECE_MEMO_WEIGHT);
  const pattern = new RegExp(splitPattern(base), 'gu');
  if (!rankMap) {
    // A future js-tiktoken without the internal map: still exact, only slower (one `encode` per distinct piece; a
    // piece encoded alone splits into itself, since the pattern has no look-behind).
    return { pattern, memo, mode: 'encode', countPiece: (piece) => encoder.encode(piece, [], []).length };
  }
  const utf8 = new TextEncoder();
  // js-tiktoken keys its rank map by the token's bytes joined with commas.
  const rankOf: RankOf = (bytes, start, end) => {
    let key = String(bytes[start]);
    for (let k = start + 1; k < end; k++) key += ',' + bytes[k];
    return rankMap.get(key);
  };
  return { pattern, memo, mode: 'ranks', countPiece: (piece) => bytePairCount(utf8.encode(piece), rankOf) };
}

/** js-tiktoken's byte-sequence → rank map. Not public API, hence the shape check and the `encode` fallback. */
function internalRankMap(encoder: object): ReadonlyMap<string, number> | undefined {
  const candidate: unknown = (encoder as { rankMap?: unknown }).rankMap;
  if (!(candidate instanceof Map) || candidate.size === 0) return undefined;
  const [key, value] = candidate.entries().next().value as [unknown, unknown];
  return typeof key === 'string' && typeof value === 'number' ? (candidate as ReadonlyMap<string, number>) : undefined;
}

/** Exact token count of `text` as ordinary text. Loads the encoding's ranks on first use. */
export function countPieces(name: EncodingName, text: string): number {
  if (text.length === 0) return 0;
  const { pattern, memo, countPiece } = counterFor(name);
  pattern.lastIndex = 0;
  let total = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const piece = match[0];
    let count = memo.get(piece);
    if (count === undefined) {
      count = countPiece(piece);
      memo.set(piece, count);
    }
    total += count;
  }
  return total;
}

/** Whether counting merges pieces directly on the ranks (fast) or falls back to js-tiktoken's `encode`. */
export function pieceCountingMode(name: EncodingName): PieceCountingMode {
  return counterFor(name).mode;
}

export function clearPieceMemos(): void {
  for (const counter of counters.values()) counter.memo.clear();
}

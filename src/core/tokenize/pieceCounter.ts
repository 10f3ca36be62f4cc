// Exact token count of a text, without building token ids. tiktoken splits text into pieces with its pattern and
// byte-pair-merges each piece on its own, so the count is the sum over pieces; most pieces (words, indentation,
// punctuation) repeat, so each distinct piece is merged once and remembered. Equal to js-tiktoken's
// `encode(text, [], []).length` (special-token spellings count as ordinary text), which the tests check.
import { TwoGenerationCache } from './boundedCache';
import { bytePairCount } from './bytePairCount';
import type { EncodingName } from './encodings';
import { loadRankTable, utf8ByteString, type BaseEncoding, type RankTable } from './rankTable';

/** Encodings that split and merge ordinary text alike share one counter (harmony differs only in special tokens). */
export function baseEncodingOf(name: EncodingName): BaseEncoding {
  return name === 'o200k_harmony' ? 'o200k_base' : name;
}

interface PieceCounter {
  pattern: RegExp;
  table: RankTable;
  memo: TwoGenerationCache<number>;
}

// ~25k distinct pieces occur in 1 MB of mixed prose and code; the budget keeps a few such files' worth (a few MB).
const PIECE_MEMO_WEIGHT = 2_000_000;

const counters = new Map<BaseEncoding, PieceCounter>();

function counterFor(name: EncodingName): PieceCounter {
  const base = baseEncodingOf(name);
  let counter = counters.get(base);
  if (!counter) {
    const table = loadRankTable(base);
    counter = {
      table,
      pattern: new RegExp(table.pattern, 'gu'),
      memo: new TwoGenerationCache<number>(PIECE_MEMO_WEIGHT),
    };
    counters.set(base, counter);
  }
  return counter;
}

/** Exact token count of `text` as ordinary text. Loads the encoding's ranks on first use. */
export function countPieces(name: EncodingName, text: string): number {
  if (text.length === 0) return 0;
  const { pattern, memo, table } = counterFor(name);
  pattern.lastIndex = 0;
  let total = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const piece = match[0];
    let count = memo.get(piece);
    if (count === undefined) {
      count = bytePairCount(utf8ByteString(piece), table.ranks);
      memo.set(piece, count);
    }
    total += count;
  }
  return total;
}

/** Whether an encoding's ranks are loaded (activation and start-up should load none). */
export function isRankTableLoaded(name: EncodingName): boolean {
  return counters.has(baseEncodingOf(name));
}

export function clearPieceMemos(): void {
  for (const counter of counters.values()) counter.memo.clear();
}

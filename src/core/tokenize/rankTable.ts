// The merge ranks of an encoding, loaded on first use, in the one shape counting needs: token bytes → rank, the bytes
// written as a string with one character per byte (U+0000-U+00FF). An ASCII piece is then its own key, and a byte
// range of a piece is a `slice`. Parsing this directly takes about a third of the time of js-tiktoken's `Tiktoken`
// constructor, which also builds a decoding table that counting never uses.
import type { TiktokenBPE } from 'js-tiktoken/lite';

export type BaseEncoding = 'o200k_base' | 'cl100k_base';

export interface RankTable {
  /** tiktoken's split pattern (`pat_str`). */
  pattern: string;
  ranks: ReadonlyMap<string, number>;
}

// The one place the ranks modules are required: literal requires (not a computed path) so the bundler can rewrite each
// one to a lazily loaded file. encodings.ts (the js-tiktoken reference encoder) loads through here too.
export function loadRanks(name: BaseEncoding): TiktokenBPE {
  const mod = (
    name === 'o200k_base' ? require('js-tiktoken/ranks/o200k_base') : require('js-tiktoken/ranks/cl100k_base')
  ) as TiktokenBPE | { default: TiktokenBPE };
  return 'default' in mod ? mod.default : mod;
}

export function loadRankTable(name: BaseEncoding): RankTable {
  const source = loadRanks(name);
  const ranks = new Map<string, number>();
  // Lines of "<ignored> <first rank> <base64 token> <base64 token> …", ranks consecutive within a line.
  for (const line of source.bpe_ranks.split('\n')) {
    const fields = line.split(' ');
    if (fields.length < 3) continue;
    let rank = Number.parseInt(fields[1]!, 10);
    for (let k = 2; k < fields.length; k++, rank++) ranks.set(atob(fields[k]!), rank);
  }
  return { pattern: source.pat_str, ranks };
}

const ASCII = /^[\x00-\x7f]*$/;
const utf8 = new TextEncoder();

/** The UTF-8 bytes of `text`, one character per byte (lone surrogates become U+FFFD, as in TextEncoder). */
export function utf8ByteString(text: string): string {
  if (ASCII.test(text)) return text;
  const bytes = utf8.encode(text);
  // `apply` with a typed array, not a spread (which walks an iterator): several times faster on megabyte pieces.
  const parts: string[] = [];
  for (let k = 0; k < bytes.length; k += 8192)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(k, k + 8192) as unknown as number[]));
  return parts.join('');
}

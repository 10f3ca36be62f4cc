// Exact Gemma 3 / Gemini token counts of plain text, equal to the reference tokenizer's
// `encode(text, { add_special_tokens: false }).length` (no <bos>: Google's SDK counts text without it). The text is cut
// at its added tokens (every line break is one, so are runs of line breaks, HTML tags and control-token spellings),
// each counting one token; the words between them are normalised (space → ▁) and counted by BPE, memoised by word so
// a recount after an edit only counts the edited line.
import { TwoGenerationCache } from '../boundedCache';
import { countBpeWord } from './bpeCount';
import { loadGemmaModel, type AddedTokenTrie, type GemmaModel } from './gemmaData';

const WORD_MEMO_WEIGHT = 8_000_000;
const MEMO_FROM_LENGTH = 8;
const memo = new TwoGenerationCache<number>(WORD_MEMO_WEIGHT);

export function countGemmaTokens(text: string): number {
  const model = loadGemmaModel();
  let total = 0;
  let wordStart = 0;
  let i = 0;
  while (i < text.length) {
    const end = addedTokenEnd(model.added, text, i);
    if (end === i) {
      i++;
      continue;
    }
    if (i > wordStart) total += countWord(text.slice(wordStart, i), model);
    total++;
    i = wordStart = end;
  }
  if (text.length > wordStart) total += countWord(text.slice(wordStart), model);
  return total;
}

/** Forget memoised word counts (benchmarks measure cold counts). */
export function clearGemmaMemo(): void {
  memo.clear();
}

/** The end of the longest added token starting at `at`, or `at` when none does. */
function addedTokenEnd(root: AddedTokenTrie, text: string, at: number): number {
  let node = root.children.get(text.charCodeAt(at));
  let end = at;
  for (let k = at + 1; node; k++) {
    if (node.end) end = k;
    if (k >= text.length) break;
    node = node.children.get(text.charCodeAt(k));
  }
  return end;
}

function countWord(word: string, model: GemmaModel): number {
  if (word.length < MEMO_FROM_LENGTH) return countBpeWord(word.replaceAll(' ', '\u2581'), model);
  let count = memo.get(word);
  if (count === undefined) {
    count = countBpeWord(word.replaceAll(' ', '\u2581'), model);
    memo.set(word, count);
  }
  return count;
}

// Independent references for exactness tests: js-tiktoken's full `encode` and gpt-tokenizer (a second implementation
// with its own ranks files and merge code). Special-token spellings are ordinary text in both.
import * as fs from 'fs';
import * as path from 'path';
import * as gptCl100k from 'gpt-tokenizer/cjs/encoding/cl100k_base';
import * as gptHarmony from 'gpt-tokenizer/cjs/encoding/o200k_harmony';
import * as gptO200k from 'gpt-tokenizer/cjs/encoding/o200k_base';
import { getEncoder, type EncodingName } from '../../../src/core/tokenize/encodings';

const NO_SPECIAL = { disallowedSpecial: new Set<string>() };
const GPT = { o200k_base: gptO200k, cl100k_base: gptCl100k, o200k_harmony: gptHarmony } as const;

/** js-tiktoken, whole text at once. Harmony uses o200k_base's encoder: same ranks and pattern, no second 126 MB. */
export function tiktokenCount(name: EncodingName, text: string): number {
  return getEncoder(name === 'o200k_harmony' ? 'o200k_base' : name).encode(text, [], []).length;
}

export function gptTokenizerCount(name: EncodingName, text: string): number {
  return GPT[name].countTokens(text, NO_SPECIAL);
}

/**
 * Whether gpt-tokenizer can serve as a reference for `text`. It handles lone surrogates its own way, and it counts
 * U+FEFF as 2 tokens where OpenAI's tiktoken (checked with the Python package on the same ranks) and js-tiktoken
 * give 1: its rank table keys tokens by decoded text, and UTF-8 decoding drops a leading BOM.
 */
export function gptTokenizerAgrees(text: string): boolean {
  return !/[\p{Surrogate}\ufeff]/u.test(text);
}

/** Every file of the real-world corpus at `root` (see repoRoot.sharedRealworld), sorted by path. */
export function realworldFiles(root: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ name: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

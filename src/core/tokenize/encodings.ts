// js-tiktoken's encoders, built on first use: the reference that Burnrate's own counting (rankTable.ts,
// bytePairCount.ts) is checked against in tests and the bench, and the source of token ids where ids are needed.
// Counting itself never builds them (js-tiktoken's o200k encoder holds ~63 MB of heap).
import { Tiktoken } from 'js-tiktoken/lite';
import { loadRanks } from './rankTable';

export type EncodingName = 'o200k_base' | 'cl100k_base' | 'o200k_harmony';

export const ENCODING_NAMES: readonly EncodingName[] = ['o200k_base', 'cl100k_base', 'o200k_harmony'];

// js-tiktoken 1.0.21 ships no o200k_harmony ranks. Harmony is o200k_base's ranks and split pattern plus the harmony
// chat format's special tokens (ids from openai/tiktoken's `o200k_harmony` definition), so plain text encodes to the
// same ids.
const HARMONY_SPECIAL_TOKENS: Record<string, number> = {
  '<|startoftext|>': 199998,
  '<|endoftext|>': 199999,
  '<|return|>': 200002,
  '<|constrain|>': 200003,
  '<|channel|>': 200005,
  '<|start|>': 200006,
  '<|end|>': 200007,
  '<|message|>': 200008,
  '<|call|>': 200012,
  '<|endofprompt|>': 200018,
};

const loaded = new Map<EncodingName, Tiktoken>();

export function isEncodingLoaded(name: EncodingName): boolean {
  return loaded.has(name);
}

export function getEncoder(name: EncodingName): Tiktoken {
  let encoder = loaded.get(name);
  if (!encoder) {
    encoder =
      name === 'o200k_harmony'
        ? new Tiktoken(loadRanks('o200k_base'), HARMONY_SPECIAL_TOKENS)
        : new Tiktoken(loadRanks(name));
    loaded.set(name, encoder);
  }
  return encoder;
}

/** The regex tiktoken uses to split text into pieces before merging (tests check the safe cuts against it). */
export function splitPattern(name: EncodingName): string {
  return loadRanks(name === 'o200k_harmony' ? 'o200k_base' : name).pat_str;
}

/**
 * Token ids of `text` as ordinary text: special-token spellings such as `<|endoftext|>` that appear in a prompt file
 * are counted as the characters they are, never as control tokens (and never as an exception, which is
 * js-tiktoken's default).
 */
export function encodeOrdinary(name: EncodingName, text: string): number[] {
  return getEncoder(name).encode(text, [], []);
}

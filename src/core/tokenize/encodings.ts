// Exact BPE encoders, loaded on first use. Each ranks module is megabytes of data (o200k holds ~126 MB of heap once
// parsed), so nothing here runs at import time: activation and CLI start-up pay for an encoding only when a file
// that needs it is counted.
import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';

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

// Literal requires (not a computed path) so the bundler can rewrite each one to a lazily loaded file.
function loadRanks(name: 'o200k_base' | 'cl100k_base'): TiktokenBPE {
  switch (name) {
    case 'o200k_base':
      return require('js-tiktoken/ranks/o200k_base') as TiktokenBPE;
    case 'cl100k_base':
      return require('js-tiktoken/ranks/cl100k_base') as TiktokenBPE;
  }
}

const loaded = new Map<EncodingName, Tiktoken>();

export function isEncodingLoaded(name: EncodingName): boolean {
  return loaded.has(name);
}

export function getEncoder(name: EncodingName): Tiktoken {
  let encoder = loaded.get(name);
  if (!encoder) {
    encoder =
      name === 'o200k_harmony'
        ? new Tiktoken(unwrapDefault(loadRanks('o200k_base')), HARMONY_SPECIAL_TOKENS)
        : new Tiktoken(unwrapDefault(loadRanks(name)));
    loaded.set(name, encoder);
  }
  return encoder;
}

/** The regex tiktoken uses to split text into pieces before merging; exported for incremental counting. */
export function splitPattern(name: EncodingName): string {
  const ranks = unwrapDefault(loadRanks(name === 'o200k_harmony' ? 'o200k_base' : name));
  return ranks.pat_str;
}

function unwrapDefault(mod: TiktokenBPE | { default: TiktokenBPE }): TiktokenBPE {
  return 'default' in mod ? mod.default : mod;
}

/**
 * Token ids of `text` as ordinary text: special-token spellings such as `<|endoftext|>` that appear in a prompt file
 * are counted as the characters they are, never as control tokens (and never as an exception, which is
 * js-tiktoken's default).
 */
export function encodeOrdinary(name: EncodingName, text: string): number[] {
  return getEncoder(name).encode(text, [], []);
}

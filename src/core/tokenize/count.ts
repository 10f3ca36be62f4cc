import { countEncodingTokens } from './chunked';
import { contentMix } from './contentMix';
import type { TokenizerProfile } from './families';
import { countGemmaTokens } from './sentencepiece/gemmaCount';

export interface TokenCount {
  tokens: number;
  exact: boolean;
  /** Relative error band (0.15 = ±15%); 0 when exact. */
  band: number;
}

/** Count `text` for a model family: exact for OpenAI encodings and offline tokenizers, a banded estimate elsewhere. */
export function countTokens(text: string, profile: TokenizerProfile): TokenCount {
  if (text.length === 0) return { tokens: 0, exact: profile.exact, band: profile.band };
  if (profile.tokenizer === 'gemma3') return { tokens: countGemmaTokens(text), exact: true, band: 0 };
  return scaleCount(countEncodingTokens(profile.encoding, text), profile, text);
}

/** Turn an exact encoding count of `text` into the profile's count (identity for exact profiles). */
export function scaleCount(encodingTokens: number, profile: TokenizerProfile, text: string): TokenCount {
  if (profile.exact) return { tokens: encodingTokens, exact: true, band: 0 };
  return { tokens: Math.round(encodingTokens * factorFor(text, profile)), exact: false, band: profile.band };
}

/** The profile's factor for `text`: its per-kind factors blended by the text's mix of prose, code and markup. */
export function factorFor(text: string, profile: TokenizerProfile): number {
  const factors = profile.factors;
  if (!factors) return profile.factor;
  const mix = contentMix(text);
  return mix.prose * factors.prose + mix.code * factors.code + mix.markup * factors.markup;
}

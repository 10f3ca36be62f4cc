import { countEncodingTokens } from './chunked';
import type { TokenizerProfile } from './families';

export interface TokenCount {
  tokens: number;
  exact: boolean;
  /** Relative error band (0.15 = ±15%); 0 when exact. */
  band: number;
}

/** Count `text` for a model family: exact for OpenAI encodings, a banded estimate elsewhere. */
export function countTokens(text: string, profile: TokenizerProfile): TokenCount {
  if (text.length === 0) return { tokens: 0, exact: profile.exact, band: profile.band };
  return scaleCount(countEncodingTokens(profile.encoding, text), profile);
}

/** Turn an exact encoding count into the profile's count (identity for exact profiles). */
export function scaleCount(encodingTokens: number, profile: TokenizerProfile): TokenCount {
  if (profile.exact) return { tokens: encodingTokens, exact: true, band: 0 };
  return { tokens: Math.round(encodingTokens * profile.factor), exact: false, band: profile.band };
}

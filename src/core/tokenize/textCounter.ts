import type { LineRange } from '../types';
import { countTokens, type TokenCount } from './count';
import type { TokenizerProfile } from './families';

/**
 * Counts a piece of a file's text. The estimate passes the lines the text came from, so a counter that holds the
 * whole document (the editor's) can answer from what it already counted instead of encoding the text again.
 */
export interface TextCounter {
  count(text: string, profile: TokenizerProfile, range?: LineRange): TokenCount;
}

export const plainCounter: TextCounter = {
  count: (text, profile) => countTokens(text, profile),
};

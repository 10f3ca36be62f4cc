// Exact token counts a vendor's counting endpoint returned, kept by content hash (the text itself is never stored),
// and the counter that answers from them: a text the user has checked is shown exact instead of estimated.
import { createHash } from 'crypto';
import type { TextCounter } from '../tokenize/textCounter';

export const EXACT_COUNTS_VERSION = 1;
const MAX_ENTRIES = 100_000;

/** Hash of a text under one tokenizer family → its exact token count. */
export type ExactCounts = Map<string, number>;

export function exactCountKey(family: string, text: string): string {
  return createHash('sha256').update(family).update('\0').update(text).digest('hex');
}

/** Counts from the endpoint where a text has one; everything else from `inner`. */
export function exactCountsCounter(counts: ExactCounts, inner: TextCounter): TextCounter {
  return {
    count(text, profile, range) {
      if (!profile.exact && counts.size > 0) {
        const exact = counts.get(exactCountKey(profile.family, text));
        if (exact !== undefined) return { tokens: exact, exact: true, band: 0 };
      }
      return inner.count(text, profile, range);
    },
  };
}

/** The cache file's text. */
export function serializeExactCounts(counts: ExactCounts): string {
  return JSON.stringify({ version: EXACT_COUNTS_VERSION, counts: Object.fromEntries(counts) }) + '\n';
}

/** A cache file read back: malformed or foreign content gives an empty cache and a message, never an exception. */
export function parseExactCounts(text: string): { counts: ExactCounts; problem?: string } {
  const counts: ExactCounts = new Map();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { counts, problem: 'the exact-count cache is not JSON; it is ignored' };
  }
  const body = data as { version?: unknown; counts?: unknown };
  if (!body || body.version !== EXACT_COUNTS_VERSION || typeof body.counts !== 'object' || body.counts === null) {
    return { counts, problem: `the exact-count cache is not version ${EXACT_COUNTS_VERSION}; it is ignored` };
  }
  for (const [key, value] of Object.entries(body.counts)) {
    if (counts.size >= MAX_ENTRIES) break;
    if (/^[0-9a-f]{64}$/.test(key) && Number.isSafeInteger(value) && (value as number) >= 0)
      counts.set(key, value as number);
  }
  return { counts };
}

// The largest value each number a repository, usage file, setting or flag can set is taken at (see
// estimate/bounds.ts for how a value past its bound is reported). Far above any real use — the largest context
// windows hold ~2M tokens, the dearest models cost a few hundred dollars per million tokens, a month has at most 744
// hours — so no honest estimate meets them; with every input within them every figure stays finite.
export const LIMITS = {
  /** Turns in one session (maxTurns, max_iter, turns). */
  turns: 10_000,
  /** Calls, requests or sessions a day. */
  callsPerDay: 100_000_000,
  /** Output tokens per call, expected or declared as the limit. */
  outputTokens: 10_000_000,
  /** New user tokens per turn. */
  userTokensPerTurn: 10_000_000,
  /** Hours in a month (31 × 24). */
  monthHours: 744,
  /** A tokenizer family's factor over the exact encoding's count. */
  tokenizerFactor: 10,
  /** Sessions one simulation draws per scenario and preset (memory and time grow with them). */
  sessions: 1_000_000,
  /** USD per million tokens in a price override. */
  ratePerMTok: 100_000,
  /** Bytes in one line of a streamed log: the longest real lines (a coding agent's turn with pasted screenshots, base64)
   * run to a few MB; a longer line is skipped as malformed instead of held (a file with no newline would be one line). */
  lineBytes: 32 * 1024 * 1024,
} as const;

// Fits a workspace's Claude factors from exact counts: each distinct Claude-counted text is counted once by the
// endpoint (cached by content hash), and per tokenizer family the factor is Σ exact / Σ o200k over those texts.
import { countEncodingTokens } from '../tokenize/chunked';
import { exactCountKey, type ExactCounts } from './exactCounts';
import { messageFraming, type MessageCounter } from './anthropicCountTokens';

/** Requests one run sends at most (the endpoint is rate-limited); the rest wait for the next run. */
export const DEFAULT_MAX_REQUESTS = 200;

export interface ClaudeText {
  family: string;
  /** The model the text is priced on: the endpoint counts with it. */
  model: string;
  text: string;
}

export interface FamilyFit {
  family: string;
  texts: number;
  o200kTokens: number;
  exactTokens: number;
  /** exact / o200k: the factor that makes this workspace's estimates exact on average. */
  factor: number;
}

export interface Calibration {
  fits: FamilyFit[];
  requested: number;
  fromCache: number;
  /** Texts left uncounted because the request limit was reached. */
  leftOver: number;
  /** Why counting stopped early (an HTTP error, a network failure), when it did. */
  stopped?: string;
}

export async function calibrateClaude(
  texts: readonly ClaudeText[],
  counter: MessageCounter,
  counts: ExactCounts,
  maxRequests: number,
): Promise<Calibration> {
  const distinct = new Map<string, ClaudeText>();
  for (const t of texts) if (t.text.length > 0) distinct.set(exactCountKey(t.family, t.text), t);
  const framing = new Map<string, number>();
  let requested = 0;
  let fromCache = 0;
  let leftOver = 0;
  let stopped: string | undefined;
  for (const [key, t] of distinct) {
    if (counts.has(key)) {
      fromCache++;
      continue;
    }
    if (stopped !== undefined || requested >= maxRequests) {
      leftOver++;
      continue;
    }
    try {
      let frame = framing.get(t.model);
      if (frame === undefined) {
        frame = await messageFraming(counter, t.model);
        framing.set(t.model, frame);
        requested++;
      }
      const total = await counter(t.model, t.text);
      requested++;
      counts.set(key, Math.max(0, total - frame));
    } catch (error) {
      stopped = error instanceof Error ? error.message : String(error);
      leftOver++;
    }
  }
  const byFamily = new Map<string, FamilyFit>();
  for (const [key, t] of distinct) {
    const exact = counts.get(key);
    if (exact === undefined) continue;
    const fit = byFamily.get(t.family) ?? { family: t.family, texts: 0, o200kTokens: 0, exactTokens: 0, factor: 0 };
    fit.texts++;
    fit.o200kTokens += countEncodingTokens('o200k_base', t.text);
    fit.exactTokens += exact;
    byFamily.set(t.family, fit);
  }
  const fits = [...byFamily.values()].map((f) => ({
    ...f,
    factor: f.o200kTokens > 0 ? f.exactTokens / f.o200kTokens : 0,
  }));
  const result: Calibration = { fits, requested, fromCache, leftOver };
  if (stopped !== undefined) result.stopped = stopped;
  return result;
}

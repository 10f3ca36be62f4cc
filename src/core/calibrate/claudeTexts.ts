// The texts of one file that the estimate counts for a Claude tokenizer family (parts and sections), with the model
// each is priced on: what `burnrate calibrate --claude` and "Burnrate: Check Claude Counts" send to count_tokens.
// Found by running the estimate itself with a recording counter, so they are exactly the texts the cache is asked for.
import type { ClaudeText } from './calibrateClaude';
import { estimateSource, type SourceOptions } from '../estimate/estimateSource';
import { plainCounter, type TextCounter } from '../tokenize/textCounter';

export function claudeTextsOf(
  shownPath: string,
  bytes: Uint8Array | string,
  options: Omit<SourceOptions, 'counter'>,
): ClaudeText[] {
  const seen: { family: string; text: string }[] = [];
  const recorder: TextCounter = {
    count(text, profile, range) {
      if (profile.family.startsWith('claude')) seen.push({ family: profile.family, text });
      return plainCounter.count(text, profile, range);
    },
  };
  const result = estimateSource(shownPath, bytes, { ...options, counter: recorder });
  if (!result.ok) return [];
  const models = new Map(
    result.estimate.units.map((u) => [u.tokenizer.family, u.pricing.ok ? u.pricing.rates.modelId : u.model.value]),
  );
  return seen.map((s) => ({ ...s, model: models.get(s.family) ?? s.family }));
}

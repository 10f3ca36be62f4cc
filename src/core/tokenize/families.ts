// Which tokenizer a model family uses, and, where no exact offline tokenizer exists, how we estimate.
// Estimates are an exact OpenAI encoding's count times a factor, shown with a relative error band. The figures are
// data, not code: users override them in settings or `.burnrate.yaml` (`tokenizer:` block).
import { LIMITS } from '../limits';
import type { EncodingName } from './encodings';

export interface TokenizerProfile {
  /** Family id, e.g. "openai-o200k", "claude", "gemini". */
  family: string;
  encoding: EncodingName;
  exact: boolean;
  /** Multiplier applied to the encoding's count; 1 when exact. */
  factor: number;
  /** Relative error band of the estimate (0.15 = ±15%); 0 when exact. */
  band: number;
  /** Why these figures: shown in breakdowns. */
  basis: string;
}

export type ProfileOverride = Partial<Pick<TokenizerProfile, 'factor' | 'band'>>;

const OPENAI_BASIS = 'exact: same ids as OpenAI tiktoken';

export const BUILTIN_PROFILES: Readonly<Record<string, TokenizerProfile>> = {
  'openai-o200k': { family: 'openai-o200k', encoding: 'o200k_base', exact: true, factor: 1, band: 0, basis: OPENAI_BASIS },
  'openai-cl100k': { family: 'openai-cl100k', encoding: 'cl100k_base', exact: true, factor: 1, band: 0, basis: OPENAI_BASIS },
  'openai-harmony': { family: 'openai-harmony', encoding: 'o200k_harmony', exact: true, factor: 1, band: 0, basis: OPENAI_BASIS },
  // Published comparisons of Claude 3.5 against GPT-4o's o200k tokenizer: ~16% more tokens on English prose, ~21% on
  // math, ~30% on Python. Centre 1.20; ±15% covers 1.02-1.38, i.e. every published content type. Anthropic's own
  // count_tokens endpoint is the exact figure (network, API key), which Burnrate does not call by default.
  claude: {
    family: 'claude',
    encoding: 'o200k_base',
    exact: false,
    factor: 1.2,
    band: 0.15,
    basis: 'estimate: o200k_base × 1.20 (Claude 3.5 vs GPT-4o: +16% English, +21% math, +30% Python)',
  },
  // Claude Opus 4.7 moved to a new tokenizer that produces 1.0-1.35x the tokens of 4.6 on the same text (Anthropic's
  // 4.7 release notes). Centre 1.20 × 1.175 ≈ 1.41, with a wider band for the wider spread.
  'claude-2026': {
    family: 'claude-2026',
    encoding: 'o200k_base',
    exact: false,
    factor: 1.41,
    band: 0.2,
    basis: 'estimate: o200k_base × 1.41 (Claude tokenizer from Opus 4.7 on: 1.0-1.35x of 4.6)',
  },
  // Gemini counts with the Gemma 3 SentencePiece model (262k vocabulary, close to o200k's size); no JS port exists and
  // no published o200k comparison, hence factor 1 and a wide band.
  gemini: {
    family: 'gemini',
    encoding: 'o200k_base',
    exact: false,
    factor: 1,
    band: 0.2,
    basis: 'estimate: o200k_base × 1.00 (Gemma 3 SentencePiece, 262k vocab; no offline JS tokenizer)',
  },
  other: {
    family: 'other',
    encoding: 'o200k_base',
    exact: false,
    factor: 1.1,
    band: 0.25,
    basis: 'estimate: o200k_base × 1.10 (tokenizer unknown offline; smaller vocabularies give more tokens)',
  },
};

/** The tokenizer profile for a priced model id (e.g. "gpt-4o", "claude-sonnet-4-5", "gemini-2.5-pro"). */
export function profileForModel(modelId: string, overrides: Readonly<Record<string, ProfileOverride>> = {}): TokenizerProfile {
  const base = BUILTIN_PROFILES[familyOf(modelId)] ?? BUILTIN_PROFILES.other!;
  const override = overrides[base.family];
  if (!override || base.exact) return base;
  // Usage files and settings report factors past the bound; here one is never taken past it whatever the caller.
  const wanted = override.factor ?? base.factor;
  const factor = Number.isFinite(wanted) && wanted > 0 ? Math.min(wanted, LIMITS.tokenizerFactor) : base.factor;
  const band = override.band ?? base.band;
  return { ...base, factor, band, basis: `estimate: ${base.encoding} × ${factor.toFixed(2)} (your override)` };
}

export function familyOf(modelId: string): string {
  // Fine-tunes keep their base model's tokenizer: "ft:gpt-4.1-mini:acme:v3".
  const id = modelId.toLowerCase().replace(/^.*\//, '').replace(/^ft:/, '');
  if (/^gpt-oss/.test(id)) return 'openai-harmony';
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-6|o1|o3|o4|chatgpt-4o|codex|gpt-realtime|gpt-audio|gpt-chat)/.test(id)) return 'openai-o200k';
  if (/^(gpt-4|gpt-3\.5|gpt-35|text-embedding)/.test(id)) return 'openai-cl100k';
  if (/claude/.test(id)) return /claude-(opus-4-[7-9]|opus-[5-9]|sonnet-[5-9]|haiku-[5-9]|fable)/.test(id) ? 'claude-2026' : 'claude';
  if (/gemini|gemma/.test(id)) return 'gemini';
  return 'other';
}

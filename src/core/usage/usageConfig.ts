// The assumptions that turn token counts into money: which model, how many calls a day, how long the answers are.
// They come from `.burnrate.yaml` (this module's types) and from editor settings / CLI flags (same shape).
import type { AliasOverride } from '../pricing/aliases';
import type { PriceOverride } from '../pricing/overrides';
import type { RuntimeOverrides } from '../runtimes/overrides';
import type { ServiceTier } from '../pricing/serviceTiers';
import type { ProfileOverride } from '../tokenize/families';

export interface UsageDefaults {
  model?: string;
  /** Calls per day for a prompt; for always-on context, requests per day that carry it. For agents, sessions per day. */
  callsPerDay?: number;
  /** Expected output tokens per call. */
  outputTokens?: number;
  /** Expected turns per session for multi-turn units (capped by the file's maxTurns / max_iter). */
  turns?: number;
  /** New user-message tokens per turn after the first, for the carry calculation. */
  userTokensPerTurn?: number;
  /** Tokens of each tool result an agent session carries into its next call (agent files run by a runtime). */
  toolResultTokens?: number;
  /** Service tier the calls run on (batch, flex, priority multiply the standard rates; see pricing/serviceTiers.ts). */
  serviceTier?: ServiceTier;
  /** Tokens counted for each value in a source-code prompt that is only known at run time (`${name}`, `{name}`). */
  placeholderTokens?: number;
}

export interface UsageOverride extends UsageDefaults {
  /** Glob of workspace-relative paths this override applies to. */
  files: string;
  /** Line in the usage file (zero-based), for "why this value". */
  line?: number;
}

export interface UsageConfig {
  defaults: UsageDefaults;
  overrides: UsageOverride[];
  prices: PriceOverride[];
  /** `aliases:` — the user's own mapping of names such as `haiku` to a model, replacing the bundled alias table. */
  aliases?: AliasOverride[];
  /** `priceData:` — a genai-prices data file the repository pins, relative to the usage file's folder. */
  priceData?: { path: string; line?: number };
  tokenizer: Record<string, ProfileOverride>;
  /** Hours in a month for projections; 730 (365 × 24 / 12) unless set. */
  monthHours?: number;
  /** `runtimes:` — which agent runtimes the workspace uses and the user's figures for them. */
  runtimes?: RuntimeOverrides;
  /** `sources:` — globs of source files whose SDK calls are priced (read without `--source`). */
  sources?: string[];
  /** The raw `scenarios:` object, parsed by the simulation module. */
  scenarios?: unknown;
}

export const EMPTY_USAGE: UsageConfig = { defaults: {}, overrides: [], prices: [], tokenizer: {} };

export const USAGE_FILE_NAME = '.burnrate.yaml';

/** Built-in defaults: used only when neither flags, the file, the usage file nor settings say anything. */
export const BUILTIN_DEFAULTS = {
  // The current Sonnet with a price in the bundled data (claude-sonnet-5-5, what Claude Code's `sonnet` runs, has none
  // there yet). Units priced on it are marked as assumed.
  model: 'claude-sonnet-5',
  callsPerDay: 1000,
  outputTokens: 500,
  turns: 3,
  userTokensPerTurn: 100,
  // The simulation's default tool result (src/core/simulate); one per call after the first in an agent session.
  toolResultTokens: 500,
  serviceTier: 'standard' as ServiceTier,
  // A guess for a value filled in at run time (a name, a short user question): about one sentence.
  placeholderTokens: 20,
  monthHours: 730,
} as const;

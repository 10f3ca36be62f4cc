// The `.burnrate.yaml` written by "Burnrate: Open or Create Usage File": every setting present, most commented out,
// each with what it changes. It must parse without a single warning (a unit test checks).
import { priceDataLine } from '../pricing/freshness';
import { BUILTIN_DEFAULTS } from '../usage/usageConfig';

export function usageFileTemplate(): string {
  return `# Burnrate usage assumptions: how prompt files in this workspace are used, so token counts become money.
# Precedence, highest first: an editor command / CLI flag, a file's own \`burnrate:\` frontmatter, the format's own
# model field, overrides below (later entries win), defaults below, editor settings, built-in defaults.

defaults:
  # Model used when a file names none. Any name the price data knows: claude-sonnet-4-5, gpt-4.1-mini, gemini-2.5-flash…
  model: ${BUILTIN_DEFAULTS.model}
  # Calls a day per prompt (sessions a day for multi-turn agents, requests a day for always-on context such as CLAUDE.md).
  callsPerDay: ${BUILTIN_DEFAULTS.callsPerDay}
  # Expected output tokens per call (capped by a file's declared output limit).
  outputTokens: ${BUILTIN_DEFAULTS.outputTokens}
  # Expected turns per session for agents that declare maxTurns / max_iter (capped by that limit).
  # turns: ${BUILTIN_DEFAULTS.turns}
  # New user tokens per turn after the first (for the context-window carry of multi-turn sessions).
  # userTokensPerTurn: ${BUILTIN_DEFAULTS.userTokensPerTurn}

# Per-folder assumptions: workspace-relative globs; later entries win.
overrides: []
#  - files: ".github/prompts/**"
#    callsPerDay: 50
#  - files: "support/**"
#    model: gpt-4.1-mini
#    callsPerDay: 20000

# Your own prices (USD per million tokens): models missing from the bundled data (fine-tunes, private deployments)
# or negotiated rates. Prices in use: ${priceDataLine()}.
prices: []
#  - model: my-finetune
#    inputPerMTok: 1.00
#    outputPerMTok: 4.00
#    cacheReadPerMTok: 0.10
#    provider: openai
#    aliases: [ft-support]

# Token estimates for models without an exact offline tokenizer: o200k count × factor, shown with ± band.
# tokenizer:
#   claude: { factor: 1.2, band: 0.15 }

# Hours in a month for monthly figures (730 = 365 × 24 / 12).
# month:
#   hours: 730
`;
}

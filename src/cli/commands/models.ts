import { listProviderModels, PROVIDER_IDS, providerIds } from '../../core/pricing/catalog';
import { priceDataJson, priceDataLine, staleNotice } from '../../core/pricing/freshness';
import type { RateCard } from '../../core/pricing/rateCard';
import { profileForModel } from '../../core/tokenize/families';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_OK, UsageError } from '../command';
import { renderTable } from '../table';
import { priceDataFor, PRICES_FLAG } from '../priceData';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';
import { overrideRateCard } from '../../core/pricing/overrides';

const MAIN_PROVIDERS = ['anthropic', 'openai', 'google', 'mistral', 'deepseek', 'x-ai'];

const FLAGS = {
  provider: {
    type: 'string',
    value: 'ID',
    help: 'only this provider (e.g. anthropic, openai, google, aws, openrouter); "all" for every provider',
  },
  search: { type: 'string', value: 'TEXT', help: 'only models whose id contains TEXT' },
  prices: PRICES_FLAG,
  json: { type: 'boolean', help: 'print JSON' },
} as const satisfies FlagTable;

export const modelsCommand = defineCommand({
  name: 'models',
  summary: 'known models with their rates and the price data date',
  usage: 'burnrate models [options]',
  description: `Lists priced models with their rates (USD per million tokens), the tokenizer used to count for them, and the date of
the price data. Your own prices from .burnrate.yaml (prices:) are listed first.`,
  flags: FLAGS,
  footer: `Default providers: ${MAIN_PROVIDERS.join(', ')}. All providers: ${PROVIDER_IDS.join(', ')}.`,
  async run({ flags, positionals }, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const root = findWorkspaceRoot(io.cwd);
    const usage = loadUsageFile(root);
    const choice = priceDataFor(flags.prices, io.cwd, usage, root);
    for (const warning of choice.warnings) io.err(`warning: ${warning}\n`);
    const known = providerIds();
    const provider = flags.provider;
    if (provider && provider !== 'all' && !known.includes(provider)) {
      throw new UsageError(`unknown provider "${provider}" (known: ${known.join(', ')})`);
    }
    const providers = provider === 'all' ? [...known] : provider ? [provider] : MAIN_PROVIDERS;
    const search = flags.search?.toLowerCase();
    const own = usage.config.prices.map(overrideRateCard);
    const cards = [...own, ...providers.flatMap((p) => listProviderModels(p))].filter(
      (c) => !search || c.modelId.toLowerCase().includes(search),
    );

    if (flags.json) {
      io.out(
        JSON.stringify(
          {
            priceData: priceDataJson(choice.info),
            warnings: choice.warnings,
            models: cards.map((c) => ({ ...c, tokenizer: profileForModel(c.modelId).family })),
          },
          null,
          2,
        ) + '\n',
      );
      return EXIT_OK;
    }
    io.out(
      renderTable(
        [
          { title: 'provider' },
          { title: 'model' },
          { title: 'in $/M', align: 'right' },
          { title: 'out $/M', align: 'right' },
          { title: 'cache read', align: 'right' },
          { title: 'cache write', align: 'right' },
          { title: 'long context' },
          { title: 'tokens' },
        ],
        cards.map(row),
      ),
    );
    io.out(`\n${cards.length} models. Prices: ${priceDataLine(choice.info)}.\n`);
    io.out(
      `Price data in use: ${choice.info.kind} — ${choice.info.source} (date is the ${choice.info.dateBasis}). Never updated automatically; "burnrate prices update" fetches the newest.\n`,
    );
    const notice = staleNotice(choice.info);
    if (notice) io.out(`${notice}\n`);
    io.out(
      'tokens: "exact" = OpenAI tiktoken encoding or the Gemma 3 tokenizer (gemma3); "≈ ±N%" = estimated from o200k_base with a per-family factor.\n',
    );
    return EXIT_OK;
  },
});

function row(card: RateCard): string[] {
  const profile = profileForModel(card.modelId);
  const rate = (v: number | undefined) => (v === undefined ? '—' : String(+v.toFixed(4)));
  return [
    card.providerId,
    card.modelId,
    rate(card.inputPerMTok),
    rate(card.outputPerMTok),
    rate(card.cacheReadPerMTok),
    card.cacheWrite1hPerMTok !== undefined
      ? `${rate(card.cacheWritePerMTok)} / ${rate(card.cacheWrite1hPerMTok)} 1h`
      : rate(card.cacheWritePerMTok),
    card.longContext
      ? `>${card.longContext.aboveInputTokens / 1000}k: ${card.longContext.inputPerMTok}/${card.longContext.outputPerMTok}`
      : '',
    profile.exact ? `exact ${profile.tokenizer ?? profile.encoding}` : `≈ ±${Math.round(profile.band * 100)}%`,
  ];
}

import { listProviderModels, PRICE_DATA, PROVIDER_IDS } from '../../core/pricing/catalog';
import type { RateCard } from '../../core/pricing/rateCard';
import { profileForModel } from '../../core/tokenize/families';
import { parseArgs } from '../args';
import { EXIT_OK, UsageError, type Command } from '../command';
import { renderTable } from '../table';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';
import { overrideRateCard } from '../../core/pricing/overrides';

const MAIN_PROVIDERS = ['anthropic', 'openai', 'google', 'mistral', 'deepseek', 'x-ai'];

const HELP = `Usage: burnrate models [options]

Lists priced models with their rates (USD per million tokens), the tokenizer used to count for them, and the date of
the price data. Your own prices from .burnrate.yaml (prices:) are listed first.

Options:
  --provider ID   only this provider (e.g. anthropic, openai, google, aws, openrouter); "all" for every provider
  --search TEXT   only models whose id contains TEXT
  --json          print JSON
  --help          show this help

Default providers: ${MAIN_PROVIDERS.join(', ')}. All providers: ${PROVIDER_IDS.join(', ')}.
`;

export const modelsCommand: Command = {
  name: 'models',
  summary: 'known models with their rates and the price data date',
  help: HELP,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'provider', kind: 'string' },
      { name: 'search', kind: 'string' },
      { name: 'json', kind: 'boolean' },
    ]);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const provider = flags.get('provider') as string | undefined;
    if (provider && provider !== 'all' && !(PROVIDER_IDS as readonly string[]).includes(provider)) {
      throw new UsageError(`unknown provider "${provider}" (known: ${PROVIDER_IDS.join(', ')})`);
    }
    const providers = provider === 'all' ? [...PROVIDER_IDS] : provider ? [provider] : MAIN_PROVIDERS;
    const search = (flags.get('search') as string | undefined)?.toLowerCase();
    const usage = loadUsageFile(findWorkspaceRoot(io.cwd));
    const own = usage.config.prices.map(overrideRateCard);
    const cards = [...own, ...providers.flatMap((p) => listProviderModels(p))].filter((c) => !search || c.modelId.toLowerCase().includes(search));

    if (flags.get('json')) {
      io.out(JSON.stringify({ priceData: PRICE_DATA, models: cards.map((c) => ({ ...c, tokenizer: profileForModel(c.modelId).family })) }, null, 2) + '\n');
      return EXIT_OK;
    }
    io.out(renderTable(
      [
        { title: 'provider' }, { title: 'model' }, { title: 'in $/M', align: 'right' }, { title: 'out $/M', align: 'right' },
        { title: 'cache read', align: 'right' }, { title: 'cache write', align: 'right' }, { title: 'long context' }, { title: 'tokens' },
      ],
      cards.map(row),
    ));
    io.out(`\n${cards.length} models. Prices: ${PRICE_DATA.package} ${PRICE_DATA.version}, as of ${PRICE_DATA.asOf} (offline; no auto-update).\n`);
    io.out('tokens: "exact" = OpenAI tiktoken encoding; "≈ ±N%" = estimated from o200k_base with a per-family factor.\n');
    return EXIT_OK;
  },
};

function row(card: RateCard): string[] {
  const profile = profileForModel(card.modelId);
  const rate = (v: number | undefined) => (v === undefined ? '—' : String(+v.toFixed(4)));
  return [
    card.providerId,
    card.modelId,
    rate(card.inputPerMTok),
    rate(card.outputPerMTok),
    rate(card.cacheReadPerMTok),
    rate(card.cacheWritePerMTok),
    card.longContext ? `>${card.longContext.aboveInputTokens / 1000}k: ${card.longContext.inputPerMTok}/${card.longContext.outputPerMTok}` : '',
    profile.exact ? `exact ${profile.tokenizer ?? profile.encoding}` : `≈ ±${Math.round(profile.band * 100)}%`,
  ];
}

// `burnrate prices`: which price data is in use and how old it is; `burnrate prices update` fetches the newest data
// genai-prices publishes — the one network request Burnrate makes, and only here.
import { priceDataJson, priceDataLine, staleNotice } from '../../core/pricing/freshness';
import { cliCacheDir, priceDataUrl, updateStoredPriceData } from '../../core/pricing/priceDataStore';
import { defineCommand, EXIT_GATE, EXIT_OK, UsageError } from '../command';
import type { FlagTable } from '../flags';
import { priceDataFor, PRICES_FLAG } from '../priceData';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';

const FLAGS = {
  prices: PRICES_FLAG,
  json: { type: 'boolean', help: 'print JSON' },
} as const satisfies FlagTable;

export const pricesCommand = defineCommand({
  name: 'prices',
  summary: 'the price data in use and its age; "prices update" fetches the newest',
  usage: 'burnrate prices [update] [options]',
  description: `Without a subcommand: says which price data prices this workspace (the bundled data, data fetched by
"burnrate prices update", or a file pinned with --prices or priceData: in .burnrate.yaml), its date, age and source.

"burnrate prices update" fetches the newest data file @pydantic/genai-prices publishes (the file its own update
function reads), checks it against the library's data shape and stores it in $XDG_CACHE_HOME/burnrate (or
~/.cache/burnrate); later runs price with it. This is the only network request Burnrate makes, and only when asked.
A file that fails the check is not stored; the data in use stays as it was.`,
  flags: FLAGS,
  async run({ flags, positionals }, io) {
    const [sub, ...extra] = positionals;
    if (extra.length > 0 || (sub !== undefined && sub !== 'update'))
      throw new UsageError(`unexpected argument "${extra[0] ?? sub}"`);
    if (sub === 'update') {
      if (flags.prices !== undefined)
        throw new UsageError('--prices pins a file; "prices update" fetches one — use one or the other');
      const dir = cliCacheDir();
      const result = await updateStoredPriceData(dir, priceDataUrl());
      const message = result.ok ? result.value.message : result.error;
      const info = result.ok ? result.value.info : undefined;
      if (flags.json)
        io.out(
          JSON.stringify({ ok: result.ok, message, priceData: info ? priceDataJson(info) : null }, null, 2) + '\n',
        );
      else if (info) io.out(`Updated: ${message}.\nPrices now: ${priceDataLine(info)}\n`);
      else io.err(`burnrate prices update: ${message}\n`);
      return result.ok ? EXIT_OK : EXIT_GATE;
    }
    const root = findWorkspaceRoot(io.cwd);
    const usage = loadUsageFile(root);
    const choice = priceDataFor(flags.prices, io.cwd, usage, root);
    for (const warning of choice.warnings) io.err(`warning: ${warning}\n`);
    if (flags.json) {
      io.out(JSON.stringify({ priceData: priceDataJson(choice.info), warnings: choice.warnings }, null, 2) + '\n');
      return EXIT_OK;
    }
    io.out(
      `Prices: ${priceDataLine(choice.info)}\nSource: ${choice.info.source} (${choice.info.kind}; date is the ${choice.info.dateBasis})\n`,
    );
    const notice = staleNotice(choice.info);
    if (notice) io.out(`${notice}\n`);
    return EXIT_OK;
  },
});

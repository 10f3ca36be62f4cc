// Which price data a CLI run prices with, highest first: --prices FILE, the usage file's priceData:, data stored by
// `burnrate prices update`, the bundled data. A file that fails the check is reported and the bundled data stays.
import * as fs from 'fs';
import * as path from 'path';
import { activePriceData, type PriceDataInfo } from '../core/pricing/catalog';
import { pinnedPriceFile } from '../core/pricing/pinnedPriceFile';
import { applyPriceData, cliCacheDir, loadPinnedPriceData, loadStoredPriceData } from '../core/pricing/priceDataStore';
import type { UsageConfig } from '../core/usage/usageConfig';
import { UsageError } from './command';

/** The shared flag every pricing command declares. */
export const PRICES_FLAG = {
  type: 'string',
  value: 'FILE',
  help: 'price with this genai-prices data file instead of the bundled (or updated) data; beats priceData: in .burnrate.yaml',
} as const;

export interface PriceDataChoice {
  info: PriceDataInfo;
  /** Problems to print on stderr: a pinned or stored file that failed its check. */
  warnings: string[];
}

export function choosePriceData(options: {
  flag?: string;
  cwd: string;
  usage: UsageConfig;
  usageFile?: string;
  root: string;
}): PriceDataChoice {
  const warnings: string[] = [];
  if (options.flag !== undefined) {
    const file = path.resolve(options.cwd, options.flag);
    if (!fs.existsSync(file)) throw new UsageError(`price data file not found: ${options.flag}`);
    const applied = applyPriceData(loadPinnedPriceData(file, options.flag));
    if (!applied.ok) throw new UsageError(applied.error);
    return { info: applied.value, warnings };
  }
  const pinned = options.usage.priceData;
  if (pinned) {
    const base = options.usageFile ? path.dirname(options.usageFile) : options.root;
    const where = `priceData: ${pinned.path}${pinned.line !== undefined ? ` (.burnrate.yaml line ${pinned.line + 1})` : ''}`;
    const file = pinnedPriceFile(base, pinned.path, options.root);
    if (!file) warnings.push(`${where} is not a file inside the workspace — using the ${fallbackName()} data`);
    else {
      const applied = applyPriceData(loadPinnedPriceData(file, pinned.path));
      if (applied.ok) return { info: applied.value, warnings };
      warnings.push(applied.error);
    }
  }
  return unpinnedPriceData(warnings);
}

/** No file pinned (or the pinned one refused, said in `warnings`): the data `prices update` stored, else the bundled. */
export function unpinnedPriceData(warnings: string[] = []): PriceDataChoice {
  const stored = loadStoredPriceData(cliCacheDir());
  if (stored) {
    const applied = applyPriceData(stored);
    if (applied.ok) return { info: applied.value, warnings };
    warnings.push(applied.error);
  }
  return { info: activePriceData(), warnings };
}

/** The usual call: a command's --prices value and the usage file it loaded. */
export function priceDataFor(
  flag: string | undefined,
  cwd: string,
  loaded: { config: UsageConfig; file?: string },
  root: string,
): PriceDataChoice {
  return choosePriceData({
    ...(flag !== undefined ? { flag } : {}),
    cwd,
    usage: loaded.config,
    ...(loaded.file ? { usageFile: loaded.file } : {}),
    root,
  });
}

function fallbackName(): string {
  return loadStoredPriceData(cliCacheDir())?.ok ? 'updated' : 'bundled';
}

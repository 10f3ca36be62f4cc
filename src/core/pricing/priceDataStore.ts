// Where fetched and pinned price data live on disk, and the one network request Burnrate makes for prices: only when
// the user runs `burnrate prices update` or "Burnrate: Update Prices". The CLI keeps the data in the user's cache
// folder, the extension in its global storage; both read it back with loadStoredPriceData.
import { err, ok, type Result } from '../result';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REMOTE_DATA_JSON_URL } from '@pydantic/genai-prices';
import { usePriceData, type PriceDataInfo } from './catalog';
import { MAX_PRICE_DATA_BYTES, parsePriceData, type PriceDataParse } from './priceDataFile';
import type { Provider } from '@pydantic/genai-prices';

const DATA_FILE = 'genai-prices-data.json';
const META_FILE = 'genai-prices-meta.json';
const FETCH_TIMEOUT_MS = 60_000;

/** For tests only: the URL `prices update` fetches from instead of the library's own (a local fake server). */
export const PRICE_DATA_URL_ENV = 'BURNRATE_PRICES_URL';

/** The data file genai-prices publishes and its own updatePrices reads. */
export function priceDataUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[PRICE_DATA_URL_ENV] || REMOTE_DATA_JSON_URL;
}

/**
 * The CLI's cache folder for what commands fetch on the user's request (price data, exact Claude counts):
 * BURNRATE_CACHE_DIR, else $XDG_CACHE_HOME/burnrate, else ~/.cache/burnrate. Never inside the workspace.
 */
export function cliCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const own = env.BURNRATE_CACHE_DIR;
  if (own && path.isAbsolute(own)) return own;
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'burnrate');
}

export type Loaded = Result<{ info: PriceDataInfo; providers: Provider[]; models: number }>;

interface StoredMeta {
  fetchedAt: string;
  url: string;
  bytes: number;
  models: number;
}

/** What was stored, said for people, or why nothing was. */
export type UpdateResult = Result<{ message: string; info: PriceDataInfo }>;

/** Fetch, check and store the newest data; the stored data is replaced only by data that passed the check. */
export async function updateStoredPriceData(dir: string, url: string, now: Date = new Date()): Promise<UpdateResult> {
  if (!/^https?:\/\//i.test(url)) return err(`not an http(s) URL: ${url}`);
  let text: string;
  try {
    text = await fetchText(url);
  } catch (error) {
    return err(`could not fetch ${url}: ${(error as Error).message}`);
  }
  const parsed = parsePriceData(text);
  if (!parsed.ok) return err(`${url}: ${parsed.error} — nothing stored; the data in use is unchanged`);
  const meta: StoredMeta = {
    fetchedAt: now.toISOString(),
    url,
    bytes: Buffer.byteLength(text),
    models: parsed.value.models,
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeAtomically(path.join(dir, DATA_FILE), text);
    writeAtomically(path.join(dir, META_FILE), JSON.stringify(meta, null, 2) + '\n');
  } catch (error) {
    return err(`could not store the price data in ${dir}: ${(error as Error).message}`);
  }
  const info = updatedInfo(meta, dir);
  return ok({ message: `stored ${parsed.value.models} models from ${url} in ${dir}`, info });
}

/** The data a previous update stored, or undefined when there is none. */
export function loadStoredPriceData(dir: string): Loaded | undefined {
  const dataFile = path.join(dir, DATA_FILE);
  const metaFile = path.join(dir, META_FILE);
  if (!fs.existsSync(dataFile) || !fs.existsSync(metaFile)) return undefined;
  let meta: StoredMeta;
  try {
    meta = JSON.parse(readBounded(metaFile, 64 * 1024)) as StoredMeta;
    if (typeof meta.fetchedAt !== 'string' || typeof meta.url !== 'string' || Number.isNaN(Date.parse(meta.fetchedAt)))
      throw new Error('bad metadata');
  } catch (error) {
    return err(`updated price data in ${dir} is unreadable (${(error as Error).message}) — using the bundled data`);
  }
  const loaded = loadFile(dataFile);
  if (!loaded.ok) return err(`updated price data in ${dir}: ${loaded.error} — using the bundled data`);
  return ok({ info: updatedInfo(meta, dir), providers: loaded.value.providers, models: loaded.value.models });
}

/** A data file the user pins (--prices, priceData:). Its date is its modification time, said as such. */
export function loadPinnedPriceData(file: string, shownAs: string = file): Loaded {
  const loaded = loadFile(file);
  if (!loaded.ok) return err(`price data ${shownAs}: ${loaded.error} — using the bundled data`);
  return pinned(loaded.value, shownAs, fs.statSync(file).mtime.toISOString().slice(0, 10), 'file modified');
}

/** A pinned data file read from somewhere other than the disk (a commit, through git); dated by that commit. */
export function pinnedPriceDataFromText(text: string, shownAs: string, asOf: string): Loaded {
  const parsed = parsePriceData(text);
  if (!parsed.ok) return err(`price data ${shownAs}: ${parsed.error} — using the bundled data`);
  return pinned(parsed.value, shownAs, asOf, 'commit date');
}

function pinned(
  parsed: { providers: Provider[]; models: number },
  shownAs: string,
  asOf: string,
  dateBasis: PriceDataInfo['dateBasis'],
): Loaded {
  return ok({
    providers: parsed.providers,
    models: parsed.models,
    info: {
      kind: 'pinned',
      asOf,
      dateBasis,
      source: shownAs,
      label: `${shownAs} (genai-prices data, ${dateBasis} ${asOf})`,
    },
  });
}

/** Make `loaded` the data in use; a file the library itself refuses leaves the bundled data in use. */
export function applyPriceData(loaded: Loaded): Result<PriceDataInfo> {
  if (!loaded.ok) return loaded;
  try {
    usePriceData(loaded.value.info, loaded.value.providers);
    return ok(loaded.value.info);
  } catch (error) {
    usePriceData();
    return err(
      `${loaded.value.info.source}: refused by genai-prices (${(error as Error).message}) — using the bundled data`,
    );
  }
}

function updatedInfo(meta: StoredMeta, dir: string): PriceDataInfo {
  const day = meta.fetchedAt.slice(0, 10);
  return {
    kind: 'updated',
    asOf: day,
    dateBasis: 'fetched on',
    source: meta.url,
    label: `genai-prices data fetched on ${day} from ${meta.url} (stored in ${dir})`,
  };
}

function loadFile(file: string): PriceDataParse {
  let text: string;
  try {
    text = readBounded(file, MAX_PRICE_DATA_BYTES);
  } catch (error) {
    return err((error as Error).message);
  }
  return parsePriceData(text);
}

// Only regular files, and only up to a size: a FIFO or device named as price data is refused, never read.
function readBounded(file: string, maxBytes: number): string {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error('not a regular file');
  if (stat.size > maxBytes) throw new Error(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  return fs.readFileSync(file, 'utf8');
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

async function fetchText(url: string): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_PRICE_DATA_BYTES)
      throw new Error(`the response is larger than ${MAX_PRICE_DATA_BYTES / 1024 / 1024} MB`);
    const reader = response.body?.getReader();
    if (!reader) return await response.text();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_PRICE_DATA_BYTES) {
        await reader.cancel();
        throw new Error(`the response is larger than ${MAX_PRICE_DATA_BYTES / 1024 / 1024} MB`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    clearTimeout(timer);
  }
}

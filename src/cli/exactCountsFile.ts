// The CLI's file of exact Claude counts (by content hash; no text is stored), read by estimate and written by
// calibrate --claude.
import * as fs from 'fs';
import * as path from 'path';
import { parseExactCounts, serializeExactCounts, type ExactCounts } from '../core/calibrate/exactCounts';
import { cliCacheDir } from './cacheDir';

const MAX_BYTES = 20_000_000;

export function exactCountsPath(): string {
  return path.join(cliCacheDir(), 'claude-counts.json');
}

export function readExactCounts(): { counts: ExactCounts; problem?: string } {
  const file = exactCountsPath();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { counts: new Map() };
  }
  if (!stat.isFile() || stat.size > MAX_BYTES) return { counts: new Map(), problem: `${file} is not a cache file of at most 20 MB; it is ignored` };
  const read = parseExactCounts(fs.readFileSync(file, 'utf8'));
  return read.problem ? { counts: read.counts, problem: `${file}: ${read.problem}` } : read;
}

export function writeExactCounts(counts: ExactCounts): string {
  const file = exactCountsPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serializeExactCounts(counts), { mode: 0o600 });
  return file;
}

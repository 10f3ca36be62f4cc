// The CLI's file of exact Claude counts, in its cache folder: read by estimate, written by calibrate --claude.
import * as path from 'path';
import type { ExactCounts } from '../core/calibrate/exactCounts';
import { cliCacheDir } from '../core/pricing/priceDataStore';
import { EXACT_COUNTS_FILE, readExactCountsFile, writeExactCountsFile } from '../host/exactCountsFile';

export function exactCountsPath(): string {
  return path.join(cliCacheDir(), EXACT_COUNTS_FILE);
}

export function readExactCounts(): { counts: ExactCounts; problem?: string } {
  return readExactCountsFile(exactCountsPath());
}

export function writeExactCounts(counts: ExactCounts): string {
  return writeExactCountsFile(exactCountsPath(), counts);
}

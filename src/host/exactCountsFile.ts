// A file of exact Claude counts (by content hash; no text is stored): the CLI's in its cache folder, the editor's in
// its global storage. Read by the estimates, written by `burnrate calibrate --claude` / "Burnrate: Check Claude Counts".
import * as fs from 'fs';
import * as path from 'path';
import { parseExactCounts, serializeExactCounts, type ExactCounts } from '../core/calibrate/exactCounts';

export const EXACT_COUNTS_FILE = 'claude-counts.json';
const MAX_BYTES = 20_000_000;

export function readExactCountsFile(file: string): { counts: ExactCounts; problem?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { counts: new Map() };
  }
  if (!stat.isFile() || stat.size > MAX_BYTES)
    return { counts: new Map(), problem: `${file} is not a cache file of at most 20 MB; it is ignored` };
  const read = parseExactCounts(fs.readFileSync(file, 'utf8'));
  return read.problem ? { counts: read.counts, problem: `${file}: ${read.problem}` } : read;
}

/** Written whole to a temporary file and renamed, so a reader never sees half a file. Readable by the user only. */
export function writeExactCountsFile(file: string, counts: ExactCounts): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, serializeExactCounts(counts), { mode: 0o600 });
  fs.renameSync(temporary, file);
  return file;
}

// Reads many objects with one `git cat-file --batch`: 1,000 blobs in one process instead of 1,000 `git show`s.
import { err, ok, type Result } from '../../core/result';
import { gitMessage, runGit } from './runGit';

/** Each name's blob (undefined where the name is no blob), or why git could not read them. */
export type BatchRead = Result<(Buffer | undefined)[]>;

/** Each name is a blob id or `rev:path`; a name that does not resolve to a blob reads as undefined. */
export async function readObjects(top: string, names: readonly string[], executable?: string): Promise<BatchRead> {
  if (names.length === 0) return ok([]);
  const batchable = names.every((n) => !n.includes('\n'));
  if (!batchable) return readOneByOne(top, names, executable);
  const run = await runGit(top, ['cat-file', '--batch'], names.join('\n') + '\n', executable);
  if (!run.ok) return err(run.error);
  if (run.value.code !== 0) return err(`git cat-file failed: ${gitMessage(run.value.stderr)}`);
  return parseBatch(run.value.stdout, names.length);
}

/** "<id> <type> <size>\n<bytes>\n" per object; "<name> missing\n" (or "ambiguous") when it does not resolve. */
export function parseBatch(output: Buffer, count: number): BatchRead {
  const blobs: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) return err('git cat-file: output ended early');
    const header = output.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined); // missing, ambiguous, or a name git could not parse
      continue;
    }
    const size = Number(match[2]);
    if (at + size > output.length) return err('git cat-file: output ended inside an object');
    blobs.push(match[1] === 'blob' ? output.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return ok(blobs);
}

/** Paths with a newline cannot go through --batch's line protocol: read those one by one. */
async function readOneByOne(top: string, names: readonly string[], executable?: string): Promise<BatchRead> {
  const blobs: (Buffer | undefined)[] = [];
  for (const name of names) {
    const run = await runGit(top, ['cat-file', 'blob', name], undefined, executable);
    if (!run.ok) return err(run.error);
    blobs.push(run.value.code === 0 ? run.value.stdout : undefined);
  }
  return ok(blobs);
}

// Parses `git diff --raw -z --no-abbrev` output: ":srcmode dstmode srcsha dstsha status\0path\0" records, with a
// second path for renames and copies ("R086\0old\0new\0").
import type { ChangedFile } from '../../core/diff';

const GITLINK = '160000'; // a submodule: its "content" is a commit id, not a file
const SYMLINK = '120000'; // a link's blob is its target path, not the prompt it points to

export function parseRawDiff(output: Buffer): ChangedFile[] {
  const fields = output.toString('utf8').split('\0');
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length;) {
    const header = fields[i++]!;
    if (!header.startsWith(':')) continue;
    const [srcMode, dstMode, srcSha, dstSha, status = ''] = header.slice(1).split(' ');
    const letter = status[0];
    const first = fields[i++];
    if (first === undefined) break;
    const second = letter === 'R' || letter === 'C' ? fields[i++] : undefined;
    if ([srcMode, dstMode].some((m) => m === GITLINK || m === SYMLINK)) continue;
    const baseId = blobId(srcSha);
    const headId = blobId(dstSha);
    const change: ChangedFile = { status: 'modified', path: first };
    if (letter === 'A') change.status = 'added';
    else if (letter === 'D') change.status = 'deleted';
    else if (letter === 'R' && second !== undefined) {
      change.status = 'renamed';
      change.basePath = first;
      change.path = second;
    } else if (letter === 'C' && second !== undefined) {
      change.status = 'added'; // a copy adds a file; its source is unchanged
      change.path = second;
    } else if (letter === 'U') change.unmerged = true;
    if (baseId && change.status !== 'added') change.baseId = baseId;
    if (headId && change.status !== 'deleted') change.headId = headId;
    changes.push(change);
  }
  return mergeUnmerged(changes);
}

/** During a merge git may list a path twice (the unmerged entry and its working-tree change): keep one, unmerged. */
function mergeUnmerged(changes: ChangedFile[]): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  for (const change of changes) {
    const seen = byPath.get(change.path);
    if (seen) seen.unmerged = seen.unmerged || change.unmerged;
    else byPath.set(change.path, change);
  }
  return [...byPath.values()];
}

/** git writes an all-zero id for content it has not hashed (working-tree files). */
function blobId(sha: string | undefined): string | undefined {
  return sha && !/^0+$/.test(sha) ? sha : undefined;
}

/** NUL-separated path lists (`ls-files -z`, `ls-tree -z --name-only`). */
export function parsePathList(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((p) => p.length > 0);
}

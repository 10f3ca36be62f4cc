// Opens one changed file in VS Code's diff editor (HEAD on the left, the working file on the right); a new file opens
// as itself, a deleted one as its HEAD version.
import * as path from 'path';
import * as vscode from 'vscode';
import type { FileStatus } from '../../core/diff';
import type { GitApi } from './gitApi';
import { uriOf } from './repoPaths';

export const OPEN_CHANGE_COMMAND = 'burnrate.openCostChange';

/** Plain data, so a tree item or a lens can carry it as a command argument. */
export interface OpenChangeArgs {
  root: string;
  commit: string;
  path: string;
  basePath?: string;
  status?: FileStatus;
  /** The right side at this commit instead of the working tree (a commit of the cost history against its parent). */
  headCommit?: string;
}

export function isOpenChangeArgs(value: unknown): value is OpenChangeArgs {
  const v = value as Partial<OpenChangeArgs> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.root === 'string' &&
    typeof v.commit === 'string' &&
    typeof v.path === 'string' &&
    (v.headCommit === undefined || typeof v.headCommit === 'string')
  );
}

/** What was opened: the two sides of a diff, or one file. */
export type Opened = { diff: [vscode.Uri, vscode.Uri] } | { file: vscode.Uri };

export async function openChange(api: GitApi, args: OpenChangeArgs): Promise<Opened> {
  const root = vscode.Uri.parse(args.root);
  const working = uriOf(root, args.path);
  const atHead = api.toGitUri(uriOf(root, args.basePath ?? args.path), args.commit);
  if (args.headCommit !== undefined) return openCommit(api, root, args, atHead, args.headCommit);
  if (args.status === 'added') {
    await vscode.commands.executeCommand('vscode.open', working);
    return { file: working };
  }
  if (args.status === 'deleted') {
    await vscode.commands.executeCommand('vscode.open', atHead);
    return { file: atHead };
  }
  const name = path.posix.basename(args.path);
  const title = `${name} (HEAD ↔ Working Tree) · cost`;
  await vscode.commands.executeCommand('vscode.diff', atHead, working, title);
  return { diff: [atHead, working] };
}

async function openCommit(
  api: GitApi,
  root: vscode.Uri,
  args: OpenChangeArgs,
  before: vscode.Uri,
  commit: string,
): Promise<Opened> {
  const after = api.toGitUri(uriOf(root, args.path), commit);
  const shown = args.status === 'added' ? after : args.status === 'deleted' ? before : undefined;
  if (shown) {
    await vscode.commands.executeCommand('vscode.open', shown);
    return { file: shown };
  }
  const title = `${path.posix.basename(args.path)} (${commit.slice(0, 7)}^ ↔ ${commit.slice(0, 7)}) · cost`;
  await vscode.commands.executeCommand('vscode.diff', before, after, title);
  return { diff: [before, after] };
}

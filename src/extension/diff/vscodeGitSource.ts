// The editor's GitSource: changes from the git extension's repository state, HEAD content through its `buffer`/`show`
// (no git process of ours), the head side from open editors (unsaved edits included) or the disk.
import * as vscode from 'vscode';
import {
  isUnreadable,
  type ChangedFile,
  type FileRef,
  type GitOutcome,
  type GitSource,
  type Side,
  type SideContent,
} from '../../core/diff';
import { checkReadable } from '../../core/files/readableFile';
import { nodeFileProbe } from '../../host/fileProbe';
import type { GitRepository } from './gitApi';
import { repoPathOf, uriOf } from './repoPaths';
import { changesAgainstHead } from './workingTreeChanges';

// The git extension runs one git process per read; a few at a time keeps a large review moving without a flood.
const READ_CONCURRENCY = 8;
const LIST_LIMIT = 50_000;

export class VscodeGitSource implements GitSource {
  readonly baseLabel: string;
  readonly headLabel = 'working tree';

  private constructor(
    private readonly repository: GitRepository,
    private readonly commit: string,
  ) {
    const head = repository.state.HEAD;
    this.baseLabel = `HEAD (${head?.name ? `${commit.slice(0, 7)}, ${head.name}` : `detached at ${commit.slice(0, 7)}`})`;
  }

  /** Undefined when the repository has no commit yet (nothing to compare with). */
  static open(repository: GitRepository): VscodeGitSource | undefined {
    const commit = repository.state.HEAD?.commit;
    return commit ? new VscodeGitSource(repository, commit) : undefined;
  }

  get root(): vscode.Uri {
    return this.repository.rootUri;
  }

  get headCommit(): string {
    return this.commit;
  }

  async changes(): Promise<GitOutcome<ChangedFile[]>> {
    return { ok: true, value: changesAgainstHead(this.repository.state, (uri) => repoPathOf(this.root, uri)) };
  }

  async read(side: Side, files: readonly FileRef[]): Promise<GitOutcome<SideContent[]>> {
    const readOne =
      side === 'base'
        ? (file: FileRef) => readAtRef(this.repository, this.commit, uriOf(this.root, file.path))
        : (file: FileRef) => readWorking(uriOf(this.root, file.path), this.root);
    const results: SideContent[] = new Array(files.length);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const at = next++;
        results[at] = await readOne(files[at]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
    return { ok: true, value: results };
  }

  async listFiles(): Promise<GitOutcome<string[]>> {
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(this.root, '**/*'),
      '**/{node_modules,.git}/**',
      LIST_LIMIT,
    );
    return {
      ok: true,
      value: found.map((uri) => repoPathOf(this.root, uri)).filter((p): p is string => p !== undefined),
    };
  }
}

/** A file at a ref through the git extension; undefined when it does not exist there. */
export async function readAtRef(
  repository: GitRepository,
  ref: string,
  uri: vscode.Uri,
): Promise<Uint8Array | undefined> {
  try {
    if (repository.buffer) return await repository.buffer(ref, uri.fsPath);
    return new TextEncoder().encode(await repository.show(ref, uri.fsPath));
  } catch {
    return undefined;
  }
}

/**
 * The head side as the user sees it: an editor's unsaved text, else the file on disk. A saved document is not used:
 * VS Code refreshes it from disk a little after the file changes, and the disk is what git will see.
 */
export async function readWorking(uri: vscode.Uri, root: vscode.Uri): Promise<SideContent> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return new TextEncoder().encode(open.getText());
  const refused = refusedOnDisk(uri, [root]);
  if (refused !== undefined) return refused;
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

/** The same rule as the CLI's: a symlink out of the repository or the workspace, a FIFO or a device is not read. */
export function refusedOnDisk(uri: vscode.Uri, roots: readonly vscode.Uri[]): SideContent | undefined {
  if (uri.scheme !== 'file') return undefined;
  const folders = [...roots, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)]
    .filter((r) => r.scheme === 'file')
    .map((r) => r.fsPath);
  const check = checkReadable(nodeFileProbe, uri.fsPath, folders);
  if (check.ok) return undefined;
  return check.error.missing ? undefined : { unreadable: check.error.reason };
}

/** Bytes, or undefined for a companion that is missing or may not be read. */
export function companionBytes(content: SideContent): Uint8Array | undefined {
  return isUnreadable(content) ? undefined : content;
}

// HEAD's version of files for the delta lens, read once per commit: typing re-prices only the buffer's side.
import * as vscode from 'vscode';
import type { GitRepository } from './gitApi';
import { readAtRef } from './vscodeGitSource';

const MAX_ENTRIES = 256;

export class HeadVersions {
  private readonly cache = new Map<string, Promise<Uint8Array | undefined>>();

  read(repository: GitRepository, commit: string, uri: vscode.Uri): Promise<Uint8Array | undefined> {
    const key = `${commit}\u0000${uri.toString()}`;
    let found = this.cache.get(key);
    if (!found) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      found = readAtRef(repository, commit, uri);
      this.cache.set(key, found);
    }
    return found;
  }
}

// Reaching git in the editor: only through the built-in git extension, and not at all in an untrusted workspace. The
// one exception to "no git process of ours" is the cost history's batch read (one git log, one git cat-file --batch):
// the Git extension's API has no batch read, so its worker runs the Git extension's own executable (api.git.path).
import * as vscode from 'vscode';
import type { GitFailure } from '../../core/diff';
import { err, ok, type Result } from '../../core/result';
import type { GitApi, GitExtensionExports } from './gitApi';

/** The Git extension's API, or why git cannot be reached. */
export type GitAccess = Result<GitApi, GitFailure>;

const INIT_WAIT_MS = 10_000;

export const UNTRUSTED_MESSAGE =
  'Burnrate compares costs with git only in a trusted workspace (Restricted Mode runs no git). Trust this folder to review cost changes.';

export async function gitAccess(): Promise<GitAccess> {
  if (!vscode.workspace.isTrusted) return err({ kind: 'untrusted', message: UNTRUSTED_MESSAGE });
  const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  if (!extension)
    return err({ kind: 'git-missing', message: "VS Code's built-in Git extension is not available (disabled?)." });
  let exports: GitExtensionExports;
  try {
    exports = extension.isActive ? extension.exports : await extension.activate();
  } catch (error) {
    return err({
      kind: 'git-missing',
      message: `VS Code's Git extension did not start: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!exports?.enabled)
    return err({ kind: 'git-missing', message: 'Git is disabled (setting git.enabled) or git is not installed.' });
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') await initialized(api);
  return ok(api);
}

function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, INIT_WAIT_MS);
    const listener = api.onDidChangeState((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

// Repository-relative paths (with `/`) ↔ file URIs, for one repository.
import * as path from 'path';
import * as vscode from 'vscode';
import { climbsOut } from '../../core/files/insidePath';

export function repoPathOf(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  const relative = path.relative(root.fsPath, uri.fsPath);
  if (relative === '' || climbsOut(relative) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

export function uriOf(root: vscode.Uri, repoPath: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...repoPath.split('/'));
}

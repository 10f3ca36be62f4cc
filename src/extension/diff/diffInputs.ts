// What prices each side of an editor diff: the same inputs the cost lens uses for the file (the folder's
// .burnrate.yaml, settings, per-file choices), so "vs HEAD" figures match the lens above them.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SideOptions } from '../../core/diff';
import type { ExplicitUsage } from '../../core/diff/usageSides';
import { USAGE_FILE_NAME } from '../../core/usage/usageConfig';
import { Config } from '../config';
import { relativePathOf } from '../documentEstimates';
import type { FileChoices } from '../fileChoices';
import type { UsageFiles } from '../usageFileWatcher';
import { repoPathOf, uriOf } from './repoPaths';

export interface DiffServices {
  usage: UsageFiles;
  choices: FileChoices;
}

/** Options for one file at one side, less the companion reader (which differs per side). */
export function sideOptions(services: DiffServices, uri: vscode.Uri): SideOptions {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config = new Config(uri);
  const options: SideOptions = {
    usage: services.usage.configFor(folder),
    settings: config.usageDefaults,
    settingsPrices: config.priceOverrides.prices,
    maxBytes: config.maxSizeBytes,
    extraGlobs: config.extraGlobs,
  };
  const flags = services.choices.get(uri);
  if (flags) options.flags = flags;
  return options;
}

/** Repository path → workspace-relative path, which format detection and the usage file's globs expect. */
export function globPathIn(root: vscode.Uri): (repoPath: string) => string {
  return (repoPath) => relativePathOf(uriOf(root, repoPath));
}

export interface RepositoryUsage {
  folder: vscode.WorkspaceFolder;
  /** The usage file read at each side, when it is inside the repository. */
  usageFile?: string;
  /** A usage file outside the repository (the repository is a subfolder of the workspace folder): both sides. */
  explicitUsage?: ExplicitUsage;
}

/** Which workspace folder's usage file prices a repository, and whether git versions it. */
export function repositoryUsage(services: DiffServices, root: vscode.Uri): RepositoryUsage | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const inside = folders.find((f) => repoPathOf(root, f.uri) !== undefined || f.uri.fsPath === root.fsPath);
  if (inside) {
    const usageFile = repoPathOf(root, vscode.Uri.joinPath(inside.uri, USAGE_FILE_NAME));
    return usageFile ? { folder: inside, usageFile } : { folder: inside };
  }
  const around = vscode.workspace.getWorkspaceFolder(root);
  if (!around) return undefined;
  const file = path.join(around.uri.fsPath, USAGE_FILE_NAME);
  if (!fs.existsSync(file)) return { folder: around };
  return {
    folder: around,
    explicitUsage: {
      config: services.usage.configFor(around),
      problems: [],
      file: relativePathOf(vscode.Uri.file(file)),
    },
  };
}

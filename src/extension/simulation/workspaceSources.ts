// Gathers what the panel can simulate from VS Code: each workspace folder's `.burnrate.yaml` scenarios (read through
// workspace.fs, with the files they name read first, relative to the folder), and the open prompt files the user
// started from (their estimates come from the shell's DocumentEstimates, so they match the lenses).
import * as path from 'path';
import * as vscode from 'vscode';
import type { PriceOverride } from '../../core/pricing/overrides';
import { parseScenarios } from '../../core/simulate/parseScenarios';
import type { Problem } from '../../core/types';
import { parseUsageFile } from '../../core/usage/parseUsageFile';
import { USAGE_FILE_NAME } from '../../core/usage/usageConfig';
import { Config } from '../config';
import type { DocumentEstimates } from '../documentEstimates';
import { errorMessage } from '../log';
import type { UsageFiles } from '../usageFileWatcher';
import { fileScenarioSources } from './fileScenario';
import {
  priceLookup,
  referencedFiles,
  usageScenarioSources,
  type FileText,
  type ScenarioSource,
} from './scenarioSources';

export interface SourceDeps {
  usage: UsageFiles;
  estimates: DocumentEstimates;
}

export interface LoadedSources {
  sources: ScenarioSource[];
  problems: Problem[];
  /** Every price the user set (usage files, then settings), for the model list. */
  prices: PriceOverride[];
}

export async function loadScenarioSources(
  deps: SourceDeps,
  promptFiles: readonly vscode.Uri[],
): Promise<LoadedSources> {
  const loaded: LoadedSources = { sources: [], problems: [], prices: [] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settingsPrices = new Config(folder.uri).priceOverrides.prices;
    const text = await readText(vscode.Uri.joinPath(folder.uri, USAGE_FILE_NAME));
    if ('error' in text) {
      loaded.prices.push(...settingsPrices);
      continue; // no usage file in this folder
    }
    const { config, problems } = parseUsageFile(text.text, USAGE_FILE_NAME);
    loaded.prices.push(...config.prices, ...settingsPrices);
    const files = new Map<string, FileText>();
    for (const file of referencedFiles(parseScenarios(config.scenarios).scenarios))
      files.set(file, await readText(resolveIn(folder.uri, file)));
    const found = usageScenarioSources({
      config,
      fileProblems: problems,
      folderName: folder.name,
      folderKey: folder.uri.toString(),
      files,
      settingsPrices,
    });
    loaded.sources.push(...found.sources);
    loaded.problems.push(...found.problems);
  }
  const seen = new Set<string>();
  for (const uri of promptFiles) {
    if (seen.has(uri.toString())) continue;
    seen.add(uri.toString());
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const estimate = await deps.estimates.get(document);
      if (!estimate) continue; // not a prompt file Burnrate reads
      if (!estimate.result.ok) {
        loaded.problems.push({
          severity: 'warning',
          message: `${estimate.relativePath}: ${estimate.result.skipped.reason}`,
        });
        continue;
      }
      const prices = [...deps.usage.configFor(estimate.folder).prices, ...new Config(uri).priceOverrides.prices];
      const units = estimate.result.estimate.units;
      loaded.sources.push(
        ...fileScenarioSources(
          units,
          estimate.relativePath,
          uri.toString(),
          { lookup: priceLookup(prices), countFile: () => ({ error: 'not used' }) },
          estimate.folder?.uri.toString(),
        ),
      );
    } catch (error) {
      loaded.problems.push({
        severity: 'warning',
        message: `${vscode.workspace.asRelativePath(uri)}: cannot be read (${errorMessage(error)})`,
      });
    }
  }
  return loaded;
}

/** A file a scenario names: relative to its folder, or absolute. */
function resolveIn(folder: vscode.Uri, file: string): vscode.Uri {
  return path.isAbsolute(file) ? vscode.Uri.file(file) : vscode.Uri.joinPath(folder, file.replace(/\\/g, '/'));
}

async function readText(uri: vscode.Uri): Promise<FileText> {
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    return {
      error:
        error instanceof vscode.FileSystemError && error.code === 'FileNotFound'
          ? 'file not found'
          : `cannot read (${errorMessage(error)})`,
    };
  }
}

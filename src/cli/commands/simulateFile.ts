// `burnrate simulate <prompt or agent file>`: the file's estimate (as `estimate` makes it, with the workspace's usage
// file and runtimes) turned into scenarios — one per unit, a CrewAI crew as a tree of subagents (core/simulate/
// fromEstimate.ts). Companion files are read inside the workspace only.
import * as fs from 'fs';
import * as path from 'path';
import { estimateSource } from '../../core/estimate/estimateSource';
import { fileScenarioTree } from '../../core/simulate/fromEstimate';
import type { ScenarioSpec } from '../../core/simulate/spec';
import { plainCounter } from '../../core/tokenize/textCounter';
import type { Problem } from '../../core/types';
import type { UsageConfig } from '../../core/usage/usageConfig';
import { diskReader } from '../../host/diskSnapshot';
import { diskRuntimeEnvironment } from '../../host/runtimeEnvironment';
import { UsageError } from '../command';
import { listWorkspaceFiles, toPosix, workspacePath } from '../workspace';

export function agentFileScenarios(
  file: string,
  root: string,
  usage: UsageConfig,
  cwd: string,
): { specs: ScenarioSpec[]; problems: Problem[] } {
  const shown = toPosix(path.relative(cwd, file)) || path.basename(file);
  const read = diskReader(root, undefined);
  const readCompanion = Object.assign(
    (companion: string) => {
      const text = read(companion);
      return text.ok ? new TextEncoder().encode(text.value) : undefined;
    },
    { list: (dir: string) => listWorkspaceFiles(root, dir) },
  );
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  const result = estimateSource(shown, bytes, {
    relativePath: workspacePath(root, file),
    usage,
    flags: {},
    runtimes: diskRuntimeEnvironment(root, usage),
    readCompanion,
    namedByUser: true,
    counter: plainCounter,
  });
  if (!result.ok)
    throw new UsageError(`${shown}: no scenario in it and no prompt to estimate (${result.skipped.reason})`);
  const units = result.estimate.units;
  if (units.length === 0) throw new UsageError(`${shown}: no cost units to simulate`);
  const problems: Problem[] = result.estimate.problems.map((p) => ({ ...p, message: `${shown}: ${p.message}` }));
  problems.push({
    severity: 'warning',
    message: `${shown}: scenarios from the file's estimate (${units.length} unit${units.length > 1 ? 's, the first orchestrating the others as subagents' : ''}); write a scenarios: block for turns, tools and caching of your own`,
  });
  return { specs: fileScenarioTree(units, shown), problems };
}

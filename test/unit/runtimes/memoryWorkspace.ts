// A workspace held in memory for the runtime tests: paths → text, read through the same interface the CLI's disk
// snapshot implements.
import { err, ok } from '../../../src/core/result';
import type { WorkspaceSnapshot } from '../../../src/core/runtimes/context';
import { buildWorkspaceContext, type ContextOptions } from '../../../src/core/runtimes/context';
import { readContextFileNames } from '../../../src/core/runtimes/contextFileNames';
import type { RuntimeId } from '../../../src/core/runtimes/profile';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';

export function memorySnapshot(files: Record<string, string>): WorkspaceSnapshot {
  return {
    paths: Object.keys(files),
    skipped: [],
    read: (path) => (path in files ? ok(files[path]!) : err({ code: 'missing' })),
  };
}

export function contextOf(files: Record<string, string>, only?: RuntimeId[], usageYaml?: string) {
  const usage = usageYaml ? parseUsageFile(usageYaml).config : structuredClone(EMPTY_USAGE);
  const snapshot = memorySnapshot(files);
  const renamed = readContextFileNames(snapshot.read);
  const options: ContextOptions = {
    usage,
    overrides: usage.runtimes ? [usage.runtimes] : [],
    ...(only ? { only } : {}),
    ...(renamed ? { contextFileNames: renamed } : {}),
  };
  return buildWorkspaceContext(snapshot, options);
}

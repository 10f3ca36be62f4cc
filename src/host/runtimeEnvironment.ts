// The workspace's agent runtimes as the CLI and the editor see them: one disk snapshot, one context.
import { buildWorkspaceContext, type ContextOptions } from '../core/runtimes/context';
import { hasContextFileName, readContextFileNames } from '../core/runtimes/contextFileNames';
import { isRuntimePath } from '../core/runtimes/loading';
import type { RuntimeEnvironment } from '../core/runtimes/runtimeEstimate';
import type { UsageConfig } from '../core/usage/usageConfig';
import { diskReader, diskSnapshot } from './diskSnapshot';

export function diskRuntimeEnvironment(
  root: string,
  usage: UsageConfig,
  extra: Partial<ContextOptions> = {},
): RuntimeEnvironment {
  // Settings that rename context files decide what the walk keeps, so they are read first.
  const renamed = readContextFileNames(diskReader(root, extra.maxBytes));
  const snapshot = diskSnapshot(root, (p) => isRuntimePath(p) || hasContextFileName(p, renamed), extra.maxBytes);
  const options: ContextOptions = {
    usage,
    overrides: usage.runtimes ? [usage.runtimes] : [],
    ...(renamed ? { contextFileNames: renamed } : {}),
    ...extra,
  };
  return { context: buildWorkspaceContext(snapshot, options), options, read: snapshot.read, paths: snapshot.paths };
}

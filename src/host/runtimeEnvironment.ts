// The workspace's agent runtimes as the CLI and the editor see them: one disk snapshot, one context.
import { buildWorkspaceContext, type ContextOptions } from '../core/runtimes/context';
import { isRuntimePath } from '../core/runtimes/loading';
import type { RuntimeEnvironment } from '../core/runtimes/runtimeEstimate';
import type { UsageConfig } from '../core/usage/usageConfig';
import { diskSnapshot } from './diskSnapshot';

export function diskRuntimeEnvironment(root: string, usage: UsageConfig, extra: Partial<ContextOptions> = {}): RuntimeEnvironment {
  const snapshot = diskSnapshot(root, isRuntimePath, extra.maxBytes);
  const options: ContextOptions = { usage, overrides: usage.runtimes ? [usage.runtimes] : [], ...extra };
  return { context: buildWorkspaceContext(snapshot, options), options, read: snapshot.read, paths: snapshot.paths };
}

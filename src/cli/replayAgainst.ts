// `replay --against <workspace>`: the workspace's runtime profiles, as `burnrate context` computes them, for the
// runtimes that wrote the logs replayed.
import { compareFirstCalls, RUNTIME_OF_FORMAT, type RuntimeComparison } from '../core/simulate/replay/against';
import type { SessionSummary } from '../core/simulate/replay/groups';
import type { ReplayResult } from '../core/simulate/replay/replay';
import type { RuntimeId } from '../core/runtimes/profile';
import { diskRuntimeEnvironment } from '../host/runtimeEnvironment';
import { findWorkspaceRoot, loadUsageFile } from './workspace';

export interface AgainstReport {
  workspace: string;
  runtimes: RuntimeComparison[];
  /** Why nothing could be compared, when so. */
  note?: string;
}

export function compareAgainstWorkspace(
  folder: string,
  sessions: readonly Pick<SessionSummary, 'format' | 'firstCallInputTokens'>[],
  files: NonNullable<ReplayResult['files']>,
): AgainstReport {
  const runtimes = [
    ...new Set(
      files
        .map((f) => (f.format === undefined ? undefined : RUNTIME_OF_FORMAT[f.format]))
        .filter((r): r is string => r !== undefined),
    ),
  ];
  const root = findWorkspaceRoot(folder);
  if (runtimes.length === 0)
    return {
      workspace: root,
      runtimes: [],
      note: 'no Claude Code or Codex log among the files: nothing to compare a runtime profile with',
    };
  const usage = loadUsageFile(root, undefined);
  const { context } = diskRuntimeEnvironment(root, usage.config, { only: runtimes as RuntimeId[] });
  return {
    workspace: root,
    runtimes: runtimes.map((id) => {
      const runtime = context.runtimes.find((r) => r.id === id);
      const predicted = runtime
        ? {
            runtime: id,
            inputTokens: runtime.perRequest.inputTokens,
            exact: runtime.perRequest.exact,
            band: runtime.perRequest.band,
          }
        : { runtime: id, inputTokens: 0, exact: false, band: 0 };
      return compareFirstCalls(predicted, sessions);
    }),
  };
}

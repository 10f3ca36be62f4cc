// The cost history worker: one file's history read from git and priced by the engine, off the extension host's
// thread (a file with 1,000 commits is 1,000 versions to count). One request per thread; the host ends it after.
import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { historyJson } from '../../core/history/historyJson';
import { err, ok } from '../../core/result';
import { parseUsageFile } from '../../core/usage/parseUsageFile';
import { EMPTY_USAGE, type UsageConfig } from '../../core/usage/usageConfig';
import { locateUsageFile } from '../../host/git/usageLocation';
import { readHistory } from '../../host/history/readHistory';
import type { HistoryRequest, HistoryResponse } from './historyProtocol';

async function answer(request: HistoryRequest): Promise<HistoryResponse> {
  const top = request.top;
  // As `burnrate history FILE` does: the usage file nearest the file, inside the repository.
  const location = locateUsageFile(top, path.dirname(path.join(top, ...request.repoPath.split('/'))));
  const today = todayUsage(path.join(top, ...location.file.split('/')));
  const read = await readHistory({
    top,
    executable: request.executable,
    pathspecs: [request.repoPath],
    follow: true,
    maxCommits: request.maxCommits,
    location,
    today: today.config,
    usageAtCommit: false,
  });
  if (!read.ok) return read;
  const { history, commitsRead, limited } = read.value;
  const file = historyJson(history).files[0];
  const pricedWith = today.found ? `today's ${location.file}` : 'the built-in defaults (no .burnrate.yaml)';
  return ok({ points: file?.points ?? [], commitsRead, limited, pricedWith });
}

function todayUsage(file: string): { config: UsageConfig; found: boolean } {
  try {
    if (!fs.statSync(file).isFile()) return { config: EMPTY_USAGE, found: false };
    return { config: parseUsageFile(fs.readFileSync(file, 'utf8'), path.basename(file)).config, found: true };
  } catch {
    return { config: EMPTY_USAGE, found: false };
  }
}

answer(workerData as HistoryRequest).then(
  (response) => parentPort?.postMessage(response),
  (error: unknown) =>
    parentPort?.postMessage(err(error instanceof Error ? error.message : String(error)) satisfies HistoryResponse),
);

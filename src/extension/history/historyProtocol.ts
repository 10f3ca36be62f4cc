// Messages between the extension host and the cost history worker: plain, structured-cloneable data.
import type { HistoryPointJson } from '../../core/history/historyJson';
import type { Result } from '../../core/result';

export interface HistoryRequest {
  /** The repository's top folder (the Git extension's root). */
  top: string;
  /** The git executable the Git extension runs. */
  executable: string;
  /** The file, repository-relative. */
  repoPath: string;
  maxCommits: number;
}

export type HistoryResponse = Result<{
  points: HistoryPointJson[];
  commitsRead: number;
  limited: boolean;
  pricedWith: string;
}>;

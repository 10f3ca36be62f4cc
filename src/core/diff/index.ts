// Cost diffs between two versions of prompt files: the engine behind `burnrate diff`, the delta lens and the review view.
export type {
  ChangedFile,
  FileRef,
  GitFailure,
  GitFailureKind,
  GitOutcome,
  GitSource,
  Side,
  SideContent,
  Unreadable,
} from './gitSource';
export { gitFailed, gitOk, isUnreadable } from './gitSource';
export type * from './types';
export {
  compareFile,
  type CompareInputs,
  type FileComparison,
  type FileVersions,
  type SideOptions,
} from './compareFile';
export { review, globPathFor, type ReviewOptions, type ReviewOutcome } from './review';
export {
  compareFailed,
  compareJob,
  notComparedInTime,
  type CompareHook,
  type CompareJob,
  type SideData,
} from './compareJob';
export { checkGates, type GateLimits, type GateResult } from './gates';
export { renderDiffText } from './render/text';
export { renderDiffMarkdown } from './render/markdown';
export { diffReportJson } from './render/json';
export { fileLensTitle, sectionLensTitle, unitLensTitle } from './render/lens';
export { signedPercent, signedTokens } from './present';

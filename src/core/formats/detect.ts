// Which format a file is, from its path alone (content checks, e.g. "is this agents.yaml really CrewAI", happen when
// the file is read). Walkers call `isPromptPath` on every file name, so this stays cheap: no I/O, one pass over the
// registry's `detect` functions.
import type { FormatId } from '../types';
import { matchGlob } from '../glob';
import { FORMATS, type FormatSpec } from './registry';
import { knownFolderReason } from './registry/knownFolders';
import { pathFacts } from './registry/pathFacts';

export { FORMAT_LABELS } from './registry';

export function detectFormat(path: string): FormatId | undefined {
  const facts = pathFacts(path);
  if (!facts) return undefined;
  return FORMATS.find((spec: FormatSpec<FormatId>) => spec.detect(facts))?.id;
}

/**
 * Copies and renames of known formats outside their usual place: a Cursor rule exported as `python.mdc`, a saved
 * `backend-AGENTS.md`, `team-copilot-instructions.md`, Claude subagents kept in an `agents/` folder. Weaker evidence
 * than `detectFormat`, so the reader confirms by content where the name alone could mislead (`needsContentCheck`).
 */
export function detectLooseFormat(path: string): { format: FormatId; needsContentCheck: boolean } | undefined {
  const facts = pathFacts(path);
  if (!facts) return undefined;
  for (const spec of FORMATS as readonly FormatSpec<FormatId>[]) {
    const verdict = spec.loose?.(facts);
    if (verdict) return { format: spec.id, needsContentCheck: verdict === 'check' };
  }
  return undefined;
}

/** Should a walker read this file? Known formats, their loose variants, plus the user's extra globs (read as plain prompts). */
export function isPromptPath(path: string, extraGlobs: readonly string[] = []): boolean {
  return (
    detectFormat(path) !== undefined || detectLooseFormat(path) !== undefined || matchesExtraGlobs(path, extraGlobs)
  );
}

/** Why a file that no family reads is still worth listing (it sits in a known folder), or undefined. */
export function skipReasonFor(path: string): string | undefined {
  const facts = pathFacts(path);
  return facts ? knownFolderReason(facts) : undefined;
}

/** Files a walker should list: the ones read, and those in known folders that are listed as skipped with the reason. */
export function isListedPath(path: string, extraGlobs: readonly string[] = []): boolean {
  return isPromptPath(path, extraGlobs) || skipReasonFor(path) !== undefined;
}

/**
 * Extra globs are workspace-relative, but the path may be absolute and the workspace root unknown here, so the glob
 * may match any tail of the path that starts at a folder boundary.
 */
export function matchesExtraGlobs(path: string, extraGlobs: readonly string[]): boolean {
  if (extraGlobs.length === 0) return false;
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s.length > 0 && s !== '.');
  for (let start = 0; start < segments.length; start++) {
    const tail = segments.slice(start).join('/');
    if (extraGlobs.some((glob) => matchGlob(glob.replace(/\\/g, '/').replace(/^\/+/, ''), tail))) return true;
  }
  return false;
}

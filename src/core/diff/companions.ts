// Files priced together with another file (the registry's `companions`): a CrewAI tasks.yaml runs on the agents of the
// agents.yaml beside it, so a diff must read that sibling at the same side, and re-price the tasks when only the
// agents changed.
import type { CompanionReader } from '../estimate/crewCompanion';
import { detectFormat } from '../formats';
import { formatSpec } from '../formats/registry';

/** The repository paths of the files `path` is priced with. */
export function companionsOf(path: string): string[] {
  const format = detectFormat(path);
  return format ? formatSpec(format).companions?.of(path) ?? [] : [];
}

/** The first of them, for callers that prefetch one file. */
export function companionOf(path: string): string | undefined {
  return companionsOf(path)[0];
}

/** The files priced with `path` (the tasks.yaml beside an agents.yaml). */
export function dependentsOf(path: string): string[] {
  const format = detectFormat(path);
  return format ? formatSpec(format).companions?.dependents?.(path) ?? [] : [];
}

/** A reader over companions already fetched, keyed by the path the engine will ask for. */
export function companionReader(fetched: ReadonlyMap<string, Uint8Array | undefined>): CompanionReader {
  return (relativePath) => fetched.get(relativePath);
}

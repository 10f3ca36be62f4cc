// Files priced together with another file: a CrewAI tasks.yaml runs on the agents of the agents.yaml beside it, so a
// diff must read that sibling at the same side, and re-price the tasks when only the agents changed.
import type { CompanionReader } from '../estimate/crewCompanion';

const TASKS = /(^|\/)tasks\.(ya?ml)$/i;
const AGENTS = /(^|\/)agents\.(ya?ml)$/i;

/** The repository path of the file `path` is priced with, if it has one. */
export function companionOf(path: string): string | undefined {
  const match = TASKS.exec(path);
  return match ? `${path.slice(0, match.index)}${match[1]}agents.${match[2]}` : undefined;
}

/** The files priced with `path` (the tasks.yaml beside an agents.yaml). */
export function dependentsOf(path: string): string[] {
  const match = AGENTS.exec(path);
  return match ? [`${path.slice(0, match.index)}${match[1]}tasks.${match[2]}`] : [];
}

/** A reader over companions already fetched, keyed by the path the engine will ask for. */
export function companionReader(fetched: ReadonlyMap<string, Uint8Array | undefined>): CompanionReader {
  return (relativePath) => fetched.get(relativePath);
}

// Files priced together with another file (the registry's `companions`): a CrewAI tasks.yaml runs on the agents of the
// agents.yaml beside it, so a diff must read that sibling at the same side, and re-price the tasks when only the
// agents changed.
import type { CompanionReader } from '../estimate/crewCompanion';
import { detectFormat } from '../formats';
import { decodeText } from '../formats/decode';
import { formatSpec } from '../formats/registry';

/** The repository paths of the files `path` is priced with. */
export function companionsOf(path: string): string[] {
  const format = detectFormat(path);
  return format ? (formatSpec(format).companions?.of(path) ?? []) : [];
}

/** Can this file name companions in its text (a promptfoo config)? Cheap: from the path alone. */
export function hasTextCompanions(path: string): boolean {
  const format = detectFormat(path);
  return format !== undefined && formatSpec(format).companions?.inText !== undefined;
}

/** The companions its text names (a promptfoo config's `file://` prompts), from its bytes at one side. */
export function textCompanionsOf(
  path: string,
  content: Uint8Array | { unreadable: string } | undefined,
  maxBytes?: number,
): string[] {
  const format = detectFormat(path);
  const inText = format ? formatSpec(format).companions?.inText : undefined;
  if (!inText || !(content instanceof Uint8Array)) return [];
  const decoded = decodeText(content, maxBytes);
  return decoded.ok ? inText(path, decoded.value.text) : [];
}

/** The first of them, for callers that prefetch one file. */
export function companionOf(path: string): string | undefined {
  return companionsOf(path)[0];
}

/** The files priced with `path` (the tasks.yaml beside an agents.yaml). */
export function dependentsOf(path: string): string[] {
  const format = detectFormat(path);
  return format ? (formatSpec(format).companions?.dependents?.(path) ?? []) : [];
}

/** A reader over companions already fetched, keyed by the path the engine will ask for. */
export function companionReader(fetched: ReadonlyMap<string, Uint8Array | undefined>): CompanionReader {
  return (relativePath) => fetched.get(relativePath);
}

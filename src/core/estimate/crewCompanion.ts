// Files priced together with others: a format's `companions.join` (registry) reads what it needs through the shell's
// `readCompanion` callback — the agents.yaml and crew.py of a CrewAI task, the `file://` prompts of a promptfoo
// config, the config.json of a Semantic Kernel prompt.
import { formatSpec, type CompanionReader } from '../formats/registry';
import type { ParsedFile } from '../types';

export type { CompanionReader };

export function withCompanions(
  file: ParsedFile,
  relativePath: string,
  readCompanion: CompanionReader | undefined,
): ParsedFile {
  const join = formatSpec(file.format).companions?.join;
  return join ? join(file, relativePath, readCompanion ?? (() => undefined)) : file;
}

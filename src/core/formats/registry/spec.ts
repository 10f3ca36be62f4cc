// What one prompt-file family declares, in one place: how it is found, read, labelled and loaded. The registry
// (`./index.ts`) lists the families; detection, labels, editor globs, activation events, frontmatter edits,
// companions and the README's table are all derived from these declarations.
import type { CostUnit, ParsedFile } from '../../types';
import type { FormatParser } from '../parser';
import type { PathFacts } from './pathFacts';

/**
 * When a runtime puts a unit's text in front of the model:
 * - `one-call`: an application sends it as one API call (Prompty, Dotprompt, a chat payload, an eval prompt);
 * - `session`: the system prompt of a multi-turn agent run (subagents, CrewAI agents, agentic workflows);
 * - `always-on`: added to every request (CLAUDE.md, AGENTS.md, `alwaysApply` rules, a skill's name + description);
 * - `scoped`: added to every request that touches matching files (or runs in a given mode);
 * - `on-invocation`: loaded only when the user or the model invokes it (slash commands, prompt files, skill bodies).
 */
export type LoadingKind = 'one-call' | 'session' | 'always-on' | 'scoped' | 'on-invocation';

export const LOADING_KINDS: readonly LoadingKind[] = ['one-call', 'session', 'always-on', 'scoped', 'on-invocation'];

/**
 * Whether Burnrate may write a `burnrate:` block into a file's frontmatter. `create`: the tool strips frontmatter, so
 * adding one is safe; `existing`: only a frontmatter already there is edited (the file is otherwise sent as written);
 * `never`: the format has no frontmatter, or its tool would reject an unknown key.
 */
/**
 * `create`: the tool that reads the file strips frontmatter, so adding one is safe. `existing`: only a frontmatter
 * already there is edited. `never`: YAML/JSON configs and plain text. `flagged`: VS Code's own prompt-file validation
 * (promptValidator.ts, checkForInvalidArguments) marks every header key it does not know — "Attribute 'burnrate' is
 * not supported in prompt files" — in the Problems panel, so a choice for those files is kept elsewhere.
 */
export type FrontmatterEdit = 'create' | 'existing' | 'never' | 'flagged';

export interface FrontmatterPolicy {
  /** Is the frontmatter part of the text the model receives? (Never so far: every reader strips it.) */
  sent: boolean;
  edit: FrontmatterEdit | ((path: string) => FrontmatterEdit);
}

/**
 * Reads another file of the workspace by its workspace-relative path; undefined when it doesn't exist or may not be
 * read. `list`, when the shell can, gives the workspace-relative paths of the files under a folder (for globs).
 */
export type CompanionReader = ((relativePath: string) => Uint8Array | undefined) & {
  list?(relativeDir: string): string[];
};

export interface Companions {
  /** Files this one is priced with (CrewAI tasks → agents.yaml), known from its path alone so a diff can prefetch them. */
  of(path: string): string[];
  /** Files this one is priced with that only its text names (a promptfoo config's `file://` prompts). */
  inText?(path: string, text: string): string[];
  /** Files priced with this one, which a change to it re-prices (agents.yaml → tasks.yaml). */
  dependents?(path: string): string[];
  /** Joins what the companions say into the parsed file (the task's agent, the config's model). */
  join?(file: ParsedFile, relativePath: string, read: CompanionReader): ParsedFile;
}

/** One row of the README's formats table. */
export interface FormatDoc {
  /** Where the files live, as markdown (`.claude/skills/*\/SKILL.md`). */
  files: string;
  /** What becomes a cost unit. */
  units: string;
  /** The cost-bearing fields read. */
  reads: string;
}

export interface FormatSpec<Id extends string = string> {
  id: Id;
  /** Human-readable name: "Claude Code subagent". */
  label: string;
  /**
   * Lower-case globs relative to any folder that cover every path `detect` (and `loose`) accept: the editor's document
   * selectors and `workspaceContains:` activation events. They may match more than detection does.
   */
  globs: readonly string[];
  /**
   * `workspaceContains:` activation globs when they differ from `globs`: none for families whose globs would match
   * ordinary files (every `*.json`), upper-case spellings for names usually written so (`CLAUDE.md`).
   */
  activation?: readonly string[];
  /**
   * Read only when a run asks for it (source code: `--source`, `sources:`): its globs match ordinary project files, so
   * they are kept out of the editor's prompt-file selectors.
   */
  onRequest?: true;
  /** The family's own place and name (`.claude/agents/*.md`). Checked in registry order: the first match wins. */
  detect(path: PathFacts): boolean;
  /**
   * Copies and renames outside the usual place (`python.mdc`, `backend-AGENTS.md`): weaker evidence, tried only when
   * no family's `detect` matched. `check` means the content must confirm it (see `confirms`).
   */
  loose?(path: PathFacts): 'accept' | 'check' | undefined;
  /** For loose matches that need it: the reason the text is not this family, or undefined when it is. */
  confirms?(text: string): string | undefined;
  parse: FormatParser;
  frontmatter: FrontmatterPolicy;
  /** The loading kinds this family's units can have (each unit says its own). */
  loading: readonly LoadingKind[];
  companions?: Companions;
  doc: FormatDoc;
}

/** A unit's loading kind when its parser did not say: from how it is billed. */
export function loadingOf(unit: CostUnit, fallback: LoadingKind): LoadingKind {
  if (unit.loading) return unit.loading;
  if (unit.kind === 'always-on') return unit.appliesTo ? 'scoped' : 'always-on';
  return unit.turns ? 'session' : fallback;
}

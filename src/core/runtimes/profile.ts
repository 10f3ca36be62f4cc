// What one agent runtime (Claude Code, Copilot, Cursor, …) sends on every request besides the user's message: its own
// system prompt and tool schemas, and the repository files its loading rules pull in. Profiles are data
// (profiles/*.ts), every figure with its source and date; users override them in `.burnrate.yaml` (`runtimes:`).
import type { DatedValue, TokenFigure } from './figures';

export const RUNTIME_IDS = [
  'claude-code',
  'copilot',
  'cursor',
  'codex',
  'gemini-cli',
  'cline',
  'roo',
  'windsurf',
  'continue',
] as const;
export type RuntimeId = (typeof RUNTIME_IDS)[number];

export function isRuntimeId(value: string): value is RuntimeId {
  return (RUNTIME_IDS as readonly string[]).includes(value);
}

/**
 * How a runtime loads a file:
 * - `always`: the whole text on every request;
 * - `scoped`: on requests with a matching file in context (globs, applyTo, paths, a mode, a subtree);
 * - `description`: the description on every request, the body when the model pulls it in;
 * - `invocation`: nothing until the user invokes it (a command, a workflow, a manual rule);
 * - `skill`: name and description on every request, the body per invocation;
 * - `subagent`: the parent pays the description on every request; each invocation is a session of its own;
 * - `session`: runs as an agent loop when invoked (agent-mode prompt files, custom agents, slash commands);
 * - `frontmatter`: the file's own fields decide (Cursor `alwaysApply`/`globs`, Copilot `applyTo`, Windsurf `trigger`).
 */
export type LoadingRule =
  'always' | 'scoped' | 'description' | 'invocation' | 'skill' | 'subagent' | 'session' | 'frontmatter';

export interface FileRule {
  /** Workspace-relative globs matched against the whole path (`CLAUDE.md` is the root file only). */
  paths: readonly string[];
  rule: LoadingRule;
  /** What the breakdown calls these files: "project memory", "rule", "skill". */
  label: string;
  /** For `scoped` rules read from the path alone (nested CLAUDE.md): the file's own folder and below. */
  scope?: 'subtree';
  /** These files also run as agent sessions: in the main conversation (commands, agent-mode prompts) or as subagents. */
  session?: 'main' | 'subagent';
  /** The runtime follows `@path` imports in these files (to its `importDepth`). */
  imports?: boolean;
  /** Only read when no file matches these globs (Cline reads `.cursor/rules` only without `.clinerules`). */
  unless?: readonly string[];
  /** The paths end in the runtime's context file name, which the workspace's settings may replace (Gemini CLI). */
  renamable?: boolean;
  source: string;
}

export interface ToolFigure {
  name: string;
  figure: TokenFigure;
}

/** A runtime's system prompt and tools in one mode (Copilot agent vs ask), optionally by model family. */
export interface ModeProfile {
  systemPrompt: TokenFigure;
  /** First entry whose `model` pattern (a regular expression source, case-insensitive) matches the priced model id. */
  systemPromptByModel?: readonly { model: string; figure: TokenFigure }[];
  tools: readonly ToolFigure[];
  note?: string;
}

export interface RuntimeProfile {
  id: RuntimeId;
  name: string;
  /** The model the runtime runs when neither the files nor the usage file name one. */
  defaultModel: DatedValue<string>;
  /** Mode id → what it sends; `defaultMode` is used unless the usage file picks another. */
  modes: Readonly<Record<string, ModeProfile>>;
  defaultMode: string;
  reads: readonly FileRule[];
  /** Depth of `@path` imports in memory files, newest dated value last (absent: the runtime has no imports). */
  importDepth?: readonly DatedValue<number>[];
  /** Framing per listed skill / subagent / described rule on top of its name and description text. */
  listingEntry?: TokenFigure;
  /** Claude Code: each listing entry is cut at this many characters. */
  listingEntryMaxChars?: DatedValue<number>;
  /** What a subagent session sends instead of the runtime's system prompt (environment details, its own framing). */
  subagentPreamble?: TokenFigure;
  /** Fraction of the context window at which the runtime compacts the history. */
  compaction?: DatedValue<number>;
  /** Characters of one rule file the runtime reads (Windsurf); the rest is cut. */
  maxCharsPerFile?: DatedValue<number>;
  /** Bytes of always-on project docs combined (Codex `project_doc_max_bytes`); later files are cut or dropped. */
  maxBytesTotal?: DatedValue<number>;
  /** Turns of a subagent session when its file declares none (Gemini CLI `max_turns` default 30). */
  defaultSubagentTurns?: DatedValue<number>;
  /** An agent's `tools:` names are this runtime's tool names (Claude Code, Gemini CLI), so its schemas can be picked. */
  agentToolsByName?: boolean;
  /** Paths whose presence implies the workspace uses this runtime. */
  implies: readonly string[];
  note?: string;
}

// The engine's shared vocabulary. Everything here is plain data so that both shells (extension, CLI) and the
// webview can pass it around, serialise it and test it without VS Code.
import type { Skip } from './problems/skips';
import type { Result } from './result';

/** Zero-based, inclusive line range in the source file (VS Code's convention, so lenses map directly). */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** A problem found while reading a file. Never thrown: carried with the result and shown to the user. */
export interface Problem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Zero-based line the problem refers to, when known. */
  line?: number;
}

// Format ids and loading kinds come from the format registry (one module per family under formats/registry/).
import type { FormatId } from './formats/registry';
import type { LoadingKind } from './formats/registry/spec';
export type { FormatId, LoadingKind };

/** How a unit is billed: once per call, or added to every request the assistant makes (always-on context). */
export type UnitKind = 'call' | 'always-on';

/** What a piece of input text is, for the breakdown ("prompt body 812, tool schemas 340, ..."). */
export type PartRole = 'system' | 'user' | 'assistant' | 'tool' | 'tool-schema' | 'body' | 'context';

export interface PromptPart {
  role: PartRole;
  /** Short label shown in breakdowns, e.g. "system message", "tool schema: get_weather", "expected_output". */
  label: string;
  text: string;
  range?: LineRange;
  /**
   * Values in the text that cannot be known before run time (`${name}` in a source-code prompt): each is counted as
   * the usage file's `placeholderTokens`, and the count is then approximate.
   */
  placeholders?: string[];
  /** Source-code calls: the text still needs other files (a one-hop import, a prompt read from a file); see sourceCalls/join.ts. */
  pending?: SourceSegment[];
}

/** A piece of a prompt written in source code, before other files are read. */
export type SourceSegment =
  | { kind: 'text'; text: string }
  | { kind: 'hole'; name: string }
  | { kind: 'file'; path: string; fromFileDir: boolean }
  | { kind: 'import'; module: string; name: string };

/** A markdown heading's section inside a unit's text. */
export interface Section {
  title: string;
  level: number;
  /** Heading line to the line before the next heading of the same or higher level. */
  range: LineRange;
  text: string;
}

/** A value read from the file, with the field it came from (for "why this model": `model:` in frontmatter). */
export interface Declared<T> {
  value: T;
  field: string;
  line?: number;
}

/** The file's own `burnrate:` frontmatter block: per-file usage assumptions that beat the usage file. */
export interface FileUsageHints {
  model?: string;
  callsPerDay?: number;
  outputTokens?: number;
  /** `burnrate: { serviceTier: batch }` — one of standard, batch, flex, priority. */
  serviceTier?: string;
  line?: number;
}

/** One thing that costs money: a prompt file is one call, each CrewAI agent or task is one, etc. */
export interface CostUnit {
  name: string;
  kind: UnitKind;
  /** When the runtime puts this text in front of the model (filled in by the reader when a parser leaves it out). */
  loading?: LoadingKind;
  /** Lines the unit spans; `range.startLine` is where its lens goes. */
  range: LineRange;
  /** The input text parts, in the order they would be sent. */
  parts: PromptPart[];
  /** Number of chat messages the input forms (for per-message overhead); 1 for a plain prompt. */
  messageCount: number;
  /** Markdown sections of the unit's prose (empty when it has no headings). */
  sections: Section[];
  model?: Declared<string | string[]>;
  maxOutputTokens?: Declared<number>;
  /** Turns in one session (maxTurns, max_iter); absent means a single call. */
  turns?: Declared<number>;
  /** Tool names the unit declares (by name only, e.g. VS Code `tools:`); schemas, when present, are parts. */
  tools?: string[];
  /** For always-on units: which requests they are added to (an `applyTo` or `globs` pattern), when scoped. */
  appliesTo?: string;
  /** CrewAI task: the agent (key in agents.yaml) that runs it. */
  agent?: string;
  /**
   * Calls this unit makes per evaluation run (promptfoo: tests × repeat). Absent for units that are not eval configs;
   * the estimate layer multiplies the per-call cost by it to price one run.
   */
  callsPerRun?: number;
  /**
   * The prompt text is in another file (promptfoo `file://prompts.txt`, relative to this file): the format's
   * companions join reads it; until then the unit has no parts.
   */
  promptRef?: string;
  /** Joined from `promptRef`: the file (relative to this file's folder) the prompt text was read from. */
  promptFile?: string;
  /** The format's own default for calls per day (promptfoo: eval runs per day), below the usage file's globs. */
  defaultCallsPerDay?: Declared<number>;
  /** The unit's own usage assumptions (a `// burnrate: callsPerDay=…` comment above a source-code call); beat the file's. */
  usageHints?: FileUsageHints;
  /** Upper bound on re-runs after errors (CrewAI `max_retry_limit`): a worst case, not part of the expected cost. */
  retryLimit?: Declared<number>;
}

export interface ParsedFile {
  path: string;
  format: FormatId;
  /** Human-readable format name: "VS Code prompt file", "CrewAI tasks", ... */
  formatLabel: string;
  units: CostUnit[];
  problems: Problem[];
  usageHints?: FileUsageHints;
  /** Frontmatter lines (not sent to the model, not counted). */
  frontmatter?: LineRange;
}

/** Why a file was not read as a prompt at all: made by `skippedFile` (core/problems/skipText.ts). */
export interface SkippedFile {
  path: string;
  skip: Skip;
  /** The plain wording of `skip`; a surface with its own words reads `skip`. */
  reason: string;
}

export type ReadResult = Result<ParsedFile, SkippedFile>;

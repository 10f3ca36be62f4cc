// The formats entry point: bytes of one file in, a ParsedFile (or the reason it was skipped) out. Pure: no I/O.
import type { FormatId, ReadResult } from '../types';
import { parseCrewAi } from './crewai';
import { claudeAgentProfile } from './claudeAgent';
import { alwaysOnProfile, plainPromptProfile } from './contextFiles';
import { cursorRuleProfile } from './cursorRule';
import { acceptText, decodeText, DEFAULT_MAX_BYTES } from './decode';
import { detectFormat, detectLooseFormat, FORMAT_LABELS, matchesExtraGlobs } from './detect';
import { parseDotprompt } from './dotprompt';
import { SourceLines } from './lines';
import { parseMarkdownFile } from './markdownFile';
import { parseMessagesJson } from './messagesJson';
import type { FormatInput, FormatOutcome } from './parser';
import { parsePromptfoo } from './promptfoo';
import { parsePrompty } from './prompty';
import { vscodeAgentProfile, vscodeInstructionsProfile, vscodePromptProfile } from './vscodeFiles';

export interface ReadOptions {
  /** Larger files are skipped (default 5 MB). */
  maxBytes?: number;
  /** User globs for extra prompt files; matches that are no known format are read as plain prompts. */
  extraGlobs?: string[];
  /** The user named this file (not found by a walk): read it as a plain prompt when it is no known format. */
  namedByUser?: boolean;
}

/**
 * `source` is the file's bytes (from disk), or its text when an editor already holds it decoded — which spares a
 * megabyte-sized encode/decode round trip on every keystroke.
 */
export function readPromptFile(path: string, source: Uint8Array | string, options: ReadOptions = {}): ReadResult {
  const loose = detectFormat(path) === undefined ? detectLooseFormat(path) : undefined;
  const plain = options.namedByUser || matchesExtraGlobs(path, options.extraGlobs ?? []);
  let format = detectFormat(path) ?? loose?.format ?? (plain ? 'plain-prompt' : undefined);
  if (!format) return { ok: false, skipped: { path, reason: 'not a prompt or agent file' } };

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const decoded = typeof source === 'string' ? acceptText(source, maxBytes) : decodeText(source, maxBytes);
  if (!decoded.ok) return { ok: false, skipped: { path, reason: decoded.reason } };
  if (loose?.needsContentCheck && !looksLikeSubagent(decoded.text)) {
    if (!options.namedByUser) {
      return { ok: false, skipped: { path, reason: 'not a Claude Code subagent (no name and description in frontmatter)' } };
    }
    format = 'plain-prompt';
  }

  const input: FormatInput = { path, format, lines: new SourceLines(decoded.text) };
  let outcome: FormatOutcome;
  try {
    outcome = parseFormat(input);
  } catch (error) {
    // A parser bug must not take down a lens or a CLI run over a whole tree: report it as this file's skip reason.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, skipped: { path, reason: `could not be read (internal error: ${message})` } };
  }
  if (!outcome.ok) return { ok: false, skipped: { path, reason: outcome.reason } };
  return {
    ok: true,
    file: {
      path,
      format,
      formatLabel: FORMAT_LABELS[format],
      units: outcome.units,
      problems: [...decoded.problems, ...outcome.problems],
      ...(outcome.usageHints ? { usageHints: outcome.usageHints } : {}),
      ...(outcome.frontmatter ? { frontmatter: outcome.frontmatter } : {}),
    },
  };
}

function parseFormat(input: FormatInput): FormatOutcome {
  const format: FormatId = input.format;
  switch (format) {
    case 'vscode-prompt':
      return parseMarkdownFile(input, vscodePromptProfile);
    case 'vscode-instructions':
      return parseMarkdownFile(input, vscodeInstructionsProfile);
    case 'vscode-agent':
      return parseMarkdownFile(input, vscodeAgentProfile);
    case 'claude-agent':
      return parseMarkdownFile(input, claudeAgentProfile);
    case 'always-on':
      return parseMarkdownFile(input, alwaysOnProfile);
    case 'cursor-rule':
      return parseMarkdownFile(input, cursorRuleProfile);
    case 'plain-prompt':
      return parseMarkdownFile(input, plainPromptProfile(!input.path.toLowerCase().endsWith('.md')));
    case 'prompty':
      return parsePrompty(input);
    case 'dotprompt':
      return parseDotprompt(input);
    case 'crewai-agents':
    case 'crewai-tasks':
      return parseCrewAi(input);
    case 'promptfoo':
      return parsePromptfoo(input);
    case 'messages-json':
      return parseMessagesJson(input);
  }
}

/** A subagent file opens with frontmatter naming and describing the agent. */
function looksLikeSubagent(text: string): boolean {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match !== null && /^name:/m.test(match[1]!) && /^description:/m.test(match[1]!);
}

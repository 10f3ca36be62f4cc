// A log format: how to recognise a file of it from its first JSON line, and a reader that turns its lines into usage
// records. Readers keep state within one file (a Codex session's model, Claude Code's streamed duplicates), bounded
// by a constant, never by the number of calls.
import type { LineReading } from '../usageRecord';
import type { RecentKeys } from './recentKeys';

export type LogFormatId = 'usage' | 'claude-code' | 'codex' | 'otel';

export interface LogReaderOptions {
  sessionKey?: string;
  /** The file's name, for formats that take the session or project from it. */
  file?: string;
  /** Responses already counted, shared across the files of one replay (a subagent's file repeats some). */
  recentKeys?: RecentKeys;
}

export interface LogLineReader {
  /** Readings for one line (a line may hold several calls, e.g. an OTLP export, or none yet). */
  line(text: string): LineReading[];
  /** Readings held back until the file ends (a pending streamed message, a multi-line JSON document). */
  end(): LineReading[];
}

export interface LogFormat {
  id: LogFormatId;
  /** What the format is, for --help and messages. */
  label: string;
  /** Whether the first line that parses as a JSON object (or the first line's text) says the file is of this format. */
  detect(first: Record<string, unknown> | undefined, text: string): boolean;
  open(options: LogReaderOptions): LogLineReader;
}

/** Parses a line as a JSON object, or says why not. */
export function parseObject(text: string): { value: Record<string, unknown> } | { skip: string } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { skip: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { skip: 'not a JSON object' };
  return { value: value as Record<string, unknown> };
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

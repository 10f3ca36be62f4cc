// The log formats replay reads, in detection order (the first whose detect() accepts the file's first line).
import { claudeCodeFormat } from './claudeCode';
import { codexFormat } from './codex';
import { parseObject, type LogFormat, type LogFormatId } from './logFormat';
import { otelFormat } from './otel';
import { usageLinesFormat } from './usageLines';

export const LOG_FORMATS: readonly LogFormat[] = [claudeCodeFormat, codexFormat, otelFormat, usageLinesFormat];

export const LOG_FORMAT_IDS = LOG_FORMATS.map((f) => f.id);

export function logFormatById(id: string): LogFormat | undefined {
  return LOG_FORMATS.find((f) => f.id === id);
}

/** The format a file's first non-blank line says it is in (provider usage records when nothing else fits). */
export function detectLogFormat(firstLine: string): LogFormat {
  const parsed = parseObject(firstLine);
  const first = parsed !== undefined && 'value' in parsed ? parsed.value : undefined;
  return LOG_FORMATS.find((f) => f.detect(first, firstLine)) ?? usageLinesFormat;
}

export type { LogFormat, LogFormatId };

// Claude Code session logs, ~/.claude/projects/<project>/*.jsonl (subagents under <session>/subagents/). Each line is
// an entry; assistant entries carry the API's `message.usage` (input_tokens without the cache, cache_read_input_tokens,
// cache_creation_input_tokens with its `cache_creation` split ephemeral_5m_input_tokens / ephemeral_1h_input_tokens,
// output_tokens), `message.model`, `message.id`, `requestId`, `sessionId`, `cwd`, `gitBranch`, `isSidechain`
// (a subagent's entry) and `timestamp`. One API response is written as several lines, one per streamed content block,
// with the same message.id / requestId; usage fields fill in as the stream goes, so the lines of one response are
// merged (largest value per field) and counted once. `<synthetic>` model entries are Claude Code's own, not billed.
// Relied on: Anthropic Messages API usage fields (docs.claude.com/en/api/messages, prompt-caching page for the
// cache_creation split); the log layout and the streamed duplicates as documented by majiayu000/ccstats
// docs/algorithm/authoritative-token-accounting.md and ryoppippi/ccusage (dedup on message.id + requestId).
import { count, detail, isObject, type LineReading, type Obj, type UsageRecord } from '../usageRecord';
import { nonEmptyString, parseObject, type LogFormat, type LogLineReader, type LogReaderOptions } from './logFormat';
import { RecentKeys } from './recentKeys';

const ENTRY_TYPES = new Set(['user', 'assistant', 'summary', 'system', 'file-history-snapshot']);

export const claudeCodeFormat: LogFormat = {
  id: 'claude-code',
  label: 'Claude Code session logs (~/.claude/projects/<project>/*.jsonl)',
  detect: (first) =>
    first !== undefined &&
    typeof first.type === 'string' &&
    ENTRY_TYPES.has(first.type) &&
    ('sessionId' in first || 'parentUuid' in first || 'leafUuid' in first),
  open: (options) => new ClaudeCodeReader(options),
};

class ClaudeCodeReader implements LogLineReader {
  private pending: { key: string; record: UsageRecord } | undefined;
  private readonly seen: RecentKeys;
  private readonly folderProject: string | undefined;

  constructor(options: LogReaderOptions) {
    this.seen = options.recentKeys ?? new RecentKeys();
    this.folderProject = projectFolderOf(options.file);
  }

  line(text: string): LineReading[] {
    const parsed = parseObject(text);
    if (parsed === undefined) return [{ kind: 'blank' }];
    if ('skip' in parsed) return [{ kind: 'skip', reason: parsed.skip }];
    const entry = parsed.value;
    const message = entry.message;
    if (!isObject(message) || !isObject(message.usage)) return [];
    const model = nonEmptyString(message.model);
    if (model === '<synthetic>') return [];
    if (model === undefined) return [{ kind: 'skip', reason: 'usage without a model name' }];
    const record = recordOf(entry, message.usage, model, this.folderProject);
    if (typeof record === 'string') return [{ kind: 'skip', reason: record }];
    const id = nonEmptyString(message.id);
    const key = id === undefined ? undefined : `${id}\u0000${nonEmptyString(entry.requestId) ?? ''}`;
    if (key !== undefined && this.pending?.key === key) {
      mergeLargest(this.pending.record, record);
      return [];
    }
    const out = this.flush();
    if (key === undefined) return [...out, { kind: 'record', record }];
    if (this.seen.has(key))
      return [...out, { kind: 'skip', reason: 'repeat of an earlier response (same message.id), counted once' }];
    this.pending = { key, record };
    return out;
  }

  end(): LineReading[] {
    return this.flush();
  }

  private flush(): LineReading[] {
    if (!this.pending) return [];
    const { key, record } = this.pending;
    this.pending = undefined;
    this.seen.add(key);
    return [{ kind: 'record', record }];
  }
}

function recordOf(entry: Obj, usage: Obj, model: string, folderProject: string | undefined): UsageRecord | string {
  const input = count(usage.input_tokens ?? 0);
  const output = count(usage.output_tokens ?? 0);
  const read = count(usage.cache_read_input_tokens ?? 0);
  const created = count(usage.cache_creation_input_tokens ?? 0);
  const split = usage.cache_creation;
  const fiveMinutes = count(detail(split, 'ephemeral_5m_input_tokens') ?? 0);
  const oneHour = count(detail(split, 'ephemeral_1h_input_tokens') ?? 0);
  if ([input, output, read, created, fiveMinutes, oneHour].some((n) => n === undefined))
    return 'token counts are not non-negative numbers';
  // The split, when present, is the truth about write lifetimes; the total covers logs written before the split existed.
  const written = isObject(split) ? Math.max(created!, fiveMinutes! + oneHour!) : created!;
  const hour = Math.min(oneHour!, written);
  const record: UsageRecord = {
    model,
    format: 'claude-code',
    input: input! + read! + written,
    output: output!,
    cacheRead: read!,
    cacheWrite: written - hour,
    cacheWrite1h: hour,
    batch: false,
    sidechain: entry.isSidechain === true,
  };
  const session = nonEmptyString(entry.sessionId);
  if (session !== undefined) record.session = session;
  const timestamp = nonEmptyString(entry.timestamp);
  if (timestamp !== undefined) record.timestamp = timestamp;
  const project = nonEmptyString(entry.cwd) ?? folderProject;
  if (project !== undefined) record.project = project;
  const branch = nonEmptyString(entry.gitBranch);
  if (branch !== undefined) record.branch = branch;
  return record;
}

function mergeLargest(into: UsageRecord, from: UsageRecord): void {
  into.output = Math.max(into.output, from.output);
  if (from.input > into.input) {
    into.input = from.input;
    into.cacheRead = from.cacheRead;
    into.cacheWrite = from.cacheWrite;
    into.cacheWrite1h = from.cacheWrite1h;
  }
}

/** The <project> of …/.claude/projects/<project>/…, when the file lies there. */
function projectFolderOf(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('projects');
  return at >= 1 && parts[at - 1] === '.claude' ? nonEmptyString(parts[at + 1]) : undefined;
}

// OpenAI Codex CLI session files, ~/.codex/sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl. Each line is
// {timestamp, type, payload}: `session_meta` (payload.id, cwd, git.branch), `turn_context` (payload.model, cwd: the
// model of the turns that follow), `response_item`s, and `event_msg`s, of which payload.type "token_count" carries
// payload.info = {total_token_usage, last_token_usage} (info is null before the first response). Both hold
// input_tokens (cached included, as in OpenAI's Responses usage), cached_input_tokens, output_tokens (reasoning
// included: Responses' output_tokens_details.reasoning_tokens is reported beside it as reasoning_output_tokens) and
// total_tokens. The same event is often written twice, so a call is the growth of the running total since the last
// event, and an event that does not move the total is a repeat; last_token_usage is used only without a total.
// Relied on: openai/codex codex-rs/protocol (TokenUsage, TokenCountEvent, RolloutLine) and ryoppippi/ccusage
// apps/codex/CLAUDE.md (totals are cumulative, the model comes from turn_context).
import { count, isObject, type LineReading, type Obj, type UsageRecord } from '../usageRecord';
import { nonEmptyString, parseObject, type LogFormat, type LogLineReader, type LogReaderOptions } from './logFormat';

const LINE_TYPES = new Set(['session_meta', 'turn_context', 'event_msg', 'response_item', 'compacted']);

export const codexFormat: LogFormat = {
  id: 'codex',
  label: 'OpenAI Codex CLI session files (~/.codex/sessions/**/rollout-*.jsonl)',
  detect: (first) =>
    first !== undefined && typeof first.type === 'string' && LINE_TYPES.has(first.type) && isObject(first.payload),
  open: (options) => new CodexReader(options),
};

interface Tokens {
  input: number;
  cached: number;
  output: number;
}

class CodexReader implements LogLineReader {
  private model: string | undefined;
  private session: string | undefined;
  private project: string | undefined;
  private branch: string | undefined;
  private total: Tokens | undefined;

  constructor(options: LogReaderOptions) {
    this.session = options.file?.match(
      /rollout-.*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i,
    )?.[1];
  }

  line(text: string): LineReading[] {
    const parsed = parseObject(text);
    if (parsed === undefined) return [{ kind: 'blank' }];
    if ('skip' in parsed) return [{ kind: 'skip', reason: parsed.skip }];
    const { type, payload } = parsed.value;
    if (!isObject(payload)) return [];
    if (type === 'session_meta') {
      this.session = nonEmptyString(payload.id) ?? this.session;
      this.project = nonEmptyString(payload.cwd) ?? this.project;
      this.branch = isObject(payload.git) ? (nonEmptyString(payload.git.branch) ?? this.branch) : this.branch;
      this.model = nonEmptyString(payload.model) ?? this.model;
      return [];
    }
    if (type === 'turn_context') {
      this.model = nonEmptyString(payload.model) ?? this.model;
      this.project = nonEmptyString(payload.cwd) ?? this.project;
      return [];
    }
    if (type !== 'event_msg' || payload.type !== 'token_count') return [];
    if (!isObject(payload.info)) return [];
    return [this.call(payload.info, nonEmptyString(parsed.value.timestamp))];
  }

  end(): LineReading[] {
    return [];
  }

  private call(info: Obj, timestamp: string | undefined): LineReading {
    const total = isObject(info.total_token_usage) ? tokensOf(info.total_token_usage) : undefined;
    const last = isObject(info.last_token_usage) ? tokensOf(info.last_token_usage) : undefined;
    if (total === 'bad' || last === 'bad') return { kind: 'skip', reason: 'token counts are not non-negative numbers' };
    let tokens: Tokens | undefined;
    if (total !== undefined) {
      const previous = this.total ?? { input: 0, cached: 0, output: 0 };
      const grown = {
        input: total.input - previous.input,
        cached: total.cached - previous.cached,
        output: total.output - previous.output,
      };
      this.total = total;
      if (grown.input === 0 && grown.cached === 0 && grown.output === 0) {
        return { kind: 'skip', reason: 'token_count repeating the running total (counted once)' };
      }
      // A total that went down was reset (a resumed or compacted session): the last call is the one to count.
      tokens = grown.input < 0 || grown.cached < 0 || grown.output < 0 ? last : grown;
    } else {
      tokens = last;
    }
    if (tokens === undefined) return { kind: 'skip', reason: 'token_count without usage' };
    if (this.model === undefined)
      return { kind: 'skip', reason: 'token_count before any turn_context names the model' };
    const record: UsageRecord = {
      model: this.model,
      format: 'codex',
      input: tokens.input,
      output: tokens.output,
      cacheRead: Math.min(tokens.cached, tokens.input),
      cacheWrite: 0,
      cacheWrite1h: 0,
      batch: false,
    };
    if (this.session !== undefined) record.session = this.session;
    if (timestamp !== undefined) record.timestamp = timestamp;
    if (this.project !== undefined) record.project = this.project;
    if (this.branch !== undefined) record.branch = this.branch;
    return { kind: 'record', record };
  }
}

function tokensOf(usage: Obj): Tokens | 'bad' {
  const input = count(usage.input_tokens ?? 0);
  const cached = count(usage.cached_input_tokens ?? 0);
  const output = count(usage.output_tokens ?? 0);
  if (input === undefined || cached === undefined || output === undefined) return 'bad';
  return { input, cached, output };
}

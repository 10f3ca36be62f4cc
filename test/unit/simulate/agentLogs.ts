// Coding agents' logs as the tests write them: Claude Code session lines, Codex rollout lines, OTLP JSON exports.
export interface ClaudeUsage {
  input: number;
  output: number;
  read?: number;
  write5m?: number;
  write1h?: number;
}

export function claudeLine(o: {
  id: string;
  request?: string;
  session: string;
  usage: ClaudeUsage;
  model?: string;
  sidechain?: boolean;
  time?: string;
  cwd?: string;
  branch?: string;
}): string {
  const u = o.usage;
  return JSON.stringify({
    parentUuid: null,
    isSidechain: o.sidechain ?? false,
    userType: 'external',
    cwd: o.cwd ?? '/work/demo',
    sessionId: o.session,
    version: '2.0.0',
    gitBranch: o.branch ?? 'main',
    type: 'assistant',
    message: {
      id: o.id,
      type: 'message',
      role: 'assistant',
      model: o.model ?? 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'ok' }],
      usage: {
        input_tokens: u.input,
        cache_creation_input_tokens: (u.write5m ?? 0) + (u.write1h ?? 0),
        cache_read_input_tokens: u.read ?? 0,
        cache_creation: { ephemeral_5m_input_tokens: u.write5m ?? 0, ephemeral_1h_input_tokens: u.write1h ?? 0 },
        output_tokens: u.output,
        service_tier: 'standard',
      },
    },
    requestId: o.request ?? `req_${o.id}`,
    uuid: `${o.id}-${u.output}`,
    timestamp: o.time ?? '2026-11-30T10:00:00.000Z',
  });
}

export function claudeUserLine(session: string): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    cwd: '/work/demo',
    sessionId: session,
    type: 'user',
    message: { role: 'user', content: 'hi' },
    timestamp: '2026-11-30T09:59:00.000Z',
  });
}

export function codexLine(type: string, payload: unknown, time = '2026-11-29T08:00:00.000Z'): string {
  return JSON.stringify({ timestamp: time, type, payload });
}

export function codexTokenCount(
  total: { input: number; cached: number; output: number; reasoning?: number } | null,
  last?: { input: number; cached: number; output: number },
): string {
  const usage = (t: { input: number; cached: number; output: number; reasoning?: number }) => ({
    input_tokens: t.input,
    cached_input_tokens: t.cached,
    output_tokens: t.output,
    reasoning_output_tokens: t.reasoning ?? 0,
    total_tokens: t.input + t.output,
  });
  const info =
    total === null
      ? null
      : { total_token_usage: usage(total), last_token_usage: usage(last ?? total), model_context_window: 272000 };
  return codexLine('event_msg', { type: 'token_count', info, rate_limits: null });
}

export function otlpSpan(attributes: Record<string, string | number>, traceId = 'trace-1'): unknown {
  return {
    traceId,
    spanId: `span-${Object.keys(attributes).length}-${String(attributes['gen_ai.usage.input_tokens'] ?? '')}`,
    name: 'chat',
    startTimeUnixNano: '1764500000000000000',
    attributes: Object.entries(attributes).map(([key, value]) => ({
      key,
      value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value },
    })),
  };
}

export function otlpExport(spans: unknown[]): Record<string, unknown> {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'agent' } }] },
        scopeSpans: [{ scope: { name: 'test' }, spans }],
      },
    ],
  };
}

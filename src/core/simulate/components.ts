// What a session's money is spent on. Every dollar the engine counts lands in exactly one component, so the shares add
// up to the total.

export const COMPONENTS = [
  { id: 'system', label: 'system prompt + tool definitions' },
  { id: 'userInput', label: 'new user messages' },
  { id: 'history', label: 'carried history (earlier messages, summaries)' },
  { id: 'toolResults', label: 'tool results (sent and re-sent)' },
  { id: 'output', label: 'output' },
  { id: 'retries', label: 'retries' },
  { id: 'cacheWrites', label: 'cache writes (prefix written to the cache at the write rate)' },
  { id: 'toolFees', label: 'tool fees (per call: web search, file search)', optional: true },
  { id: 'embeddings', label: 'embedding calls', optional: true },
  { id: 'subagents', label: 'subagent sessions (their whole cost)', optional: true },
] as const;

export type ComponentId = (typeof COMPONENTS)[number]['id'];

// Indices into the engine's per-component accumulators, in COMPONENTS order.
export const SYSTEM = 0;
export const USER_INPUT = 1;
export const HISTORY = 2;
export const TOOL_RESULTS = 3;
export const OUTPUT = 4;
export const RETRIES = 5;
export const CACHE_WRITES = 6;
export const TOOL_FEES = 7;
export const EMBEDDINGS = 8;
export const SUBAGENTS = 9;
export const COMPONENT_COUNT = COMPONENTS.length;

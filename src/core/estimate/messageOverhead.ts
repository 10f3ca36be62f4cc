// Chat formats wrap every message in a few framing tokens. OpenAI's published counting recipe: 3 tokens per message
// plus 3 to prime the reply. We apply the same to other providers (their framing is similar and not published).
export const TOKENS_PER_MESSAGE = 3;
export const REPLY_PRIMING_TOKENS = 3;

// Anthropic inserts a tool-use system prompt when `tools` are passed: 346 tokens for Claude 4-family models with
// tool_choice auto (Anthropic tool-use pricing docs); counted once per call.
export const ANTHROPIC_TOOL_SYSTEM_PROMPT_TOKENS = 346;

export function messageOverhead(messageCount: number): number {
  return messageCount > 0 ? messageCount * TOKENS_PER_MESSAGE + REPLY_PRIMING_TOKENS : 0;
}

// Whether a model's reasoning (thinking) tokens stay in the conversation after the turn that produced them, per
// provider, as data with its source (../shared/notes/billing.md 1c, 2c, 3, 4). Every provider bills reasoning as output
// and keeps it inside a tool loop (it must be sent back with the tool results); what differs is the next user turn.
// A stripped block also ends the cached prefix there: the next turn reads the cache only up to that turn's user message.
import { cacheRuleFor } from './cacheRules';

/** 'keep': carried into later turns; 'strip': dropped at the turn's end; 'keepIfTools': kept only after a tool call. */
export type ReasoningCarry = 'keep' | 'strip' | 'keepIfTools';

interface ReasoningRule {
  provider: 'anthropic' | 'openai' | 'google' | 'deepseek' | 'other';
  carry: ReasoningCarry;
  /** Models of the provider that carry otherwise (first match). */
  byModel: readonly { pattern: RegExp; carry: ReasoningCarry }[];
  source: string;
}

export const REASONING_RULES: readonly ReasoningRule[] = [
  {
    provider: 'anthropic',
    carry: 'strip',
    byModel: [
      {
        pattern:
          /opus-4-[5-9]|opus-4\.[5-9]|sonnet-4-[6-9]|sonnet-4\.[6-9]|(opus|sonnet|fable|mythos)-[5-9]|mythos-preview/,
        carry: 'keep',
      },
    ],
    source:
      'platform.claude.com/docs/en/build-with-claude/extended-thinking (late-2026 copy): Opus 4.5+, Sonnet 4.6+ and Mythos Preview keep prior thinking blocks; Opus ≤4.1, Sonnet ≤4.5 and Haiku through 4.5 drop them after the turn',
  },
  {
    provider: 'openai',
    carry: 'strip',
    byModel: [],
    source:
      'OpenAI cookbook reasoning_items (2025-05-11): reasoning items are kept within a tool loop and removed from earlier user turns (Responses API); GPT-5.6 reasoning.context all_turns keeps them — set reasoningAcrossTurns: true',
  },
  {
    provider: 'google',
    carry: 'strip',
    byModel: [],
    source: 'ai.google.dev/gemini-api/docs/thought-signatures (2026): thought text is not re-sent, only signatures',
  },
  {
    provider: 'deepseek',
    carry: 'keepIfTools',
    byModel: [],
    source:
      'api-docs.deepseek.com/guides/thinking_mode (2026): reasoning is not spliced in between two user messages, but after tool calls it is sent back in every later request',
  },
  {
    provider: 'other',
    carry: 'strip',
    byModel: [],
    source: 'assumption: reasoning dropped after its turn, as most providers do',
  },
];

export function reasoningRuleFor(providerId: string, modelId: string): { carry: ReasoningCarry; source: string } {
  const provider = cacheRuleFor(providerId, modelId).provider;
  const rule = REASONING_RULES.find((r) => r.provider === provider) ?? REASONING_RULES[REASONING_RULES.length - 1]!;
  const id = modelId.toLowerCase();
  return { carry: rule.byModel.find((m) => m.pattern.test(id))?.carry ?? rule.carry, source: rule.source };
}

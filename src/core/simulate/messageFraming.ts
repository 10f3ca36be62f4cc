// Chat formats wrap every message in a few tokens of their own (role markers, separators) and prime each reply; the
// token counts of the texts miss them. Per provider, as data with its source; where no figure is published the
// figure is an estimate and says so. A scenario turns framing on with `messageFraming: true` (these figures) or
// gives its own `{perMessage, perReply}`.
import { cacheRuleFor } from './cacheRules';

export interface Framing {
  /** Tokens added to every message of the conversation (system, user, assistant, tool result). */
  perMessage: number;
  /** Tokens added to each call's input to prime the reply (not carried into later calls). */
  perReply: number;
  source: string;
}

const FRAMING: Readonly<Record<string, Framing>> = {
  openai: {
    perMessage: 3,
    perReply: 3,
    source:
      'OpenAI cookbook How_to_count_tokens_with_tiktoken (tokens_per_message 3, every reply primed with 3 tokens; gpt-4 / gpt-4o chat format, 2024)',
  },
  other: {
    perMessage: 3,
    perReply: 3,
    source:
      "estimate: no per-message figure published for this provider's chat format (its token counts include it); OpenAI's 3 + 3 assumed",
  },
};

export function framingFor(providerId: string, modelId: string): Framing {
  return cacheRuleFor(providerId, modelId).provider === 'openai' ? FRAMING.openai! : FRAMING.other!;
}

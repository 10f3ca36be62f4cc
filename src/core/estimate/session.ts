// Context-window carry: turn k of a session re-sends the prompt plus every earlier user and assistant message.
// Turn k's input = prompt + k × (user message + framing) + (k − 1) × (assistant reply + framing).
import { TOKENS_PER_MESSAGE } from './messageOverhead';

export interface CarryInputs {
  promptTokens: number;
  userTokensPerTurn: number;
  outputTokensPerTurn: number;
  turns: number;
}

export function turnInputTokens({ promptTokens, userTokensPerTurn, outputTokensPerTurn, turns }: CarryInputs): number[] {
  const user = userTokensPerTurn + TOKENS_PER_MESSAGE;
  const reply = outputTokensPerTurn + TOKENS_PER_MESSAGE;
  return Array.from({ length: turns }, (_, i) => promptTokens + (i + 1) * user + i * reply);
}

/** Closed form of the sum of turnInputTokens: T·P + u·T(T+1)/2 + o·T(T−1)/2 (grows quadratically with turns). */
export function sessionInputTokens({ promptTokens, userTokensPerTurn, outputTokensPerTurn, turns: t }: CarryInputs): number {
  const user = userTokensPerTurn + TOKENS_PER_MESSAGE;
  const reply = outputTokensPerTurn + TOKENS_PER_MESSAGE;
  return t * promptTokens + (user * t * (t + 1)) / 2 + (reply * t * (t - 1)) / 2;
}

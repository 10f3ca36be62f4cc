// Context-window carry: turn k of a session re-sends the prompt plus every earlier user and assistant message.
// Turn k's input = prompt + k × (user message + framing) + (k − 1) × (assistant reply + framing).
import { callCost, type RateCard } from '../pricing/rateCard';
import { TOKENS_PER_MESSAGE } from './messageOverhead';

export interface CarryInputs {
  promptTokens: number;
  userTokensPerTurn: number;
  outputTokensPerTurn: number;
  turns: number;
}

export function turnInputTokens({
  promptTokens,
  userTokensPerTurn,
  outputTokensPerTurn,
  turns,
}: CarryInputs): number[] {
  const user = userTokensPerTurn + TOKENS_PER_MESSAGE;
  const reply = outputTokensPerTurn + TOKENS_PER_MESSAGE;
  return Array.from({ length: turns }, (_, i) => promptTokens + (i + 1) * user + i * reply);
}

/** Closed form of the sum of turnInputTokens: T·P + u·T(T+1)/2 + o·T(T−1)/2 (grows quadratically with turns). */
export function sessionInputTokens({
  promptTokens,
  userTokensPerTurn,
  outputTokensPerTurn,
  turns: t,
}: CarryInputs): number {
  const user = userTokensPerTurn + TOKENS_PER_MESSAGE;
  const reply = outputTokensPerTurn + TOKENS_PER_MESSAGE;
  return t * promptTokens + (user * t * (t + 1)) / 2 + (reply * t * (t - 1)) / 2;
}

/**
 * Sum over a session's turns of callCost(rates, {input: turn input, output}), in closed form. Turn inputs rise by a
 * fixed step, so the turns at or below a long-context tier's threshold and those above it are two runs of an
 * arithmetic series; a call's cost is linear within a tier, so each run costs its length times the cost of its mean
 * input (which lies in the same tier as all of the run).
 */
export function sessionCost(rates: RateCard, carry: CarryInputs): number {
  const { promptTokens, userTokensPerTurn, outputTokensPerTurn, turns } = carry;
  if (turns <= 0) return 0;
  const first = promptTokens + userTokensPerTurn + TOKENS_PER_MESSAGE;
  const step = userTokensPerTurn + outputTokensPerTurn + 2 * TOKENS_PER_MESSAGE;
  const above = rates.longContext?.aboveInputTokens;
  const inBase = above === undefined ? turns : Math.min(turns, Math.max(0, Math.floor((above - first) / step) + 1));
  const run = (from: number, to: number): number => {
    const count = to - from;
    if (count <= 0) return 0;
    const meanInput = first + (step * (from + to - 1)) / 2;
    return count * callCost(rates, { input: meanInput, output: outputTokensPerTurn });
  };
  return run(0, inBase) + run(inBase, turns);
}

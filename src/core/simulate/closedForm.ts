// The cost of a session in closed form, for scenarios whose every distribution is a fixed number: sums of arithmetic
// series instead of a loop over calls. It is the engine's reference — with fixed distributions and 'expected' shares
// the simulation must return exactly this — and an independent statement of the carry rules:
//   turn i of a block (i = 0, 1, …) carries i × (user + calls × output) of messages and i × toolCalls × result of tool
//   results; call j of a turn (j = 0 … toolCalls) adds j assistant tool requests and j tool results.
import { callRates, type CallRates, type TokenRates } from './callRates';
import type { ComponentId } from './components';
import type { Scenario } from './scenario';

export interface ClosedForm {
  costUsd: number;
  components: Record<ComponentId, number>;
  /** Billed calls and tokens, retries included (a share of 0.15 adds 0.15 of a call per call). */
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Largest single-call input. */
  maxInputTokens: number;
}

export type ClosedFormResult = { ok: true; value: ClosedForm } | { ok: false; message: string };

interface Tokens {
  calls: number;
  prefix: number;
  user: number;
  history: number;
  tools: number;
  output: number;
  maxInput: number;
}

export function closedFormSession(scenario: Scenario): ClosedFormResult {
  const fixedValue = (key: 'turns' | 'userTokens' | 'outputTokens' | 'toolCallsPerTurn' | 'toolResultTokens'): number | undefined => {
    const dist = scenario[key];
    return dist.kind === 'fixed' ? dist.value : undefined;
  };
  const turnsRaw = fixedValue('turns');
  const u = fixedValue('userTokens');
  const o = fixedValue('outputTokens');
  const cRaw = fixedValue('toolCallsPerTurn');
  const r = fixedValue('toolResultTokens');
  if (turnsRaw === undefined || u === undefined || o === undefined || cRaw === undefined || r === undefined) {
    return { ok: false, message: 'the closed form needs every distribution fixed' };
  }
  if (!Number.isInteger(turnsRaw) || !Number.isInteger(cRaw)) return { ok: false, message: 'the closed form needs whole turns and tool calls' };
  const n = Math.min(Math.max(1, turnsRaw), Math.max(1, Math.floor(scenario.maxTurns)));
  const c = Math.min(Math.max(0, cRaw), scenario.maxToolCallsPerTurn);
  const m = c + 1;
  const P = scenario.systemPromptTokens + scenario.toolDefinitionTokens;
  const every = scenario.summarizeAfterTurns && scenario.summarizeAfterTurns >= 1 ? Math.floor(scenario.summarizeAfterTurns) : 0;
  const N = scenario.summaryTokens;

  const total: Tokens = { calls: 0, prefix: 0, user: 0, history: 0, tools: 0, output: 0, maxInput: 0 };
  const summaries = every > 0 ? Math.floor((n - 1) / every) : 0;
  let baseMessages = 0;
  let baseTools = 0;
  for (let block = 0; block <= summaries; block++) {
    const L = block < summaries ? every : n - every * summaries;
    const pairs = (L * (L - 1)) / 2;
    const inTurn = (c * (c + 1)) / 2;
    total.calls += L * m;
    total.prefix += L * m * P;
    total.user += L * m * u;
    total.history += L * m * baseMessages + m * (u + m * o) * pairs + L * o * inTurn;
    total.tools += L * m * baseTools + m * c * r * pairs + L * r * inTurn;
    total.output += L * m * o;
    const lastCall = P + u + baseMessages + (L - 1) * (u + m * o) + c * o + baseTools + (L - 1) * c * r + c * r;
    total.maxInput = Math.max(total.maxInput, lastCall);
    if (block < summaries) {
      // The summary call: no new user message, the whole block as input, the summary as output.
      const messages = baseMessages + L * (u + m * o);
      const tools = baseTools + L * c * r;
      total.calls += 1;
      total.prefix += P;
      total.history += messages;
      total.tools += tools;
      total.output += N;
      total.maxInput = Math.max(total.maxInput, P + messages + tools);
      baseMessages = N;
      baseTools = 0;
    }
  }

  const hit = Math.min(1, Math.max(0, scenario.cacheHitRate));
  const caching = hit > 0;
  const retry = Math.min(1, Math.max(0, scenario.retryRate));
  const cheapShare = scenario.routing ? Math.min(1, Math.max(0, scenario.routing.share)) : 0;
  const routes: [CallRates, number][] = [[callRates(scenario.rates), 1 - cheapShare]];
  if (scenario.routing && cheapShare > 0) routes.push([callRates(scenario.routing.rates), cheapShare]);

  const components: Record<ComponentId, number> = { system: 0, userInput: 0, history: 0, toolResults: 0, output: 0, retries: 0, cacheWrites: 0 };
  for (const [rates, weight] of routes) {
    if (weight === 0) continue;
    if (total.maxInput > rates.tierAbove) return { ok: false, message: 'the closed form assumes no call reaches the long-context tier' };
    const t: TokenRates = rates.base;
    const writing = caching && rates.writesCache;
    components.system += weight * total.prefix * (hit * t.cacheRead + (writing ? 0 : (1 - hit) * t.input));
    components.cacheWrites += writing ? weight * total.prefix * (1 - hit) * t.cacheWrite : 0;
    components.userInput += weight * total.user * t.input;
    components.history += weight * total.history * t.input;
    components.toolResults += weight * total.tools * t.input;
    components.output += weight * total.output * t.output;
  }
  const beforeRetries = Object.values(components).reduce((sum, x) => sum + x, 0);
  components.retries = beforeRetries * retry;
  return {
    ok: true,
    value: {
      costUsd: beforeRetries + components.retries,
      components,
      calls: total.calls * (1 + retry),
      inputTokens: (total.prefix + total.user + total.history + total.tools) * (1 + retry),
      outputTokens: total.output * (1 + retry),
      maxInputTokens: total.maxInput,
    },
  };
}

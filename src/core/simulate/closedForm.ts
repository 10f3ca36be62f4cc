// The cost of a session in closed form, for scenarios whose every distribution is a fixed number: sums of arithmetic
// series instead of a loop over calls. It is the engine's reference — with fixed distributions and 'expected' shares
// the simulation must return exactly this — and an independent statement of the carry rules:
//   turn i of a block (i = 0, 1, …) carries i × (user + toolCalls × tool-call output + output) of messages and
//   i × toolCalls × result of tool results; call j of a turn (j = 0 … toolCalls) adds j assistant tool requests (of
//   toolCallOutputTokens, else outputTokens) and j tool results.
// Caching: 'off', or 'prefix' (the system prompt and tools, cached when at least the provider's minimum: the session's
// first call writes it, and the first call of every turn after a think time longer than the lifetime). Conversation
// caching, whose reads depend on every earlier call, is checked against calls computed by hand instead (cache tests).
// Retries: each call fails r + r² + … + r^maxRetries times on average; each failed attempt costs the call's input with
// the prefix read from the cache it wrote, plus failedOutputShare of its output.
import { err, type Result } from '../result';
import { callRates, type CallRates, type TokenRates } from './callRates';
import type { ComponentId } from './components';
import { routeCache } from './routeCache';
import { turnExtras } from './turnExtras';
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

export type ClosedFormResult = Result<ClosedForm>;

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
  const fixedValue = (
    key: 'turns' | 'userTokens' | 'outputTokens' | 'toolCallsPerTurn' | 'toolResultTokens',
  ): number | undefined => {
    const dist = scenario[key];
    return dist.kind === 'fixed' ? dist.value : undefined;
  };
  const turnsRaw = fixedValue('turns');
  const u = fixedValue('userTokens');
  const o = fixedValue('outputTokens');
  const toolOutput = scenario.toolCallOutputTokens;
  if (toolOutput && toolOutput.kind !== 'fixed') return err('the closed form needs every distribution fixed');
  const cRaw = fixedValue('toolCallsPerTurn');
  const r = fixedValue('toolResultTokens');
  if (turnsRaw === undefined || u === undefined || o === undefined || cRaw === undefined || r === undefined) {
    return err('the closed form needs every distribution fixed');
  }
  if (scenario.reasoningTokens && !(scenario.reasoningTokens.kind === 'fixed' && scenario.reasoningTokens.value === 0))
    return err('the closed form has no reasoning tokens');
  if (scenario.messageFraming && (scenario.messageFraming.perMessage > 0 || scenario.messageFraming.perReply > 0))
    return err('the closed form has no message framing');
  if (scenario.subagents && scenario.subagents.length > 0)
    return err('the closed form has no subagents (checked against hand-computed sessions instead)');
  if (scenario.runawayRate > 0 && scenario.runawayRate < 1)
    return err('the closed form needs a runaway rate of 0 or 1');
  if (scenario.budget.stopSessions) return err('the closed form has no budget stop');
  if (!Number.isInteger(turnsRaw) || !Number.isInteger(cRaw))
    return err('the closed form needs whole turns and tool calls');
  const n =
    scenario.runawayRate === 1
      ? Math.max(1, Math.floor(scenario.maxTurns))
      : Math.min(Math.max(1, turnsRaw), Math.max(1, Math.floor(scenario.maxTurns)));
  const c = Math.min(Math.max(0, cRaw), scenario.maxToolCallsPerTurn);
  const m = c + 1;
  // A turn's outputs: c tool-call requests of ot tokens and the final answer of o.
  const ot = toolOutput?.kind === 'fixed' ? toolOutput.value : o;
  const turnOutput = c * ot + o;
  const P = scenario.systemPromptTokens + scenario.toolDefinitionTokens;
  const every =
    scenario.summarizeAfterTurns && scenario.summarizeAfterTurns >= 1 ? Math.floor(scenario.summarizeAfterTurns) : 0;
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
    total.history += L * m * baseMessages + m * (u + turnOutput) * pairs + L * ot * inTurn;
    total.tools += L * m * baseTools + m * c * r * pairs + L * r * inTurn;
    total.output += L * turnOutput;
    const lastCall = P + u + baseMessages + (L - 1) * (u + turnOutput) + c * ot + baseTools + (L - 1) * c * r + c * r;
    total.maxInput = Math.max(total.maxInput, lastCall);
    if (block < summaries) {
      // The summary call: no new user message, the whole block as input, the summary as output.
      const messages = baseMessages + L * (u + turnOutput);
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

  // A model whose cache prices are its input price bills the same whatever is cached.
  const cacheless = (card: Scenario['rates']) =>
    (card.cacheReadPerMTok ?? card.inputPerMTok) === card.inputPerMTok && card.cacheWritePerMTok === undefined;
  const priced = [scenario.rates, ...(scenario.routing ? [scenario.routing.rates] : [])];
  if (scenario.caching === 'conversation' && scenario.cacheHitRate > 0 && !priced.every(cacheless)) {
    return err('the closed form covers prefix caching only; conversation caching is checked call by call');
  }
  const cachingMatters = scenario.caching !== 'off' && scenario.cacheHitRate > 0 && !priced.every(cacheless);
  const gap = cachingMatters ? scenario.minutesBetweenTurns : { kind: 'fixed' as const, value: 0 };
  if (gap.kind !== 'fixed') return err('the closed form needs a fixed minutesBetweenTurns');
  const hit = Math.min(1, Math.max(0, scenario.cacheHitRate));
  const retry = Math.min(0.99, Math.max(0, scenario.retryRate));
  let failures = 0;
  for (let i = 1, term = 1; i <= Math.floor(scenario.maxRetries); i++) failures += term *= retry;
  const failedOutput = Math.min(1, Math.max(0, scenario.failedOutputShare));
  const cheapShare = scenario.routing ? Math.min(1, Math.max(0, scenario.routing.share)) : 0;
  const routes: [CallRates, number][] = [[callRates(scenario.rates), 1 - cheapShare]];
  if (scenario.routing && cheapShare > 0) routes.push([callRates(scenario.routing.rates), cheapShare]);
  const cards = [scenario.rates, scenario.routing?.rates ?? scenario.rates];

  const components: Record<ComponentId, number> = {
    system: 0,
    userInput: 0,
    history: 0,
    toolResults: 0,
    output: 0,
    retries: 0,
    cacheWrites: 0,
    toolFees: 0,
    embeddings: 0,
    subagents: 0,
  };
  const extras = turnExtras(scenario);
  components.toolFees = n * c * extras.perToolCallUsd;
  components.embeddings = n * extras.perTurnUsd;
  const rest = total.user + total.history + total.tools;
  if (routes.some(([rates, weight]) => weight > 0 && total.maxInput > rates.tierAbove)) {
    return err('the closed form assumes no call reaches the long-context tier');
  }
  routes.forEach(([rates, weight], index) => {
    if (weight === 0) return;
    const t: TokenRates = rates.base;
    const cache = routeCache(cards[index]!, rates, scenario);
    const cached = cache.on && P >= cache.minTokens && P > 0;
    // Calls that find no live entry: the session's first, and each turn's first after a gap past the lifetime.
    const cold = !cached ? total.calls : gap.value > cache.ttlMinutes ? n : 1;
    const warm = total.calls - cold;
    const missing = cold + warm * (1 - hit);
    const plainPrefix = cached && cache.premium ? 0 : missing * P;
    // Reads come in the provider's steps (OpenAI: 128 tokens); the rest of the prefix is plain input.
    const readable = Math.floor(P / cache.granularity) * cache.granularity;
    const hits = cached ? warm * hit : 0;
    components.system += weight * (hits * (readable * t.cacheRead + (P - readable) * t.input) + plainPrefix * t.input);
    components.cacheWrites += cached && cache.premium ? weight * missing * P * cache.writeBase : 0;
    components.userInput += weight * total.user * t.input;
    components.history += weight * total.history * t.input;
    components.toolResults += weight * total.tools * t.input;
    components.output += weight * total.output * t.output;
    const retryInput =
      (cached ? total.calls * (readable * t.cacheRead + (P - readable) * t.input) : total.prefix * t.input) +
      rest * t.input;
    components.retries += weight * failures * (retryInput + failedOutput * total.output * t.output);
  });
  const costUsd = Object.values(components).reduce((sum, x) => sum + x, 0);
  return {
    ok: true,
    value: {
      costUsd,
      components,
      calls: total.calls * (1 + failures),
      inputTokens: (total.prefix + rest) * (1 + failures),
      outputTokens: total.output * (1 + failures * failedOutput),
      maxInputTokens: total.maxInput,
    },
  };
}

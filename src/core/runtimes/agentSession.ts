// An agent file run as a session by its runtime: every call carries the runtime's prompt (or its subagent preamble),
// the schemas of the tools the agent may use, the memory files the runtime loads, the agent's own body, and the
// history so far — the task message, then each reply and tool result. Priced as a growing cached prefix.
import { TOKENS_PER_MESSAGE } from '../estimate/messageOverhead';
import type { CostUnit, ParsedFile } from '../types';
import { noted, sourced, type InputLayers, type Sourced } from '../usage/resolveInputs';
import { combinedBand, type TokenFigure } from './figures';
import {
  callRow,
  firstCallAbove,
  sessionCost,
  type CallRow,
  type GrowingSession,
  type SessionCost,
} from './prefixCache';
import type { RuntimeId } from './profile';
import type { ResolvedRuntime } from './resolveRuntime';

export type SessionRole = 'main' | 'subagent';

export interface PrefixPart {
  label: string;
  tokens: number;
  band: number;
  /** Source and date for figures from outside; absent for text counted from the workspace. */
  source?: string;
}

export interface AgentSessionFigures {
  runtime: RuntimeId;
  runtimeName: string;
  role: SessionRole;
  calls: Sourced<number>;
  /** The declared cap (maxTurns, max_turns) used for the worst case. */
  maxCalls?: number;
  /** What every call carries before the history. */
  prefix: PrefixPart[];
  prefixTokens: number;
  band: number;
  taskTokens: Sourced<number>;
  outputPerCall: number;
  toolResultTokens: Sourced<number>;
  growthPerCall: number;
  cost: SessionCost;
  worstCase?: SessionCost;
  /** The first, second, third and last two calls (the table shows the growth without a row per call). */
  rows: CallRow[];
  /** The call whose input first passes the runtime's compaction threshold, when one does. */
  compactsAtCall?: number;
  notes: string[];
}

export interface SessionSetup {
  runtime: ResolvedRuntime;
  role: SessionRole;
  file: ParsedFile;
  unit: CostUnit;
  layers: InputLayers;
  /** The agent's own text (body, and for subagents its preloaded skills), counted on the runtime's model. */
  ownTokens: { tokens: number; band: number };
  /** Tool names the agent is limited to (`tools:`); absent = every tool of the runtime. */
  tools?: readonly string[];
  /** The runtime's per-request context the session carries (memory files, listings), from the workspace context. */
  carried: readonly PrefixPart[];
  /** Expected output per call, as the estimate sourced it. */
  outputPerCall: number;
  /** Cap on calls from the file (maxTurns) or the runtime's default for subagents. */
  maxCalls?: { value: number; field: string };
}

export function agentSession(setup: SessionSetup): AgentSessionFigures {
  const { runtime, role } = setup;
  const notes: string[] = [];
  const prefix: PrefixPart[] = [];
  const preamble = role === 'subagent' && runtime.subagentPreamble ? runtime.subagentPreamble : runtime.systemPrompt;
  prefix.push(
    figurePart(
      role === 'subagent' && runtime.subagentPreamble
        ? `${runtime.name} subagent preamble`
        : `${runtime.name} system prompt`,
      preamble,
    ),
  );
  for (const tool of selectTools(runtime, setup.tools, notes))
    prefix.push(figurePart(`tool schema: ${tool.name}`, tool.figure));
  prefix.push(...setup.carried);
  prefix.push({
    label: role === 'subagent' ? 'subagent body (its system prompt)' : 'agent instructions (body)',
    ...setup.ownTokens,
  });

  const prefixTokens = prefix.reduce((sum, p) => sum + p.tokens, 0);
  const band = combinedBand(prefix);
  const taskTokens = sourced('userTokensPerTurn', setup.file, setup.unit, setup.layers);
  const toolResultTokens = sourced('toolResultTokens', setup.file, setup.unit, setup.layers);
  const configured = sourced('turns', setup.file, setup.unit, setup.layers);
  const cap = setup.maxCalls;
  const calls: Sourced<number> =
    cap && configured.value > cap.value
      ? noted(configured, cap.value, `capped by ${cap.field} = ${cap.value}`)
      : configured;

  const growthPerCall = setup.outputPerCall + toolResultTokens.value + 2 * TOKENS_PER_MESSAGE;
  const session: GrowingSession = {
    firstInput: prefixTokens + taskTokens.value + TOKENS_PER_MESSAGE,
    growth: growthPerCall,
    calls: calls.value,
    outputPerCall: setup.outputPerCall,
  };
  const rates = runtime.pricing.ok ? runtime.pricing.rates : undefined;
  const figures: AgentSessionFigures = {
    runtime: runtime.id,
    runtimeName: runtime.name,
    role,
    calls,
    prefix,
    prefixTokens,
    band,
    taskTokens,
    outputPerCall: setup.outputPerCall,
    toolResultTokens,
    growthPerCall,
    cost: sessionCost(session, rates),
    rows: displayedCalls(calls.value).map((k) => callRow(session, k, rates)),
    notes,
  };
  if (cap) {
    figures.maxCalls = cap.value;
    if (cap.value > calls.value) figures.worstCase = sessionCost({ ...session, calls: cap.value }, rates);
  }
  const window = rates?.contextWindow;
  if (window && runtime.compaction) {
    const threshold = Math.floor(window * runtime.compaction.value);
    const at = firstCallAbove(session, threshold, calls.value);
    if (at <= calls.value) {
      figures.compactsAtCall = at;
      notes.push(
        `call ${at} passes ${runtime.name}'s compaction threshold (${Math.round(runtime.compaction.value * 100)}% of ${window.toLocaleString('en-US')} tokens): ` +
          'the runtime would summarise the history there; priced without compaction, an upper bound',
      );
    }
  }
  return figures;
}

/** The tools an agent may call: its `tools:` names matched to the runtime's figures, else all of them. */
function selectTools(runtime: ResolvedRuntime, names: readonly string[] | undefined, notes: string[]) {
  if (!names) return runtime.tools;
  const byName = new Map(runtime.tools.map((t) => [t.name.toLowerCase(), t]));
  if (!runtime.profile.agentToolsByName) {
    notes.push(`${runtime.name}'s tools: names are not matched to schema sizes: every tool is counted`);
    return runtime.tools;
  }
  const chosen = [];
  const unknown: string[] = [];
  for (const name of new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))) {
    const hit = byName.get(name.toLowerCase());
    if (hit) chosen.push(hit);
    else unknown.push(name);
  }
  if (unknown.length > 0)
    notes.push(`no schema size known for ${unknown.join(', ')} (MCP or unknown tools): not counted`);
  return chosen;
}

function figurePart(label: string, figure: TokenFigure): PrefixPart {
  return {
    label,
    tokens: figure.tokens,
    band: figure.band,
    source: `${figure.basis}: ${figure.source} (${figure.date})`,
  };
}

/** 1, 2, 3 … T−1, T: at most five calls, whatever T is. */
function displayedCalls(calls: number): number[] {
  if (calls <= 5) return Array.from({ length: Math.max(0, calls) }, (_, i) => i + 1);
  return [1, 2, 3, calls - 1, calls];
}

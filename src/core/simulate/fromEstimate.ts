// Scenarios started from a prompt or agent file's estimate: its estimated input is the system prompt, its model and
// calls a day are the estimate's. A unit that declares turns (maxTurns, max_iter) is a session of that many turns with
// the estimate's user tokens per turn; any other unit is one call per session. A file of several units (a CrewAI crew)
// starts a tree: its first unit orchestrates and calls each other unit once per session as a subagent, whose expected
// output is the answer that enters the orchestrator's history.
import type { UnitEstimate } from '../estimate/types';
import { fixed } from './distribution';
import type { ScenarioSpec } from './spec';

/** Tokens of the unit's tool schemas (an SDK call's `tools`, a payload's functions): the scenario's tool definitions. */
export function toolSchemaTokens(unit: UnitEstimate): number {
  return unit.input.parts.reduce((sum, part) => sum + (part.role === 'tool-schema' ? part.tokens : 0), 0);
}

export function unitScenarioSpec(unit: UnitEstimate, name: string): ScenarioSpec {
  // Both are the prefix of every call, so the split leaves a session's input as the lens's; it shows the tools apart.
  const tools = toolSchemaTokens(unit);
  const spec: ScenarioSpec = {
    name,
    model: unit.pricing.ok ? unit.pricing.rates.modelId : unit.model.value,
    systemPrompt: { tokens: unit.input.tokens - tools },
    ...(tools > 0 ? { toolDefinitions: { tokens: tools } } : {}),
    // The expected output, already capped by the call's own limit (max_tokens) when it has one.
    outputTokens: fixed(unit.output.expected.value),
    sessionsPerDay: fixed(unit.callsPerDay.value),
    presets: {},
  };
  if (unit.session) {
    spec.turns = fixed(unit.session.turns.value);
    spec.maxTurns = Math.max(1, unit.session.maxTurns, unit.session.turns.value);
    spec.userTokens = fixed(unit.session.userTokensPerTurn.value);
  } else {
    spec.turns = fixed(1);
    spec.userTokens = fixed(0);
    // The engine's cache lives within a session: a one-call session would pay a cache write (Anthropic's premium)
    // that no later call reads, a cost neither the lens nor the provider's bill at volume has. Uncached, as the lens;
    // the panel's caching lever turns it on.
    spec.caching = 'off';
  }
  return spec;
}

/** One scenario per unit; with several units, the first also names the others as its subagents (a tree). */
export function fileScenarioTree(units: readonly UnitEstimate[], fileName: string): ScenarioSpec[] {
  const specs = units.map((unit, i) =>
    unitScenarioSpec(unit, units.length > 1 ? `${fileName} › ${unit.name}${uniqueSuffix(units, i)}` : fileName),
  );
  const [root, ...rest] = specs;
  if (root && rest.length > 0) {
    root.subagents = rest.map((sub, i) => ({
      scenario: sub.name,
      callsPerSession: fixed(1),
      answerTokens: units[i + 1]!.output.expected.value,
      spec: sub,
    }));
  }
  return specs;
}

function uniqueSuffix(units: readonly UnitEstimate[], index: number): string {
  const name = units[index]!.name;
  const before = units.slice(0, index).filter((u) => u.name === name).length;
  return before > 0 ? ` (${before + 1})` : '';
}

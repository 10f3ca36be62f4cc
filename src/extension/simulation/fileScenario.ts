// A scenario started from an open prompt file (or one SDK call of a source file): its estimated input is the system
// prompt (tool schemas apart, as the tool definitions), its model and calls a day
// are the estimate's (so the usage file, frontmatter and settings all count, as in the lens). A unit that declares
// turns (maxTurns, max_iter) is a session of that many turns with the estimate's user tokens per turn; any other
// unit is one call per session, so with no levers moved a simulated session costs what the lens says a call costs.
import { fixed } from '../../core/simulate/distribution';
import type { PrepareDeps } from '../../core/simulate/prepare';
import type { ScenarioSpec } from '../../core/simulate/spec';
import type { UnitEstimate } from '../../core/estimate/types';
import { preparedSource, type ScenarioSource } from './scenarioSources';

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
  }
  return spec;
}

/** One source per unit of the file (a CrewAI file has several); `fileKey` is the file's URI. */
export function fileScenarioSources(
  units: readonly UnitEstimate[],
  relativePath: string,
  fileKey: string,
  deps: PrepareDeps,
  folder?: string,
): ScenarioSource[] {
  return units.map((unit, index) => {
    const name = units.length > 1 ? `${relativePath} › ${unit.name}` : relativePath;
    const spec = unitScenarioSpec(unit, name);
    const shape = unit.session
      ? `${unit.session.turns.value} turns of ${unit.session.userTokensPerTurn.value} user tokens`
      : 'one call per session';
    const tools = toolSchemaTokens(unit);
    const input =
      tools > 0
        ? `${(unit.input.tokens - tools).toLocaleString('en-US')} input tokens as the system prompt and ${tools.toLocaleString('en-US')} of tool definitions`
        : `${unit.input.tokens.toLocaleString('en-US')} input tokens as the system prompt`;
    const limit = unit.output.limit
      ? ` (${unit.output.limit.field} ${unit.output.limit.value.toLocaleString('en-US')})`
      : '';
    const output = `${unit.output.expected.value.toLocaleString('en-US')} output tokens${limit}`;
    const description = `from the ${unit.format === 'source-call' ? "call's" : "file's"} estimate: ${input}, ${output}, ${unit.model.value}, ${unit.callsPerDay.value.toLocaleString('en-US')} sessions/day, ${shape}`;
    const source = preparedSource(
      `file:${fileKey}#${index}`,
      name,
      `${relativePath} (open file)`,
      spec,
      deps,
      description,
    );
    if (folder) source.folder = folder;
    return source;
  });
}

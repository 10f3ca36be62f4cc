// A scenario started from an open prompt file (or one SDK call of a source file): its estimated input is the system
// prompt (tool schemas apart, as the tool definitions), its model and calls a day
// are the estimate's (so the usage file, frontmatter and settings all count, as in the lens). A unit that declares
// turns (maxTurns, max_iter) is a session of that many turns with the estimate's user tokens per turn; any other
// unit is one call per session, so with no levers moved a simulated session costs what the lens says a call costs.
import { toolSchemaTokens, unitScenarioSpec } from '../../core/simulate/fromEstimate';
import type { PrepareDeps } from '../../core/simulate/prepare';
import type { UnitEstimate } from '../../core/estimate/types';
import { preparedSource, type ScenarioSource } from './scenarioSources';

export { toolSchemaTokens, unitScenarioSpec };

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
      : 'one call per session, uncached as the lens prices it';
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

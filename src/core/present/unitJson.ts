// One cost unit as JSON: what `burnrate estimate --json`, `burnrate mcp` and the editor's language-model tools return,
// so every agent sees one shape.
import type { CountedIn } from '../estimate/totals';
import type { UnitEstimate } from '../estimate/types';
import { isAssumedModel } from '../usage/resolveInputs';
import { tokenText } from './money';

/** `countedIn`: where a unit's cost is already counted (a CrewAI agent in its tasks, a prompt file in its promptfoo
 * config), so the totals do not add it again. */
export function unitJson(u: UnitEstimate, countedIn: CountedIn | undefined) {
  return {
    path: u.path,
    format: u.format,
    formatLabel: u.formatLabel,
    name: u.name,
    kind: u.kind,
    loading: u.loading,
    line: u.range.startLine + 1,
    model: u.pricing.ok ? u.pricing.rates.modelId : null,
    modelRequested: u.model.value,
    modelSource: u.model.detail,
    modelAssumed: isAssumedModel(u.model),
    modelResolution: u.pricing.ok ? u.pricing.explanation : null,
    priceError: u.pricing.ok ? null : u.pricing.message,
    rates: u.pricing.ok ? u.pricing.rates : null,
    inputTokens: u.input.tokens,
    tokensExact: u.input.exact,
    tokenErrorBand: u.input.band,
    tokenizer: u.tokenizer,
    inputText: tokenText(u.input.tokens, u.input.exact, u.input.band),
    inputParts: u.input.parts,
    outputTokens: u.output.expected.value,
    outputTokensSource: u.output.expected.detail,
    outputLimit: u.output.limit?.value ?? null,
    callsPerDay: u.callsPerDay.value,
    callsPerDaySource: u.callsPerDay.detail,
    costPerCallUsd: u.cost?.perCall ?? null,
    costPerSessionUsd: u.session?.perSession ?? null,
    callsPerRun: u.callsPerRun ?? 1,
    costPerRunUsd: u.cost?.perRun ?? null,
    countedInTasks: countedIn === 'task',
    countedInConfig: countedIn === 'config',
    worstCasePerCallUsd: u.cost?.worstCasePerCall ?? null,
    costPerDayUsd: u.cost?.perDay ?? null,
    costPerMonthUsd: u.cost?.perMonth ?? null,
    session: u.session ?? null,
    sections: u.sections,
    hints: u.hints,
    problems: u.problems,
  };
}

// What the panel can simulate: the `scenarios:` of a folder's `.burnrate.yaml`, each prepared once up front so the
// scenario list shows its problems and the levers start at its own values. Files a scenario names (system prompt,
// tool definitions, usage logs) are read by the caller beforehand and passed in as text, so this module stays free
// of vscode and of the file system and is tested in Node.
import type { PriceOverride } from '../../core/pricing/overrides';
import { priceDataLookup, type ModelLookup } from '../../core/simulate/modelLookup';
import { err, ok } from '../../core/result';
import { parseScenarios } from '../../core/simulate/parseScenarios';
import { prepareScenario, type PrepareDeps } from '../../core/simulate/prepare';
import { readUsageLog } from '../../core/simulate/replay/replay';
import type { ScenarioSpec } from '../../core/simulate/spec';
import { countTokens } from '../../core/tokenize/count';
import { profileForModel } from '../../core/tokenize/families';
import type { Problem } from '../../core/types';
import type { UsageConfig } from '../../core/usage/usageConfig';
import type { ScenarioChoice } from '../../webview/protocol';
import { leverDefaults } from './levers';
import { cheaperSibling } from './routingModel';

export interface ScenarioSource {
  choice: ScenarioChoice;
  /** The scenario as written; absent when it cannot run. */
  spec?: ScenarioSpec;
  deps: PrepareDeps;
  monthHours?: number;
  /** Folder (URI string) that exports are offered in first. */
  folder?: string;
  /** The prepared scenario as JSON: two sources with the same fingerprint simulate the same (a result can be reused). */
  fingerprint?: string;
}

export type FileText = { text: string } | { error: string };

export interface UsageScenarioInput {
  config: UsageConfig;
  /** The usage file's own problems (a bad key, a bad price), shown with the scenario list. */
  fileProblems: Problem[];
  /** Shown in the scenario list: ".burnrate.yaml (folder)". */
  folderName: string;
  /** Unique per folder (its URI): scenario ids are `usage:<folderKey>#<name>`. */
  folderKey: string;
  /** The text of every file the scenarios name, by the path as written. */
  files: ReadonlyMap<string, FileText>;
  /** `burnrate.prices.overrides` from the settings; the usage file's prices win over them. */
  settingsPrices?: readonly PriceOverride[];
}

export function priceLookup(prices: readonly PriceOverride[]): ModelLookup {
  return priceDataLookup(prices);
}

/** Paths of the files the scenarios name, each once: what the caller must read before usageScenarioSources(). */
export function referencedFiles(specs: readonly ScenarioSpec[]): string[] {
  const paths = new Set<string>();
  for (const spec of specs) {
    for (const value of [spec.systemPrompt, spec.toolDefinitions]) if (value && 'file' in value) paths.add(value.file);
    if (spec.outputTokens && 'fromLog' in spec.outputTokens) paths.add(spec.outputTokens.fromLog);
    if (typeof spec.cacheHitRate === 'object') paths.add(spec.cacheHitRate.fromLog);
  }
  return [...paths];
}

export function usageScenarioSources(input: UsageScenarioInput): { sources: ScenarioSource[]; problems: Problem[] } {
  const parsed = parseScenarios(input.config.scenarios);
  const deps = usageDeps(input);
  const origin = `.burnrate.yaml (${input.folderName})`;
  const sources = parsed.scenarios.map((spec) => {
    const own = parsed.byScenario.get(spec.name) ?? [];
    const source = preparedSource(
      `usage:${input.folderKey}#${spec.name}`,
      spec.name,
      origin,
      spec,
      deps,
      spec.description,
    );
    source.choice.problems.unshift(...own);
    if (input.config.monthHours !== undefined) source.monthHours = input.config.monthHours;
    source.folder = input.folderKey;
    return source;
  });
  const listed = new Set(sources.flatMap((s) => s.choice.problems));
  const problems = [...input.fileProblems, ...parsed.problems.filter((p) => !listed.has(p))].map((p) => ({
    ...p,
    message: `${origin}: ${p.message}`,
  }));
  return { sources, problems };
}

/** A source whose scenario was prepared once to learn its lever values and problems (the run prepares it again). */
export function preparedSource(
  id: string,
  label: string,
  origin: string,
  spec: ScenarioSpec,
  deps: PrepareDeps,
  description?: string,
): ScenarioSource {
  const prepared = prepareScenario(spec, deps);
  const choice: ScenarioChoice = { id, label, origin, problems: [...prepared.problems] };
  if (description) choice.description = description;
  const source: ScenarioSource = { choice, deps };
  if (prepared.scenario) {
    choice.defaults = leverDefaults(
      spec,
      prepared.scenario,
      spec.routing?.model ?? cheaperSibling(prepared.scenario.rates),
    );
    source.spec = spec;
    source.fingerprint = JSON.stringify(prepared.scenario);
  }
  return source;
}

function usageDeps(input: UsageScenarioInput): PrepareDeps {
  const text = (file: string): FileText => input.files.get(file) ?? { error: 'file not read' };
  const deps: PrepareDeps = {
    lookup: priceLookup([...input.config.prices, ...(input.settingsPrices ?? [])]),
    countFile(file, modelId) {
      const read = text(file);
      if ('error' in read) return { error: read.error };
      const count = countTokens(read.text, profileForModel(modelId, input.config.tokenizer));
      return { tokens: count.tokens, exact: count.exact, band: count.band };
    },
    loadLog(file) {
      const read = text(file);
      return 'error' in read ? err(`${file}: ${read.error}`) : ok(readUsageLog(read.text, file));
    },
  };
  if (input.config.defaults.model) deps.defaultModel = input.config.defaults.model;
  return deps;
}

// Reads `.burnrate.yaml`. A malformed file, or a malformed entry, is reported with its line and ignored — the rest of
// the file still applies, and nothing here throws.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { globProblem } from '../glob';
import { LIMITS } from '../limits';
import type { PriceOverride } from '../pricing/overrides';
import { readPriceEntry } from '../pricing/priceEntry';
import { readRuntimeOverrides } from '../runtimes/overrides';
import { isServiceTier, SERVICE_TIERS } from '../pricing/serviceTiers';
import type { ProfileOverride } from '../tokenize/families';
import type { Problem } from '../types';
import { EMPTY_USAGE, type UsageConfig, type UsageDefaults, type UsageOverride } from './usageConfig';

export interface UsageFileResult {
  config: UsageConfig;
  problems: Problem[];
}

const DEFAULT_KEYS = [
  'model',
  'callsPerDay',
  'outputTokens',
  'turns',
  'userTokensPerTurn',
  'toolResultTokens',
  'serviceTier',
  'placeholderTokens',
] as const;
// The yaml package's own default: enough for any honest reuse of anchors, far below a billion laughs.
const MAX_ALIAS_COUNT = 100;
const TOP_KEYS = new Set([
  'defaults',
  'overrides',
  'prices',
  'aliases',
  'priceData',
  'tokenizer',
  'month',
  'runtimes',
  'scenarios',
  'presets',
  'sources',
]);

export function parseUsageFile(text: string, fileName = '.burnrate.yaml'): UsageFileResult {
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true });
  const lineOf = (node: Node | null | undefined): number | undefined => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line - 1;
  };
  const problem = (message: string, node?: Node | null, severity: Problem['severity'] = 'warning') => {
    const line = lineOf(node);
    problems.push(
      line === undefined
        ? { severity, message }
        : { severity, message: `${fileName} line ${line + 1}: ${message}`, line },
    );
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lines.linePos(error.pos[0]).line;
      problems.push({
        severity: 'error',
        message: `${fileName}${line ? ` line ${line}` : ''}: ${error.message.split('\n')[0]} — the usage file is ignored until fixed`,
        ...(line ? { line: line - 1 } : {}),
      });
    }
    return { config: structuredClone(EMPTY_USAGE), problems };
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { config: structuredClone(EMPTY_USAGE), problems };
  if (!isMap(root)) {
    problem('expected a mapping with defaults:, overrides:, prices: … — the usage file is ignored', root, 'error');
    return { config: structuredClone(EMPTY_USAGE), problems };
  }

  const config: UsageConfig = structuredClone(EMPTY_USAGE);
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (!TOP_KEYS.has(key)) problem(`unknown key "${key}" (known: ${[...TOP_KEYS].join(', ')})`, pair.key as Node);
  }

  const defaultsNode = root.get('defaults', true) as Node | undefined;
  if (defaultsNode) config.defaults = readDefaults(defaultsNode, 'defaults', problem);

  const overridesNode = root.get('overrides', true) as Node | undefined;
  if (overridesNode) {
    if (!isSeq(overridesNode))
      problem('overrides: expected a list of {files: glob, model, callsPerDay, …}', overridesNode);
    else
      for (const item of overridesNode.items as Node[]) {
        if (!isMap(item) || typeof item.get('files') !== 'string') {
          problem('overrides entry needs files: "<glob>" — entry ignored', item);
          continue;
        }
        const invalid = globProblem(item.get('files') as string);
        if (invalid) {
          problem(`overrides entry: files: ${invalid} — entry ignored`, item.get('files', true) as Node);
          continue;
        }
        const line = lineOf(item);
        const override: UsageOverride = {
          files: item.get('files') as string,
          ...readDefaults(item, 'overrides entry', problem, ['files']),
        };
        if (line !== undefined) override.line = line;
        config.overrides.push(override);
      }
  }

  const pricesNode = root.get('prices', true) as Node | undefined;
  if (pricesNode) {
    if (!isSeq(pricesNode)) problem('prices: expected a list of {model, inputPerMTok, outputPerMTok}', pricesNode);
    else
      for (const item of pricesNode.items as Node[]) {
        const price = readPrice(item, fileName, lineOf(item), problem);
        if (price) config.prices.push(price);
      }
  }

  const aliasesNode = root.get('aliases', true) as Node | undefined;
  if (aliasesNode) {
    if (!isMap(aliasesNode))
      problem('aliases: expected a mapping of names to models, e.g. {haiku: claude-haiku-4-5}', aliasesNode);
    else {
      config.aliases = [];
      for (const pair of aliasesNode.items) {
        const alias = (pair.key as { value?: unknown } | null)?.value;
        const model = (pair.value as { value?: unknown } | null)?.value;
        const line = lineOf((pair.key as Node | null) ?? undefined);
        if (typeof alias !== 'string' || !alias.trim() || typeof model !== 'string' || !model.trim()) {
          problem(
            'aliases entry: expected name: model (both text) — ignored',
            (pair.value as Node | null) ?? (pair.key as Node),
          );
          continue;
        }
        config.aliases.push({
          alias: alias.trim(),
          model: model.trim(),
          origin: line === undefined ? fileName : `${fileName} line ${line + 1}`,
        });
      }
    }
  }

  const sourcesNode = root.get('sources', true) as Node | undefined;
  if (sourcesNode) {
    const globs = isSeq(sourcesNode)
      ? (sourcesNode.items as Node[]).map((item) => (item as { value?: unknown }).value)
      : [];
    const valid = globs.filter(
      (glob): glob is string => typeof glob === 'string' && glob.trim() !== '' && globProblem(glob) === undefined,
    );
    if (!isSeq(sourcesNode) || valid.length !== globs.length)
      problem('sources: expected a list of globs of source files (src/**/*.ts) — invalid entries ignored', sourcesNode);
    config.sources = valid;
  }
  const priceDataNode = root.get('priceData', true) as Node | undefined;
  if (priceDataNode) {
    const value = (priceDataNode as { value?: unknown }).value;
    const line = lineOf(priceDataNode);
    if (typeof value === 'string' && value.trim())
      config.priceData = { path: value.trim(), ...(line === undefined ? {} : { line }) };
    else
      problem(
        'priceData: expected the path of a genai-prices data file (JSON), relative to this file — ignored',
        priceDataNode,
      );
  }

  const tokenizerNode = root.get('tokenizer', true) as Node | undefined;
  if (tokenizerNode) {
    if (!isMap(tokenizerNode)) problem('tokenizer: expected {family: {factor, band}}', tokenizerNode);
    else
      for (const pair of tokenizerNode.items) {
        const family = String((pair.key as { value?: unknown }).value);
        const value = pair.value as Node | null;
        const factor = isMap(value) ? value.get('factor') : undefined;
        const band = isMap(value) ? value.get('band') : undefined;
        const badFactor = factor !== undefined && !(isPositive(factor) && factor <= LIMITS.tokenizerFactor);
        if (!isMap(value) || badFactor || (band !== undefined && !isFraction(band))) {
          problem(
            `tokenizer.${family}: expected {factor: number in 0 … ${LIMITS.tokenizerFactor}, band: 0..1} — ignored`,
            value ?? (pair.key as Node),
          );
          continue;
        }
        const override: ProfileOverride = {};
        if (typeof factor === 'number') override.factor = factor;
        if (typeof band === 'number') override.band = band;
        config.tokenizer[family] = override;
      }
  }

  const month = root.get('month', true) as Node | undefined;
  if (month) {
    const hours = isMap(month) ? month.get('hours') : undefined;
    if (isPositive(hours) && hours <= LIMITS.monthHours) config.monthHours = hours;
    else
      problem(
        `month: expected {hours: number in 0 … ${LIMITS.monthHours}} (default 730 = 365 × 24 / 12) — ignored`,
        month,
      );
  }

  const runtimesNode = root.get('runtimes', true) as (Node & { toJSON(): unknown }) | undefined;
  if (runtimesNode) {
    const line = lineOf(runtimesNode);
    const read = readRuntimeOverrides(
      runtimesNode.toJSON(),
      line === undefined ? fileName : `${fileName} line ${line + 1}`,
    );
    for (const message of read.problems) problem(message, runtimesNode);
    config.runtimes = read.overrides;
  }

  const scenariosNode = root.get('scenarios', true) as Node | undefined;
  if (scenariosNode !== undefined) {
    // Through the document, so aliases and merge keys read as their expanded text; an alias bomb stops at the count.
    try {
      config.scenarios = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>).scenarios;
    } catch (error) {
      problem(
        `scenarios: ${(error as Error).message.split('\n')[0]} (at most ${MAX_ALIAS_COUNT} alias expansions) — ignored`,
        scenariosNode,
        'error',
      );
    }
  }
  return { config, problems };
}

type Report = (message: string, node?: Node | null) => void;

function readDefaults(node: Node, where: string, problem: Report, extraKeys: string[] = []): UsageDefaults {
  const result: UsageDefaults = {};
  if (!isMap(node)) {
    problem(`${where}: expected a mapping`, node);
    return result;
  }
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown }).value);
    const valueNode = pair.value as Node | null;
    const value = (valueNode as { value?: unknown } | null)?.value;
    if (extraKeys.includes(key)) continue;
    if (!(DEFAULT_KEYS as readonly string[]).includes(key)) {
      problem(`${where}: unknown key "${key}" (known: ${DEFAULT_KEYS.join(', ')})`, pair.key as Node);
      continue;
    }
    if (key === 'model') {
      if (typeof value === 'string' && value.trim()) result.model = value.trim();
      else problem(`${where}.model: expected a model name — ignored`, valueNode);
    } else if (key === 'serviceTier') {
      if (isServiceTier(value)) result.serviceTier = value;
      else
        problem(
          `${where}.serviceTier: expected one of ${SERVICE_TIERS.join(', ')}, got ${JSON.stringify(value ?? null)} — ignored`,
          valueNode,
        );
    } else if (key === 'turns' && !(Number.isInteger(value) && (value as number) >= 1)) {
      problem(
        `${where}.turns: expected a whole number of turns, at least 1, got ${JSON.stringify(value ?? null)} — ignored`,
        valueNode,
      );
    } else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      result[key as Exclude<(typeof DEFAULT_KEYS)[number], 'model' | 'serviceTier'>] = value;
    } else {
      problem(
        `${where}.${key}: expected a non-negative number, got ${JSON.stringify(value ?? null)} — ignored`,
        valueNode,
      );
    }
  }
  return result;
}

function readPrice(node: Node, fileName: string, line: number | undefined, problem: Report): PriceOverride | undefined {
  const read = readPriceEntry(
    isMap(node) ? node.toJSON() : undefined,
    line === undefined ? fileName : `${fileName} line ${line + 1}`,
  );
  if (read.ok) return read.value;
  problem(
    read.error === 'not a mapping'
      ? 'prices entry: expected {model, inputPerMTok, outputPerMTok} — ignored'
      : `prices entry needs model (text), inputPerMTok and outputPerMTok (USD per million tokens, 0 … ${LIMITS.ratePerMTok.toLocaleString('en-US')}) — ignored`,
    node,
  );
  return undefined;
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
function isFraction(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

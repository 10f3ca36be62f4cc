import * as fs from 'fs';
import * as path from 'path';
import { usd } from '../../core/present/money';
import { toCsv } from '../../core/simulate/export/csv';
import { toJson } from '../../core/simulate/export/json';
import { toMarkdown } from '../../core/simulate/export/markdown';
import { toText } from '../../core/simulate/export/text';
import { priceDataLookup } from '../../core/simulate/modelLookup';
import { err, ok } from '../../core/result';
import { parseScenarios } from '../../core/simulate/parseScenarios';
import { prepareScenario, type PrepareDeps } from '../../core/simulate/prepare';
import { presetRuns } from '../../core/simulate/presets';
import { readUsageLog } from '../../core/simulate/replay/replay';
import type { SimulationReport } from '../../core/simulate/result';
import { simulatePlan, type SimulationJob } from '../../core/simulate/run';
import { countTokens } from '../../core/tokenize/count';
import { profileForModel } from '../../core/tokenize/families';
import type { Problem } from '../../core/types';
import { USAGE_FILE_NAME, type UsageConfig } from '../../core/usage/usageConfig';
import { LIMITS } from '../../core/limits';
import { readBoundedText } from '../boundedRead';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_GATE, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { priceDataFor } from '../priceData';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';
import { agentFileScenarios } from './simulateFile';
import { createWorkerPool, defaultWorkerCount } from '../../host/simulate/workerPool';

const DEFAULT_SEED = 1;
const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const FLAGS = {
  config: { type: 'string', value: 'FILE', help: 'usage file to use instead of the nearest .burnrate.yaml' },
  scenario: { type: 'string', value: 'NAME', help: 'simulate only this scenario' },
  preset: {
    type: 'string',
    value: 'NAME',
    help: "base, bull, stress, one of the scenario's own presets, or all (default: all)",
  },
  sessions: {
    type: 'integer',
    value: 'N',
    min: 1,
    max: LIMITS.sessions,
    help: 'sessions simulated per scenario and preset (default: enough for a P99 known to ±1%,\n20,000 to 1,000,000)',
  },
  seed: {
    type: 'integer',
    value: 'S',
    max: 0xffffffff,
    help: `random seed; the same seed gives the same output (default ${DEFAULT_SEED})`,
  },
  workers: {
    type: 'integer',
    value: 'N',
    max: 256,
    help: 'worker threads that simulate batches of sessions in parallel (default: one per CPU core; 0 or 1:\nall in this thread); the output is the same for any N',
  },
  format: { type: 'string', value: 'F', choices: FORMATS, help: 'text, json, csv or markdown (default text)' },
  json: { type: 'boolean', help: 'same as --format json' },
} as const satisfies FlagTable;

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'Monte Carlo cost of agent sessions: P50/P90/P99 per session, day and month; base, bull and stress',
  usage: 'burnrate simulate [path] [options]',
  description: `Monte Carlo simulation of the sessions described under scenarios: in .burnrate.yaml — turns, carried history, tool
calls and results, retries, prompt caching, routing to a cheaper model, summarisation — priced per call. Prints cost
per session (P50/P90/P99/mean), per day and per month for the base, bull and stress presets, where the money goes,
the budget gates each scenario reaches, and how cost grows turn by turn. A path names where the scenarios are: a folder
(its .burnrate.yaml) or a scenario file; default: the nearest .burnrate.yaml from the current folder.`,
  flags: FLAGS,
  footer: `Exit codes: 0 ok; 1 a budget gate tripped — in a base run, at least 10% of sessions reach the per-session budget or
at least 10% of days reach the per-day budget (the P90 is over budget); 2 a usage error, an invalid scenario or a model
without a price.
A month is 730 hours (365 × 24 / 12 = 30.42 days) unless month.hours is set in .burnrate.yaml; the monthly band is built
from sums of simulated days (dayCorrelation sets how alike consecutive days are).
See examples/.burnrate.yaml for every key and its default.`,
  async run({ flags, positionals }, io) {
    const target = scenarioTarget(positionals, flags.config, io.cwd);
    const sessions = flags.sessions ?? 'auto';
    const seed = flags.seed ?? DEFAULT_SEED;
    const format = formatOf(flags.format, flags.json === true);
    const presetFilter = flags.preset ?? 'all';

    const root = target ? findWorkspaceRoot(target.path, io.cwd) : findWorkspaceRoot(io.cwd);
    // A file named on the command line is a scenario file when it holds a scenarios: block; any other file (a prompt,
    // a Claude Code subagent, a CrewAI crew) starts scenarios from its estimate, under the workspace's usage file.
    const agentFile = target?.kind === 'file' && !isScenarioFile(target.path) ? target.path : undefined;
    const explicit =
      target?.kind === 'file' && !agentFile
        ? target.path
        : target?.kind === 'folder'
          ? path.join(target.path, USAGE_FILE_NAME)
          : flags.config !== undefined
            ? path.resolve(io.cwd, flags.config)
            : undefined;
    const usage = loadUsageFile(root, explicit);
    // The same price data as estimate and diff: a pinned priceData: or the data `burnrate prices update` stored.
    for (const warning of priceDataFor(undefined, io.cwd, usage, root).warnings) io.err(`warning: ${warning}\n`);
    if (!agentFile && !usage.file)
      throw new UsageError(
        `no .burnrate.yaml found from ${io.cwd}; write one with a scenarios: block (see examples/.burnrate.yaml) or pass --config`,
      );
    if (!agentFile && usage.config.scenarios === undefined) {
      const broken = usage.problems.filter((p) => p.severity === 'error').map((p) => p.message);
      throw new UsageError(
        broken.length > 0 ? broken.join('\n') : `${usage.file} has no scenarios: block (see examples/.burnrate.yaml)`,
      );
    }
    const problems: Problem[] = [...usage.problems];
    const parsed = agentFile
      ? (() => {
          const fromFile = agentFileScenarios(agentFile, root, usage.config, io.cwd);
          return { scenarios: fromFile.specs, problems: fromFile.problems, byScenario: new Map<string, Problem[]>() };
        })()
      : parseScenarios(usage.config.scenarios);
    problems.push(...parsed.problems);
    let specs = parsed.scenarios;
    const source = agentFile ?? usage.file ?? root;
    const wanted = flags.scenario;
    if (wanted !== undefined) {
      specs = specs.filter((s) => s.name === wanted);
      if (specs.length === 0) {
        const names = parsed.scenarios.map((s) => s.name);
        const broken = parsed.byScenario.has(wanted);
        if (!broken)
          throw new UsageError(
            `no scenario "${wanted}" in ${source}${names.length ? ` (scenarios: ${names.join(', ')})` : ''}`,
          );
      }
    }

    // Files a scenario names are read inside the workspace (a named path's, as estimate finds it) and nowhere else.
    const baseDir = usage.file ? path.dirname(usage.file) : root;
    const deps = prepareDeps(usage.config, baseDir, target ? root : baseDir);
    const jobs: SimulationJob[] = [];
    for (const spec of specs) {
      const prepared = prepareScenario(spec, deps);
      problems.push(...prepared.problems);
      if (!prepared.scenario) continue;
      const runs = presetRuns(prepared.scenario, prepared.presets).filter(
        (r) => presetFilter === 'all' || r.preset === presetFilter,
      );
      if (runs.length === 0) {
        throw new UsageError(
          `no preset "${presetFilter}" for scenario ${spec.name} (base, bull, stress${Object.keys(prepared.presets)
            .filter((n) => n !== 'bull' && n !== 'stress')
            .map((n) => `, ${n}`)
            .join('')} or all)`,
        );
      }
      jobs.push({ scenario: spec.name, runs });
    }
    const errors = problems.filter((p) => p.severity === 'error');
    for (const problem of problems)
      if (format === 'text' || problem.severity === 'error') io.err(`${problem.severity}: ${problem.message}\n`);

    const showProgress = process.stderr.isTTY === true && format === 'text';
    const pool = createWorkerPool({ workers: flags.workers ?? defaultWorkerCount() });
    const outcome = await simulatePlan(jobs, {
      sessions,
      seed,
      batches: pool.run,
      ...(usage.config.monthHours !== undefined ? { monthHours: usage.config.monthHours } : {}),
      ...(showProgress
        ? {
            onProgress: (p) =>
              process.stderr.write(
                `\rsimulating ${p.scenario} (${p.preset}) ${Math.floor((100 * p.done) / p.total)}%   `,
              ),
          }
        : {}),
    }).finally(() => pool.close());
    if (showProgress) process.stderr.write('\r\x1b[K');
    if (!outcome.ok) return EXIT_USAGE; // no signal is passed, so this cannot happen; kept for the type
    const report = outcome.value;
    if (report.scenarios.length > 0 || format === 'json') io.out(render(report, format, problems));
    if (errors.length > 0) return EXIT_USAGE;
    const tripped = trippedGates(report);
    for (const message of tripped) io.err(`budget gate tripped: ${message}\n`);
    return tripped.length > 0 ? EXIT_GATE : EXIT_OK;
  },
});

/**
 * The path argument: a folder (its .burnrate.yaml) or a scenario file. The workspace around it is found as estimate
 * finds it (findWorkspaceRoot), so the files its scenarios name are read inside that workspace only.
 */
function scenarioTarget(
  positionals: readonly string[],
  config: string | undefined,
  cwd: string,
): { kind: 'folder' | 'file'; path: string } | undefined {
  if (positionals.length === 0) return undefined;
  if (positionals.length > 1)
    throw new UsageError(`unexpected argument "${positionals[1]}" (simulate takes one folder or scenario file)`);
  const named = positionals[0]!;
  if (config !== undefined)
    throw new UsageError(`--config and the path "${named}" both name a scenario file: pass one`);
  const absolute = path.resolve(cwd, named);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UsageError(`no such file or folder: ${named}`);
  }
  if (stat.isDirectory()) {
    if (!fs.existsSync(path.join(absolute, USAGE_FILE_NAME)))
      throw new UsageError(`no ${USAGE_FILE_NAME} in ${named} (a folder's scenarios come from its ${USAGE_FILE_NAME})`);
    return { kind: 'folder', path: absolute };
  }
  if (!stat.isFile()) throw new UsageError(`${named} is not a regular file or folder`);
  return { kind: 'file', path: absolute };
}

/** A YAML file whose top level has a scenarios: key (read only as far as that; the usage parser reads it whole). */
function isScenarioFile(file: string): boolean {
  if (!/\.ya?ml$/i.test(file)) return false;
  const text = readBoundedText(file, path.dirname(file));
  return typeof text === 'string' && /^scenarios\s*:/m.test(text);
}

function formatOf(value: string | undefined, json: boolean): Format {
  if (json) {
    if (value !== undefined && value !== 'json') throw new UsageError(`--json and --format ${value} disagree`);
    return 'json';
  }
  // --format's table entry already limits it to FORMATS.
  return (value ?? 'text') as Format;
}

function render(report: SimulationReport, format: Format, problems: Problem[]): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ ...toJson(report), problems }, null, 2) + '\n';
    case 'csv':
      return toCsv(report);
    case 'markdown':
      return toMarkdown(report);
    case 'text':
      return toText(report);
  }
}

/** Base runs whose per-session, per-day, per-user-per-day or per-call budget is tripped (P90 at or over the budget). */
export function trippedGates(report: SimulationReport): string[] {
  const messages: string[] = [];
  for (const scenario of report.scenarios) {
    for (const run of scenario.runs.filter((r) => r.preset === 'base')) {
      const session = run.gates.perSession;
      if (session?.tripped) {
        const stop = session.gates[session.gates.length - 1]!;
        messages.push(
          `${scenario.name}: ${(stop.share * 100).toFixed(1)}% of sessions reach the ${usd(session.budgetUsd)} per-session budget`,
        );
      }
      const day = run.gates.perDay;
      if (day?.tripped) {
        const stop = day.gates[day.gates.length - 1]!;
        messages.push(
          `${scenario.name}: ${(stop.daysShare * 100).toFixed(1)}% of days reach the ${usd(day.budgetUsd)} per-day budget`,
        );
      }
      const userDay = run.gates.perUserPerDay;
      if (userDay?.tripped) {
        const stop = userDay.gates[userDay.gates.length - 1]!;
        messages.push(
          `${scenario.name}: ${(stop.daysShare * 100).toFixed(1)}% of user-days reach the ${usd(userDay.budgetUsd)} per-user-per-day budget`,
        );
      }
      const call = run.gates.perCall;
      if (call?.tripped) {
        const stop = call.gates[call.gates.length - 1]!;
        messages.push(
          `${scenario.name}: ${(stop.share * 100).toFixed(1)}% of calls reach the ${usd(call.budgetUsd)} per-call budget`,
        );
      }
    }
  }
  return messages;
}

/** The file system and price data behind prepareScenario(); paths in the usage file are relative to it. */
export function prepareDeps(config: UsageConfig, baseDir: string, workspaceRoot: string = baseDir): PrepareDeps {
  const readText = (file: string) => readBoundedText(file, workspaceRoot);
  const deps: PrepareDeps = {
    lookup: priceDataLookup(config.prices),
    countFile(file, modelId) {
      const text = readText(path.resolve(baseDir, file));
      if (typeof text !== 'string') return { error: text.error };
      const count = countTokens(text, profileForModel(modelId, config.tokenizer));
      return { tokens: count.tokens, exact: count.exact, band: count.band };
    },
    loadLog(file) {
      const text = readText(path.resolve(baseDir, file));
      if (typeof text !== 'string') return err(`${file}: ${text.error}`);
      return ok(readUsageLog(text, file));
    },
  };
  if (config.defaults.model) deps.defaultModel = config.defaults.model;
  return deps;
}

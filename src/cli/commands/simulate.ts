import * as fs from 'fs';
import * as path from 'path';
import { resolveModel } from '../../core/pricing/resolve';
import { usd } from '../../core/present/money';
import { toCsv } from '../../core/simulate/export/csv';
import { toJson } from '../../core/simulate/export/json';
import { toMarkdown } from '../../core/simulate/export/markdown';
import { toText } from '../../core/simulate/export/text';
import type { ModelLookup } from '../../core/simulate/modelLookup';
import { parseScenarios } from '../../core/simulate/parseScenarios';
import { prepareScenario, type PrepareDeps } from '../../core/simulate/prepare';
import { presetRuns } from '../../core/simulate/presets';
import { readUsageLog } from '../../core/simulate/replay/replay';
import type { SimulationReport } from '../../core/simulate/result';
import { simulatePlan, type SimulationJob } from '../../core/simulate/run';
import { countTokens } from '../../core/tokenize/count';
import { profileForModel } from '../../core/tokenize/families';
import type { Problem } from '../../core/types';
import type { UsageConfig } from '../../core/usage/usageConfig';
import { parseArgs } from '../args';
import { EXIT_GATE, EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../command';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';

const DEFAULT_SEED = 1;
const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: burnrate simulate [options]

Monte Carlo simulation of the sessions described under scenarios: in .burnrate.yaml — turns, carried history, tool
calls and results, retries, prompt caching, routing to a cheaper model, summarisation — priced per call. Prints cost
per session (P50/P90/P99/mean), per day and per month for the base, bull and stress presets, where the money goes,
the budget gates each scenario reaches, and how cost grows turn by turn.

Options:
  --config FILE      usage file to use instead of the nearest .burnrate.yaml
  --scenario NAME    simulate only this scenario
  --preset NAME      base, bull, stress, one of the scenario's own presets, or all (default: all)
  --sessions N       sessions simulated per scenario and preset (default: enough for a P99 known to ±1%,
                     20,000 to 1,000,000)
  --seed S           random seed; the same seed gives the same output (default ${DEFAULT_SEED})
  --format F         text, json, csv or markdown (default text)
  --json             same as --format json
  --help             show this help

Exit codes: 0 ok; 1 a budget gate tripped — in a base run, at least 10% of sessions reach the per-session budget or
at least 10% of days reach the per-day budget (the P90 is over budget); 2 a usage error, an invalid scenario or a model
without a price.
A month is 730 hours (365 × 24 / 12 = 30.42 days) unless month.hours is set in .burnrate.yaml; the monthly band is built
from sums of simulated days (dayCorrelation sets how alike consecutive days are).
See examples/.burnrate.yaml for every key and its default.
`;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Monte Carlo cost of agent sessions: P50/P90/P99 per session, day and month; base, bull and stress',
  help: HELP,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'config', kind: 'string' },
      { name: 'scenario', kind: 'string' },
      { name: 'preset', kind: 'string' },
      { name: 'sessions', kind: 'number' },
      { name: 'seed', kind: 'number' },
      { name: 'format', kind: 'string' },
      { name: 'json', kind: 'boolean' },
    ]);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (scenarios come from .burnrate.yaml)`);
    const sessions = (flags.get('sessions') as number | undefined) ?? 'auto';
    if (sessions !== 'auto' && (!Number.isInteger(sessions) || sessions < 1)) throw new UsageError(`--sessions needs a whole number of at least 1, got ${sessions}`);
    const seed = (flags.get('seed') as number | undefined) ?? DEFAULT_SEED;
    if (!Number.isInteger(seed) || seed > 0xffffffff) throw new UsageError(`--seed needs a whole number below 2^32, got ${seed}`);
    const format = formatOf(flags.get('format') as string | undefined, flags.has('json'));
    const presetFilter = (flags.get('preset') as string | undefined) ?? 'all';

    const root = findWorkspaceRoot(io.cwd);
    const usage = loadUsageFile(root, flags.get('config') ? path.resolve(io.cwd, flags.get('config') as string) : undefined);
    if (!usage.file) throw new UsageError(`no .burnrate.yaml found from ${io.cwd}; write one with a scenarios: block (see examples/.burnrate.yaml) or pass --config`);
    if (usage.config.scenarios === undefined) {
      const broken = usage.problems.filter((p) => p.severity === 'error').map((p) => p.message);
      throw new UsageError(broken.length > 0 ? broken.join('\n') : `${usage.file} has no scenarios: block (see examples/.burnrate.yaml)`);
    }
    const problems: Problem[] = [...usage.problems];
    const parsed = parseScenarios(usage.config.scenarios);
    problems.push(...parsed.problems);
    let specs = parsed.scenarios;
    const wanted = flags.get('scenario') as string | undefined;
    if (wanted !== undefined) {
      specs = specs.filter((s) => s.name === wanted);
      if (specs.length === 0) {
        const names = parsed.scenarios.map((s) => s.name);
        const broken = parsed.problems.some((p) => p.message.startsWith(`scenarios.${wanted}`));
        if (!broken) throw new UsageError(`no scenario "${wanted}" in ${usage.file}${names.length ? ` (scenarios: ${names.join(', ')})` : ''}`);
      }
    }

    const deps = prepareDeps(usage.config, path.dirname(usage.file));
    const jobs: SimulationJob[] = [];
    for (const spec of specs) {
      const prepared = prepareScenario(spec, deps);
      problems.push(...prepared.problems);
      if (!prepared.scenario) continue;
      const runs = presetRuns(prepared.scenario, prepared.presets).filter((r) => presetFilter === 'all' || r.preset === presetFilter);
      if (runs.length === 0) {
        throw new UsageError(`no preset "${presetFilter}" for scenario ${spec.name} (base, bull, stress${Object.keys(prepared.presets).filter((n) => n !== 'bull' && n !== 'stress').map((n) => `, ${n}`).join('')} or all)`);
      }
      jobs.push({ scenario: spec.name, runs });
    }
    const errors = problems.filter((p) => p.severity === 'error');
    for (const problem of problems) if (format === 'text' || problem.severity === 'error') io.err(`${problem.severity}: ${problem.message}\n`);

    const showProgress = process.stderr.isTTY === true && format === 'text';
    const outcome = await simulatePlan(jobs, {
      sessions,
      seed,
      ...(usage.config.monthHours !== undefined ? { monthHours: usage.config.monthHours } : {}),
      ...(showProgress
        ? { onProgress: (p) => process.stderr.write(`\rsimulating ${p.scenario} (${p.preset}) ${Math.floor((100 * p.done) / p.total)}%   `) }
        : {}),
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    if (!outcome.ok) return EXIT_USAGE; // no signal is passed, so this cannot happen; kept for the type
    const report = outcome.value;
    if (report.scenarios.length > 0 || format === 'json') io.out(render(report, format, problems));
    if (errors.length > 0) return EXIT_USAGE;
    const tripped = trippedGates(report);
    for (const message of tripped) io.err(`budget gate tripped: ${message}\n`);
    return tripped.length > 0 ? EXIT_GATE : EXIT_OK;
  },
};

function formatOf(value: string | undefined, json: boolean): Format {
  if (json) {
    if (value !== undefined && value !== 'json') throw new UsageError(`--json and --format ${value} disagree`);
    return 'json';
  }
  if (value === undefined) return 'text';
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
  return value as Format;
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

/** Base runs whose per-session or per-day budget is tripped (P90 at or over the budget). */
export function trippedGates(report: SimulationReport): string[] {
  const messages: string[] = [];
  for (const scenario of report.scenarios) {
    for (const run of scenario.runs.filter((r) => r.preset === 'base')) {
      const session = run.gates.perSession;
      if (session?.tripped) {
        const stop = session.gates[session.gates.length - 1]!;
        messages.push(`${scenario.name}: ${(stop.share * 100).toFixed(1)}% of sessions reach the ${usd(session.budgetUsd)} per-session budget`);
      }
      const day = run.gates.perDay;
      if (day?.tripped) {
        const stop = day.gates[day.gates.length - 1]!;
        messages.push(`${scenario.name}: ${(stop.daysShare * 100).toFixed(1)}% of days reach the ${usd(day.budgetUsd)} per-day budget`);
      }
    }
  }
  return messages;
}

/** The file system and price data behind prepareScenario(); paths in the usage file are relative to it. */
export function prepareDeps(config: UsageConfig, baseDir: string): PrepareDeps {
  const lookup: ModelLookup = (name) => {
    const resolution = resolveModel(name, { overrides: config.prices });
    return resolution.ok ? { ok: true, rates: resolution.rates, explanation: resolution.explanation } : { ok: false, message: resolution.message };
  };
  const deps: PrepareDeps = {
    lookup,
    countFile(file, modelId) {
      const text = readText(path.resolve(baseDir, file));
      if (typeof text !== 'string') return { error: text.error };
      const count = countTokens(text, profileForModel(modelId, config.tokenizer));
      return { tokens: count.tokens, exact: count.exact, band: count.band };
    },
    loadLog(file) {
      const text = readText(path.resolve(baseDir, file));
      if (typeof text !== 'string') return { ok: false, message: `${file}: ${text.error}` };
      return { ok: true, log: readUsageLog(text, file) };
    },
  };
  if (config.defaults.model) deps.defaultModel = config.defaults.model;
  return deps;
}

function readText(file: string): string | { error: string } {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? (error as Error).message})` };
  }
}


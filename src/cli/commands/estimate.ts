import * as fs from 'fs';
import * as path from 'path';
import { isPromptPath } from '../../core/formats';
import { estimateSource } from '../../core/estimate/estimateSource';
import { coveredByTasks, totals } from '../../core/estimate/totals';
import type { UnitEstimate } from '../../core/estimate/types';
import { PRICE_DATA } from '../../core/pricing/catalog';
import { compact, integer, tokenText, usd } from '../../core/present/money';
import type { SkippedFile } from '../../core/types';
import type { UsageDefaults } from '../../core/usage/usageConfig';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_OK } from '../command';
import { renderTable } from '../table';
import { collectFiles, findWorkspaceRoot, loadUsageFile, toPosix, workspacePath } from '../workspace';

const FLAGS = {
  model: { type: 'string', value: 'M', help: 'price every unit on model M (beats frontmatter and .burnrate.yaml)' },
  'calls-per-day': { type: 'number', value: 'N', help: 'calls (or sessions, or requests for always-on context) per day' },
  'output-tokens': { type: 'number', value: 'N', help: 'expected output tokens per call' },
  turns: { type: 'integer', value: 'N', min: 1, help: 'expected turns per session for multi-turn agents (capped by maxTurns / max_iter)' },
  config: { type: 'string', value: 'FILE', help: 'usage file to use instead of the nearest .burnrate.yaml' },
  'max-bytes': { type: 'number', value: 'N', min: 1, help: 'skip files larger than N bytes (default 5 MB)' },
  json: { type: 'boolean', help: 'print one JSON document instead of a table' },
} as const satisfies FlagTable;

export const estimateCommand = defineCommand({
  name: 'estimate',
  summary: 'token counts and cost per call, day and month for prompt and agent files',
  usage: 'burnrate estimate [paths…] [options]',
  description: `Counts tokens and prices every prompt and agent file under the given files or folders (default: the current folder):
one row per cost unit (a prompt file is one call; each CrewAI agent and task is one; CLAUDE.md and other always-on
context is billed on every request).`,
  flags: FLAGS,
  footer: `Token counts are exact for OpenAI models (tiktoken encodings) and marked ≈ with an error band elsewhere.
A month is 730 hours (365 × 24 / 12); change it with month.hours in .burnrate.yaml.
Prices: ${PRICE_DATA.package} ${PRICE_DATA.version} (as of ${PRICE_DATA.asOf}), overridable in .burnrate.yaml (prices:).
A file name that starts with - goes after --: burnrate estimate -- -notes.md`,
  async run({ flags, positionals }, io) {
    const inputs = positionals.length > 0 ? positionals : ['.'];
    const root = findWorkspaceRoot(path.resolve(io.cwd, inputs[0]!));
    const usage = loadUsageFile(root, flags.config);
    const cliFlags: UsageDefaults = {};
    if (flags.model !== undefined) cliFlags.model = flags.model;
    if (flags['calls-per-day'] !== undefined) cliFlags.callsPerDay = flags['calls-per-day'];
    if (flags['output-tokens'] !== undefined) cliFlags.outputTokens = flags['output-tokens'];
    if (flags.turns !== undefined) cliFlags.turns = flags.turns;

    const walked = collectFiles(inputs, io.cwd, root, (relative) => isPromptPath(relative));
    const units: UnitEstimate[] = [];
    const skipped: SkippedFile[] = [];
    const fileProblems: { path: string; severity: string; message: string; line?: number }[] = [];
    for (const file of walked.files) {
      const shown = toPosix(path.relative(io.cwd, file)) || path.basename(file);
      const relativePath = workspacePath(root, file);
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        skipped.push({ path: shown, reason: `cannot read: ${(error as Error).message}` });
        continue;
      }
      const result = estimateSource(shown, bytes, {
        relativePath,
        usage: usage.config,
        flags: cliFlags,
        readCompanion: (companion) => readIfExists(path.join(root, companion)),
        ...(flags['max-bytes'] !== undefined ? { maxBytes: flags['max-bytes'] } : {}),
      });
      if (!result.ok) {
        skipped.push(result.skipped);
        continue;
      }
      units.push(...result.estimate.units);
      for (const problem of result.estimate.problems) fileProblems.push({ path: shown, ...problem });
    }
    const sum = totals(units);
    const covered = coveredByTasks(units);
    const monthHours = usage.config.monthHours ?? 730;

    if (flags.json) {
      io.out(JSON.stringify({
        priceData: PRICE_DATA,
        monthHours,
        workspaceRoot: root,
        usageFile: usage.file ?? null,
        usageFileProblems: usage.problems,
        units: units.map((u) => unitJson(u, covered.has(u))),
        skipped,
        problems: fileProblems,
        ignoredFiles: walked.ignored,
        totals: {
          units: sum.units,
          pricedUnits: sum.pricedUnits,
          unpricedUnits: sum.unpricedUnits,
          unitsCountedInTheirTasks: sum.coveredUnits,
          exact: sum.exact,
          costPerDayUsd: sum.perDay,
          costPerMonthUsd: sum.perMonth,
        },
      }, null, 2) + '\n');
      return EXIT_OK;
    }

    for (const problem of usage.problems) io.err(`warning: ${problem.message}\n`);
    if (units.length > 0) {
      io.out(renderTable(
        [
          { title: 'path' }, { title: 'unit' }, { title: 'format' }, { title: 'model' },
          { title: 'input', align: 'right' }, { title: 'output', align: 'right' },
          { title: '$/call', align: 'right' }, { title: 'calls/day', align: 'right' }, { title: '$/day', align: 'right' }, { title: '$/month', align: 'right' },
        ],
        units.map((u) => tableRow(u, covered.has(u))),
      ));
    } else {
      io.out('No prompt or agent files found.\n');
    }
    const approxTotal = sum.exact ? '' : '≈';
    io.out(`\nTotal: ${approxTotal}${usd(sum.perDay)}/day · ${approxTotal}${usd(sum.perMonth)}/month over ${sum.pricedUnits} priced unit${sum.pricedUnits === 1 ? '' : 's'}`);
    if (sum.coveredUnits > 0) io.out(` (CrewAI agents are counted in their tasks: † rows)`);
    io.out(sum.unpricedUnits > 0 ? ` — ${sum.unpricedUnits} unit${sum.unpricedUnits === 1 ? ' has' : 's have'} no price and ${sum.unpricedUnits === 1 ? 'is' : 'are'} not in the total\n` : '\n');
    io.out(`≈ = estimated count (no exact offline tokenizer for that model). Month = ${monthHours} hours. Prices: ${PRICE_DATA.package} ${PRICE_DATA.version}, as of ${PRICE_DATA.asOf}.\n`);
    const notes = units.flatMap((u) => u.problems.map((p) => `${u.path}#${u.name}: ${p.message.split('\n')[0]}`));
    const seen = new Set<string>();
    for (const note of [...fileProblems.filter((p) => p.severity !== 'info').map((p) => `${p.path}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message}`), ...notes]) {
      if (!seen.has(note)) io.out(`  ! ${note}\n`);
      seen.add(note);
    }
    if (units.some((u) => !u.pricing.ok)) io.out('  Add a price in .burnrate.yaml:  prices: [{model: NAME, inputPerMTok: 1.0, outputPerMTok: 4.0}]\n');
    if (skipped.length > 0) {
      io.out(`\nSkipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}:\n`);
      for (const s of skipped) io.out(`  ${s.path}: ${s.reason}\n`);
    }
    return EXIT_OK;
  },
});

function readIfExists(file: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function tableRow(u: UnitEstimate, countedInTasks: boolean): string[] {
  const approx = u.input.exact ? '' : '≈';
  const output = u.kind === 'always-on' ? '—' : `${integer(u.output.expected.value)}${u.output.limit ? ` (≤${integer(u.output.limit.value)})` : ''}`;
  const model = u.pricing.ok ? u.pricing.rates.modelId : `${u.model.value} (no price)`;
  // For multi-turn units the money column is per session (all turns with carry), which is what calls/day multiplies.
  const runLabel = u.session ? 'sess' : u.callsPerRun ? `run` : undefined;
  const perCallLabel = !u.cost ? 'no price' : runLabel ? `${approx}${usd(u.cost.perRun)}/${runLabel}` : `${approx}${usd(u.cost.perCall)}`;
  const callsLabel = `${compact(u.callsPerDay.value)}${u.kind === 'always-on' ? ' req' : u.session ? ' sess' : u.callsPerRun ? ` runs of ${u.callsPerRun}` : ''}`;
  const dagger = countedInTasks ? ' †' : '';
  return [
    u.path,
    u.session ? `${u.name} (${u.session.turns.value} turns)` : u.name,
    u.kind === 'always-on' ? `${u.formatLabel} (always-on)` : u.formatLabel,
    model,
    u.input.exact ? integer(u.input.tokens) : `≈${integer(u.input.tokens)}`,
    output,
    perCallLabel,
    callsLabel,
    u.cost ? `${approx}${usd(u.cost.perDay)}${dagger}` : '—',
    u.cost ? `${approx}${usd(u.cost.perMonth)}${dagger}` : '—',
  ];
}

function unitJson(u: UnitEstimate, countedInTasks: boolean) {
  return {
    path: u.path,
    format: u.format,
    formatLabel: u.formatLabel,
    name: u.name,
    kind: u.kind,
    line: u.range.startLine + 1,
    model: u.pricing.ok ? u.pricing.rates.modelId : null,
    modelRequested: u.model.value,
    modelSource: u.model.detail,
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
    countedInTasks,
    worstCasePerCallUsd: u.cost?.worstCasePerCall ?? null,
    costPerDayUsd: u.cost?.perDay ?? null,
    costPerMonthUsd: u.cost?.perMonth ?? null,
    session: u.session ?? null,
    sections: u.sections,
    hints: u.hints,
    problems: u.problems,
  };
}

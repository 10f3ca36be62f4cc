import * as fs from 'fs';
import * as path from 'path';
import { isListedPath } from '../../core/formats';
import { estimateSource } from '../../core/estimate/estimateSource';
import { countedElsewhere, type CountedIn, totals } from '../../core/estimate/totals';
import type { UnitEstimate } from '../../core/estimate/types';
import { priceDataJson, priceDataLine, staleNotice } from '../../core/pricing/freshness';
import { usd } from '../../core/present/money';
import { unitJson } from '../../core/present/unitJson';
import type { SkippedFile } from '../../core/types';
import { skippedFile } from '../../core/problems/skipText';
import { isAssumedModel } from '../../core/usage/resolveInputs';
import type { UsageDefaults } from '../../core/usage/usageConfig';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_OK } from '../command';
import { priceDataFor, PRICES_FLAG } from '../priceData';
import { diskRuntimeEnvironment } from '../../host/runtimeEnvironment';
import { hasContextFileName } from '../../core/runtimes/contextFileNames';
import { companionBytesReader } from '../../host/diskSnapshot';
import { prepareSourceScope } from '../sourceScope';
import { exactCountsCounter } from '../../core/calibrate/exactCounts';
import { plainCounter } from '../../core/tokenize/textCounter';
import { readExactCounts } from '../exactCountsFile';
import { estimateTable, LOADING_LEGEND } from './estimateTable';
import {
  collectFiles,
  findWorkspaceRoot,
  listWorkspaceFiles,
  loadUsageFile,
  toPosix,
  workspacePath,
} from '../workspace';

const FLAGS = {
  model: { type: 'string', value: 'M', help: 'price every unit on model M (beats frontmatter and .burnrate.yaml)' },
  'calls-per-day': {
    type: 'number',
    value: 'N',
    help: 'calls (or sessions, or requests for always-on context) per day',
  },
  'output-tokens': { type: 'number', value: 'N', help: 'expected output tokens per call' },
  turns: {
    type: 'integer',
    value: 'N',
    min: 1,
    help: 'expected turns per session for multi-turn agents (capped by maxTurns / max_iter)',
  },
  config: { type: 'string', value: 'FILE', help: 'usage file to use instead of the nearest .burnrate.yaml' },
  prices: PRICES_FLAG,
  'max-bytes': { type: 'number', value: 'N', min: 1, help: 'skip files larger than N bytes (default 5 MB)' },
  json: { type: 'boolean', help: 'print one JSON document instead of a table' },
  source: {
    type: 'boolean',
    help: 'also price the LLM SDK calls in TypeScript, JavaScript and Python files (or list sources: globs in .burnrate.yaml)',
  },
  wide: { type: 'boolean', help: 'show every table column in full (the default table fits 120 columns)' },
} as const satisfies FlagTable;

export const estimateCommand = defineCommand({
  name: 'estimate',
  summary: 'token counts and cost per call, day and month for prompt and agent files',
  usage: 'burnrate estimate [paths…] [options]',
  description: `Counts tokens and prices every prompt and agent file under the given files or folders (default: the current folder):
one row per cost unit (a prompt file is one call; each CrewAI agent and task is one; CLAUDE.md and other always-on
context is billed on every request).`,
  flags: FLAGS,
  footer: `Token counts are exact for OpenAI models (tiktoken encodings) and Gemini (Gemma 3 tokenizer), and for Claude texts\nchecked with burnrate calibrate --claude; marked ≈ with an error band elsewhere.
A month is 730 hours (365 × 24 / 12); change it with month.hours in .burnrate.yaml.
Prices: the bundled genai-prices data unless "burnrate prices update" stored newer data or --prices / priceData: pins
a file ("burnrate prices" says which); rates overridable in .burnrate.yaml (prices:).
A file name that starts with - goes after --: burnrate estimate -- -notes.md`,
  async run({ flags, positionals }, io) {
    const inputs = positionals.length > 0 ? positionals : ['.'];
    const root = findWorkspaceRoot(path.resolve(io.cwd, inputs[0]!), io.cwd);
    const usage = loadUsageFile(root, flags.config);
    const prices = priceDataFor(flags.prices, io.cwd, usage, root);
    const cliFlags: UsageDefaults = {};
    if (flags.model !== undefined) cliFlags.model = flags.model;
    if (flags['calls-per-day'] !== undefined) cliFlags.callsPerDay = flags['calls-per-day'];
    if (flags['output-tokens'] !== undefined) cliFlags.outputTokens = flags['output-tokens'];
    if (flags.turns !== undefined) cliFlags.turns = flags.turns;

    const sourceProblem = await prepareSourceScope(flags.source === true, usage.config, inputs, io.cwd, root);
    if (sourceProblem) io.err(`warning: ${sourceProblem}\n`);
    // Companions a file names (a prompt a source file reads) are untrusted paths: regular files inside the workspace only.
    const readInside = companionBytesReader(root, flags['max-bytes'] ?? undefined);
    const readCompanion = Object.assign((companion: string) => readInside(companion), {
      list: (dir: string) => listWorkspaceFiles(root, dir),
    });
    // Texts `burnrate calibrate --claude` counted exactly are shown exact (a local cache read; no network).
    const exactCounts = readExactCounts();
    if (exactCounts.problem) io.err(`warning: ${exactCounts.problem}\n`);
    const counter = exactCountsCounter(exactCounts.counts, plainCounter);
    const runtimes = diskRuntimeEnvironment(
      root,
      usage.config,
      flags['max-bytes'] !== undefined ? { maxBytes: flags['max-bytes'] } : {},
    );
    const renamed = runtimes.options.contextFileNames;
    const walked = collectFiles(
      inputs,
      io.cwd,
      root,
      (relative) => isListedPath(relative) || hasContextFileName(relative, renamed),
    );
    const units: UnitEstimate[] = [];
    const skipped: SkippedFile[] = walked.refused.map((r) => skippedFile(r.path, { code: 'not-read', why: r.reason }));
    const fileProblems: { path: string; severity: string; message: string; line?: number }[] = [];
    for (const file of walked.files) {
      const shown = toPosix(path.relative(io.cwd, file)) || path.basename(file);
      const relativePath = workspacePath(root, file);
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        skipped.push(skippedFile(shown, { code: 'not-read', why: `cannot read: ${(error as Error).message}` }));
        continue;
      }
      const result = estimateSource(shown, bytes, {
        relativePath,
        usage: usage.config,
        flags: cliFlags,
        runtimes,
        readCompanion,
        namedByUser: walked.named.has(file),
        counter,
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
    const covered = countedElsewhere(units);
    const monthHours = usage.config.monthHours ?? 730;

    if (flags.json) {
      io.out(
        JSON.stringify(
          {
            priceData: priceDataJson(prices.info),
            priceDataWarnings: prices.warnings,
            monthHours,
            workspaceRoot: root,
            usageFile: usage.file ?? null,
            usageFileProblems: usage.problems,
            units: units.map((u) => unitJson(u, covered.get(u))),
            skipped,
            problems: fileProblems,
            ignoredFiles: walked.ignored,
            totals: {
              units: sum.units,
              pricedUnits: sum.pricedUnits,
              unpricedUnits: sum.unpricedUnits,
              unitsCountedInTheirTasks: [...covered.values()].filter((c) => c === 'task').length,
              unitsCountedInTheirConfigs: [...covered.values()].filter((c) => c === 'config').length,
              exact: sum.exact,
              costPerDayUsd: sum.perDay,
              costPerMonthUsd: sum.perMonth,
            },
          },
          null,
          2,
        ) + '\n',
      );
      return EXIT_OK;
    }

    for (const problem of usage.problems) io.err(`warning: ${problem.message}\n`);
    for (const warning of prices.warnings) io.err(`warning: ${warning}\n`);
    if (units.length > 0) {
      io.out(estimateTable(units, covered, flags.wide === true));
      const approxTotal = sum.exact ? '' : '≈';
      io.out(
        `\nTotal: ${approxTotal}${usd(sum.perDay)}/day · ${approxTotal}${usd(sum.perMonth)}/month over ${sum.pricedUnits} priced unit${sum.pricedUnits === 1 ? '' : 's'}`,
      );
      if (sum.coveredUnits > 0) io.out(` (${coveredNote(new Set(covered.values()))}: † rows)`);
      io.out(
        sum.unpricedUnits > 0
          ? ` — ${sum.unpricedUnits} unit${sum.unpricedUnits === 1 ? ' has' : 's have'} no price and ${sum.unpricedUnits === 1 ? 'is' : 'are'} not in the total\n`
          : '\n',
      );
      io.out(
        `≈ = estimated count (no exact offline tokenizer for that model). Month = ${monthHours} hours. Prices: ${priceDataLine(prices.info)}.\n`,
      );
      io.out(`${LOADING_LEGEND}\n`);
      const assumed = units.filter((u) => isAssumedModel(u.model));
      if (assumed.length > 0) {
        io.out(
          `* priced on the default model ${assumed[0]!.model.value} (${assumed[0]!.model.detail}): no file or .burnrate.yaml names one — an assumption; set defaults.model in .burnrate.yaml.\n`,
        );
      }
      const notice = staleNotice(prices.info);
      if (notice) io.out(`${notice}\n`);
    } else {
      io.out(nothingFound(inputs, walked.ignored, skipped.length, root, io.cwd)); // no total: nothing was priced, not $0
    }
    // Warnings (!) first, then notes (i) such as "prompt read from file://prompts.txt": both say how a figure was made.
    const where = (p: { path: string; line?: number }) => `${p.path}${p.line !== undefined ? `:${p.line + 1}` : ''}`;
    const unitNotes = units.flatMap((u) =>
      u.problems.map((p) => ({ severity: p.severity, text: `${u.path}#${u.name}: ${p.message.split('\n')[0]}` })),
    );
    const allNotes = [
      ...fileProblems.map((p) => ({ severity: p.severity, text: `${where(p)}: ${p.message}` })),
      ...unitNotes,
    ];
    const seen = new Set<string>();
    for (const severity of ['error', 'warning', 'info']) {
      for (const note of allNotes.filter((n) => n.severity === severity)) {
        if (!seen.has(note.text)) io.out(`  ${severity === 'info' ? 'i' : '!'} ${note.text}\n`);
        seen.add(note.text);
      }
    }
    if (units.some((u) => !u.pricing.ok))
      io.out('  Add a price in .burnrate.yaml:  prices: [{model: NAME, inputPerMTok: 1.0, outputPerMTok: 4.0}]\n');
    if (skipped.length > 0) {
      io.out(`\nSkipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}:\n`);
      for (const s of skipped) io.out(`  ${s.path}: ${s.reason}\n`);
    }
    if (walked.ignored > 0)
      io.out(
        `\n${walked.ignored} other file${walked.ignored === 1 ? '' : 's'} ignored (not a prompt or agent file of a known family).\n`,
      );
    return EXIT_OK;
  },
});

/** Where a walk that priced nothing looked, and what to do about it. */
function nothingFound(inputs: readonly string[], ignored: number, skipped: number, root: string, cwd: string): string {
  const where = inputs.map((input) => toPosix(input)).join(', ');
  const others =
    ignored > 0
      ? `; ${ignored} other file${ignored === 1 ? ' there is not a prompt or agent file' : 's there are not prompt or agent files'}`
      : '';
  const rootShown = toPosix(path.relative(cwd, root)) || '.';
  return (
    `No prompt or agent files found in ${where} (workspace root ${rootShown}${others}${skipped > 0 ? `; ${skipped} skipped, below` : ''}).\n` +
    `Name a file to price it as a plain prompt (burnrate estimate notes/system.txt), or see the formats in the README.\n`
  );
}

/** What the † rows are, in words. */
function coveredNote(kinds: ReadonlySet<CountedIn>): string {
  const parts: string[] = [];
  if (kinds.has('task')) parts.push('CrewAI agents are counted in their tasks');
  if (kinds.has('config')) parts.push('prompt files a promptfoo config reads are counted in that config');
  return parts.join('; ');
}

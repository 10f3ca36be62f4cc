import * as path from 'path';
import {
  checkGates,
  diffReportJson,
  renderDiffMarkdown,
  renderDiffText,
  review,
  type GateLimits,
  type GateResult,
  type GitFailure,
} from '../../core/diff';
import type { ExplicitUsage } from '../../core/diff/usageSides';
import { markdownText } from '../../core/present/markdownEscape';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_GATE, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../command';
import { CliGitSource, type HeadSide } from '../git/cliGitSource';
import { openRepository } from '../git/openRepository';
import { realish, toRepoPath } from '../git/repoPaths';
import { mergeBase, resolveRef } from '../git/resolveRef';
import { locateUsageFile } from '../../host/git/usageLocation';
import { diffPriceData } from '../diffPriceData';
import { PRICES_FLAG } from '../priceData';
import { loadUsageFile } from '../workspace';
import { prepareSourceScope } from '../sourceScope';

const FLAGS = {
  base: { type: 'string', value: 'REF', help: 'compare against REF: a commit, branch or tag (default HEAD)' },
  head: { type: 'string', value: 'REF', help: 'compare REF instead of the working tree' },
  staged: { type: 'boolean', help: 'compare the index (what the next commit will hold) instead of the working tree' },
  'merge-base': {
    type: 'boolean',
    help: 'compare against the merge base of --base and the head (what a pull request adds)',
  },
  json: { type: 'boolean', help: 'print a JSON document: per file and unit, before/after tokens and costs, totals' },
  markdown: { type: 'boolean', help: 'print a pull-request comment' },
  'fail-on-increase-usd-month': {
    type: 'number',
    value: 'N',
    help: 'exit 1 when the total monthly cost rises by more than N USD',
  },
  'fail-on-increase-percent': {
    type: 'number',
    value: 'P',
    help: "exit 1 when a file's $/month or input tokens rise by more than P percent\n(new files have no baseline: the USD gate covers them)",
  },
  'usage-from-head': { type: 'boolean', help: "price both sides with the head's .burnrate.yaml" },
  'usage-from-base': {
    type: 'boolean',
    help: "price both sides with the base's .burnrate.yaml — for CI gates, so a pull request's\nown usage file (a $0 price, a lower call rate) cannot lower the cost it is judged by",
  },
  config: { type: 'string', value: 'FILE', help: 'price both sides with this usage file' },
  source: {
    type: 'boolean',
    help: 'also compare the LLM SDK calls in TypeScript, JavaScript and Python files (or list sources: in .burnrate.yaml)',
  },
  prices: PRICES_FLAG,
  'max-bytes': {
    type: 'number',
    value: 'N',
    min: 1,
    help: 'do not compare files larger than N bytes (default 5 MB); a changed file over it\ncannot be compared and exits 2',
  },
} as const satisfies FlagTable;

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'cost change of prompt and agent files against git HEAD or any two refs (CI gates)',
  usage: 'burnrate diff [paths…] [options]',
  description: `Compares the cost of prompt and agent files between two versions. By default: the working tree (staged, unstaged
and untracked files) against HEAD. One row per changed cost unit — "~ path#unit +$X/mo ($before → $after)" — then
the total with its percent. Renames are followed (git's rename detection); new files count from zero, deleted files
go to zero; a model switch shows its cost even when no text changed. Paths limit the diff to those files or folders.`,
  flags: FLAGS,
  footer: `Usage file: each side is priced with its own .burnrate.yaml (the nearest one at or above the current folder inside
the repository, else the repository root's), read from that side. When it changed, every prompt it covers is
re-priced and listed, so a new default model or call rate shows its cost; --usage-from-head prices both sides with
the head's file, so only the prompts' own changes show; --usage-from-base with the base's. The report always says
which was used.

Exit codes: 0 no gate tripped · 1 a gate tripped (the message names the gate and the files; with any gate, a changed
unit without a price at the head trips it, since its cost cannot be checked) · 2 usage or git error (not a
repository, unknown ref, shallow history, no commits), or a changed file that cannot be compared (binary at one side,
merge conflict markers, over --max-bytes).

Pre-commit hook (.git/hooks/pre-commit):  npx burnrate diff --staged --fail-on-increase-percent 20
CI on a pull request:  npx burnrate diff --base origin/main --merge-base --head HEAD --usage-from-base --markdown --fail-on-increase-usd-month 50`,
  async run({ flags, positionals }, io) {
    if (flags.json && flags.markdown) throw new UsageError('choose one of --json and --markdown');
    if (flags.staged && flags.head !== undefined)
      throw new UsageError('--staged compares the index; it cannot be combined with --head');
    const usageFrom = flags['usage-from-head'] ? 'head' : flags['usage-from-base'] ? 'base' : undefined;
    if (flags['usage-from-head'] && flags['usage-from-base'])
      throw new UsageError('choose one of --usage-from-head and --usage-from-base');
    if (flags.config !== undefined && usageFrom)
      throw new UsageError(`--config already prices both sides; drop --usage-from-${usageFrom}`);
    for (const name of ['base', 'head'] as const) {
      const ref = flags[name];
      if (ref !== undefined && (ref.trim() === '' || ref.startsWith('-')))
        throw new UsageError(`--${name} needs a ref (commit, branch or tag), got "${ref}"`);
    }

    const fail = (failure: GitFailure | { message: string }) => {
      io.err(`burnrate diff: ${failure.message}\n`);
      return EXIT_USAGE;
    };
    const cwd = realish(path.resolve(io.cwd));
    const repository = await openRepository(cwd);
    if (!repository.ok) return fail(repository.error);
    const top = repository.value;

    const pathspecs: string[] = [];
    for (const input of positionals) {
      const repoPath = toRepoPath(top, cwd, input);
      if (!repoPath.ok) return fail({ message: repoPath.error });
      pathspecs.push(repoPath.value === '' ? '.' : repoPath.value);
    }

    const baseRef = flags.base ?? 'HEAD';
    const headRef = flags.head;
    let base = await resolveRef(top, baseRef, '--base');
    if (!base.ok) return fail(base.error);
    let head: HeadSide = flags.staged ? { kind: 'index' } : { kind: 'worktree' };
    if (headRef !== undefined) {
      const resolved = await resolveRef(top, headRef, '--head');
      if (!resolved.ok) return fail(resolved.error);
      head = { kind: 'commit', ref: resolved.value };
    }
    if (flags['merge-base']) {
      base = await mergeBase(top, base.value, head.kind === 'commit' ? head.ref.commit : 'HEAD');
      if (!base.ok) return fail(base.error);
    }

    const location = locateUsageFile(top, cwd);
    let explicitUsage: ExplicitUsage | undefined;
    const config = flags.config;
    if (config !== undefined) {
      const loaded = loadUsageFile(top, path.resolve(io.cwd, config));
      explicitUsage = { config: loaded.config, problems: loaded.problems, file: config };
    }

    // Which source files a diff reads comes from the working tree's usage file (`sources:`), or --source.
    const scopeUsage = explicitUsage?.config ?? loadUsageFile(path.join(top, location.root)).config;
    const sourceProblem = await prepareSourceScope(flags.source === true, scopeUsage, positionals, io.cwd, top);
    if (sourceProblem) io.err(`warning: ${sourceProblem}\n`);
    const git = new CliGitSource({ top, base: base.value, head, pathspecs });
    const prices = await diffPriceData({
      ...(flags.prices !== undefined ? { flag: flags.prices } : {}),
      cwd: io.cwd,
      top,
      git,
      usageFile: location.file,
      ...(usageFrom ? { usageFrom } : {}),
      ...(explicitUsage && config !== undefined
        ? { explicit: { ...explicitUsage, absolute: path.resolve(io.cwd, config) } }
        : {}),
      baseCommit: base.value.commit,
      head,
    });
    for (const warning of prices.warnings) io.err(`warning: ${warning}\n`);
    const outcome = await review(git, {
      usageFile: location.file,
      usageRoot: location.root,
      usagePricing: usageFrom === 'head' ? 'head-for-both' : usageFrom === 'base' ? 'base-for-both' : 'each-side',
      ...(explicitUsage ? { explicitUsage } : {}),
      ...(flags['max-bytes'] !== undefined ? { maxBytes: flags['max-bytes'] } : {}),
    });
    if (!outcome.ok) return fail(outcome.error);
    const report = outcome.value;

    const limits: GateLimits = {};
    if (flags['fail-on-increase-usd-month'] !== undefined)
      limits.increaseUsdMonth = flags['fail-on-increase-usd-month'];
    if (flags['fail-on-increase-percent'] !== undefined) limits.increasePercent = flags['fail-on-increase-percent'];
    const gates = checkGates(report, limits);

    if (flags.json) io.out(JSON.stringify({ ...diffReportJson(report), gates }, null, 2) + '\n');
    else if (flags.markdown) io.out(renderDiffMarkdown(report) + gatesMarkdown(gates));
    else io.out(renderDiffText(report));
    return exitCode(
      report.uncompared.filter((u) => u.severity === 'error'),
      gates,
      io,
    );
  },
});

function exitCode(
  errors: readonly { path: string; reason: string }[],
  gates: readonly GateResult[],
  io: CliIO,
): number {
  for (const gate of gates.filter((g) => g.tripped)) io.err(`burnrate diff: gate tripped: ${gate.message}\n`);
  if (errors.length > 0) {
    io.err(`burnrate diff: ${errors.length} changed file${errors.length === 1 ? '' : 's'} could not be compared:\n`);
    for (const error of errors) io.err(`  ${error.path}: ${error.reason}\n`);
    return EXIT_USAGE;
  }
  return gates.some((g) => g.tripped) ? EXIT_GATE : EXIT_OK;
}

function gatesMarkdown(gates: readonly GateResult[]): string {
  const tripped = gates.filter((g) => g.tripped);
  return tripped.length === 0
    ? ''
    : '\n' + tripped.map((g) => `> **Cost gate tripped:** ${markdownText(g.message)}\n`).join('');
}

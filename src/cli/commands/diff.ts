import * as path from 'path';
import { checkGates, diffReportJson, renderDiffMarkdown, renderDiffText, review, type GateLimits, type GateResult, type GitFailure } from '../../core/diff';
import type { ExplicitUsage } from '../../core/diff/usageSides';
import { markdownText } from '../../core/present/markdownEscape';
import { parseArgs } from '../args';
import { EXIT_GATE, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../command';
import { CliGitSource, type HeadSide } from '../git/cliGitSource';
import { openRepository } from '../git/openRepository';
import { realish, toRepoPath } from '../git/repoPaths';
import { mergeBase, resolveRef } from '../git/resolveRef';
import { locateUsageFile } from '../git/usageLocation';
import { loadUsageFile } from '../workspace';

const HELP = `Usage: burnrate diff [paths…] [options]

Compares the cost of prompt and agent files between two versions. By default: the working tree (staged, unstaged
and untracked files) against HEAD. One row per changed cost unit — "~ path#unit +$X/mo ($before → $after)" — then
the total with its percent. Renames are followed (git's rename detection); new files count from zero, deleted files
go to zero; a model switch shows its cost even when no text changed. Paths limit the diff to those files or folders.

Options:
  --base REF                       compare against REF: a commit, branch or tag (default HEAD)
  --head REF                       compare REF instead of the working tree
  --staged                         compare the index (what the next commit will hold) instead of the working tree
  --merge-base                     compare against the merge base of --base and the head (what a pull request adds)
  --json                           print a JSON document: per file and unit, before/after tokens and costs, totals
  --markdown                       print a pull-request comment
  --fail-on-increase-usd-month N   exit 1 when the total monthly cost rises by more than N USD
  --fail-on-increase-percent P     exit 1 when a file's $/month or input tokens rise by more than P percent
                                   (new files have no baseline: the USD gate covers them)
  --usage-from-head                price both sides with the head's .burnrate.yaml
  --usage-from-base                price both sides with the base's .burnrate.yaml: what CI gates should use, so a
                                   pull request's own usage file (a $0 price, a lower call rate) cannot pass its gate
  --config FILE                    price both sides with this usage file
  --max-bytes N                    do not compare files larger than N bytes (default 5 MB); a changed file over it
                                   cannot be compared and exits 2
  --help                           show this help

Usage file: each side is priced with its own .burnrate.yaml (the nearest one at or above the current folder inside
the repository, else the repository root's), read from that side. When it changed, every prompt it covers is
re-priced and listed, so a new default model or call rate shows its cost; --usage-from-head prices both sides with
the head's file, so only the prompts' own changes show; --usage-from-base with the base's. The report always says
which was used.

Exit codes: 0 no gate tripped · 1 a gate tripped (the message names the gate and the files; with any gate, a changed
unit without a price at the head trips it, since its cost cannot be checked) · 2 usage or git error (not a
repository, unknown ref, shallow history, no commits), or a changed file that cannot be compared (binary at one side,
merge conflict markers, over --max-bytes).

Pre-commit hook (.git/hooks/pre-commit):  npx burnrate diff --staged --fail-on-increase-percent 20
CI on a pull request:  npx burnrate diff --base origin/main --merge-base --head HEAD --usage-from-base --markdown --fail-on-increase-usd-month 50
`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'cost change of prompt and agent files against git HEAD or any two refs (CI gates)',
  help: HELP,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'base', kind: 'string' },
      { name: 'head', kind: 'string' },
      { name: 'staged', kind: 'boolean' },
      { name: 'merge-base', kind: 'boolean' },
      { name: 'json', kind: 'boolean' },
      { name: 'markdown', kind: 'boolean' },
      { name: 'fail-on-increase-usd-month', kind: 'number' },
      { name: 'fail-on-increase-percent', kind: 'number' },
      { name: 'usage-from-head', kind: 'boolean' },
      { name: 'usage-from-base', kind: 'boolean' },
      { name: 'config', kind: 'string' },
      { name: 'max-bytes', kind: 'number' },
    ]);
    if (flags.get('json') && flags.get('markdown')) throw new UsageError('choose one of --json and --markdown');
    if (flags.get('staged') && flags.has('head')) throw new UsageError('--staged compares the index; it cannot be combined with --head');
    const usageFrom = flags.get('usage-from-head') ? 'head' : flags.get('usage-from-base') ? 'base' : undefined;
    if (flags.get('usage-from-head') && flags.get('usage-from-base')) throw new UsageError('choose one of --usage-from-head and --usage-from-base');
    if (flags.has('config') && usageFrom) throw new UsageError(`--config already prices both sides; drop --usage-from-${usageFrom}`);
    for (const name of ['base', 'head']) {
      const ref = flags.get(name) as string | undefined;
      if (ref !== undefined && (ref.trim() === '' || ref.startsWith('-'))) throw new UsageError(`--${name} needs a ref (commit, branch or tag), got "${ref}"`);
    }

    const fail = (failure: GitFailure | { message: string }) => {
      io.err(`burnrate diff: ${failure.message}\n`);
      return EXIT_USAGE;
    };
    const cwd = realish(path.resolve(io.cwd));
    const repository = await openRepository(cwd);
    if (!repository.ok) return fail(repository.failure);
    const top = repository.top;

    const pathspecs: string[] = [];
    for (const input of positionals) {
      const repoPath = toRepoPath(top, cwd, input);
      if (!repoPath.ok) return fail(repoPath);
      pathspecs.push(repoPath.path === '' ? '.' : repoPath.path);
    }

    const baseRef = (flags.get('base') as string | undefined) ?? 'HEAD';
    const headRef = flags.get('head') as string | undefined;
    let base = await resolveRef(top, baseRef, '--base');
    if (!base.ok) return fail(base.failure);
    let head: HeadSide = flags.get('staged') ? { kind: 'index' } : { kind: 'worktree' };
    if (headRef !== undefined) {
      const resolved = await resolveRef(top, headRef, '--head');
      if (!resolved.ok) return fail(resolved.failure);
      head = { kind: 'commit', ref: resolved.value };
    }
    if (flags.get('merge-base')) {
      base = await mergeBase(top, base.value, head.kind === 'commit' ? head.ref.commit : 'HEAD');
      if (!base.ok) return fail(base.failure);
    }

    const location = locateUsageFile(top, cwd);
    let explicitUsage: ExplicitUsage | undefined;
    const config = flags.get('config') as string | undefined;
    if (config !== undefined) {
      const loaded = loadUsageFile(top, path.resolve(io.cwd, config));
      explicitUsage = { config: loaded.config, problems: loaded.problems, file: config };
    }

    const git = new CliGitSource({ top, base: base.value, head, pathspecs });
    const outcome = await review(git, {
      usageFile: location.file,
      usageRoot: location.root,
      usagePricing: usageFrom === 'head' ? 'head-for-both' : usageFrom === 'base' ? 'base-for-both' : 'each-side',
      ...(explicitUsage ? { explicitUsage } : {}),
      ...(flags.has('max-bytes') ? { maxBytes: flags.get('max-bytes') as number } : {}),
    });
    if (!outcome.ok) return fail(outcome.failure);
    const report = outcome.report;

    const limits: GateLimits = {};
    if (flags.has('fail-on-increase-usd-month')) limits.increaseUsdMonth = flags.get('fail-on-increase-usd-month') as number;
    if (flags.has('fail-on-increase-percent')) limits.increasePercent = flags.get('fail-on-increase-percent') as number;
    const gates = checkGates(report, limits);

    if (flags.get('json')) io.out(JSON.stringify({ ...diffReportJson(report), gates }, null, 2) + '\n');
    else if (flags.get('markdown')) io.out(renderDiffMarkdown(report) + gatesMarkdown(gates));
    else io.out(renderDiffText(report));
    return exitCode(report.uncompared.filter((u) => u.severity === 'error'), gates, io);
  },
};

function exitCode(errors: readonly { path: string; reason: string }[], gates: readonly GateResult[], io: CliIO): number {
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
  return tripped.length === 0 ? '' : '\n' + tripped.map((g) => `> **Cost gate tripped:** ${markdownText(g.message)}\n`).join('');
}


import * as fs from 'fs';
import * as path from 'path';
import { signedTokens } from '../../core/diff/present';
import type { CostHistory, FileHistory } from '../../core/history/buildHistory';
import { historyJson } from '../../core/history/historyJson';
import { DEFAULT_MAX_COMMITS } from '../../core/history/logRecords';
import type { RuntimeSeries } from '../../core/history/runtimeSeries';
import type { VersionCost } from '../../core/history/versionCost';
import { integer, signedUsd, usd } from '../../core/present/money';
import { priceDataJson, priceDataLine } from '../../core/pricing/freshness';
import { locateUsageFile } from '../../host/git/usageLocation';
import { readHistory } from '../../host/history/readHistory';
import { defineCommand, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../command';
import type { FlagTable } from '../flags';
import { openRepository } from '../git/openRepository';
import { realish, toRepoPath } from '../git/repoPaths';
import { resolveRef } from '../git/resolveRef';
import { priceDataFor, PRICES_FLAG } from '../priceData';
import { renderTable } from '../table';
import { loadUsageFile } from '../workspace';

const FLAGS = {
  since: {
    type: 'string',
    value: 'REF|DATE',
    help: 'only commits after REF (a commit, branch or tag), or since DATE (2026-06-01, "3 months ago")',
  },
  'max-commits': {
    type: 'integer',
    value: 'N',
    min: 1,
    max: 1_000_000,
    help: `read at most the newest N commits (default ${integer(DEFAULT_MAX_COMMITS)})`,
  },
  'usage-at-commit': {
    type: 'boolean',
    help: "price each commit with that commit's own .burnrate.yaml (default: today's)",
  },
  config: { type: 'string', value: 'FILE', help: 'price every commit with this usage file' },
  prices: PRICES_FLAG,
  'max-bytes': { type: 'number', value: 'N', min: 1, help: 'do not price versions larger than N bytes (default 5 MB)' },
  json: { type: 'boolean', help: 'print one JSON document: per file, every point with its figures and change' },
} as const satisfies FlagTable;

export const historyCommand = defineCommand({
  name: 'history',
  summary: 'cost of each prompt and agent file at every commit that changed it, and the workspace total',
  usage: 'burnrate history [paths…] [options]',
  description: `For each prompt and agent file (under the given paths; default the whole repository), the cost at every commit that
changed it: date, commit, author, tokens, $/call, $/month at today's volume, and the change from the previous point.
Renames are followed. Then the workspace total after each of those commits, and (unless one file is named) each agent
runtime's per-request overhead after every commit that changed a file it loads. Git is read with two processes (one
git log, one git cat-file --batch; the runtimes add one git ls-tree and at most one more batch for imported files),
whatever the number of commits.`,
  flags: FLAGS,
  footer: `$/month uses today's .burnrate.yaml (the nearest one at or above the current folder), so points differ only by the files'
own changes; --usage-at-commit prices each commit with the usage file it had. A version whose model has no price
reads "no price" and is left out of the total (counted as unknown), never as $0.

Exit codes: 0 ok · 2 usage or git error (not a repository, no commits, unknown ref).`,
  async run({ flags, positionals }, io) {
    if (flags.config !== undefined && flags['usage-at-commit'])
      throw new UsageError('--config prices every commit; drop --usage-at-commit');
    const cwd = realish(path.resolve(io.cwd));
    const repository = await openRepository(cwd);
    if (!repository.ok) return fail(io, repository.error.message);
    const top = repository.value;
    const head = await resolveRef(top, 'HEAD', 'HEAD');
    if (!head.ok) return fail(io, head.error.message);

    const pathspecs: string[] = [];
    for (const input of positionals) {
      const repoPath = toRepoPath(top, cwd, input);
      if (!repoPath.ok) return fail(io, repoPath.error);
      pathspecs.push(repoPath.value === '' ? '.' : repoPath.value);
    }
    // One file named (perhaps deleted since): follow it across renames; --follow takes exactly one path.
    const follow = pathspecs.length === 1 && !isDirectory(path.join(top, pathspecs[0]!));

    let since: { commit: string } | { date: string } | undefined;
    if (flags.since !== undefined) {
      const ref = await resolveRef(top, flags.since, '--since');
      if (ref.ok) since = { commit: ref.value.commit };
      else if (looksLikeDate(flags.since)) since = { date: flags.since };
      else
        return fail(
          io,
          `--since ${flags.since}: neither a commit, branch or tag here nor a date (2026-06-01, "3 months ago")`,
        );
    }

    const maxCommits = flags['max-commits'] ?? DEFAULT_MAX_COMMITS;
    // Like estimate: the usage file nearest the first path named (or the current folder) prices the history.
    const start = positionals.length > 0 ? path.resolve(cwd, positionals[0]!) : cwd;
    const location = locateUsageFile(top, realish(isFile(start) ? path.dirname(start) : start));
    const atCommit = flags['usage-at-commit'] === true;
    const today =
      flags.config !== undefined
        ? loadUsageFile(top, path.resolve(io.cwd, flags.config))
        : loadUsageFile(path.join(top, location.root));
    const prices = priceDataFor(flags.prices, io.cwd, today, top);
    for (const warning of prices.warnings) io.err(`warning: ${warning}\n`);
    const read = await readHistory({
      top,
      pathspecs,
      maxCommits,
      follow,
      ...(since ? { since } : {}),
      location,
      today: today.config,
      usageAtCommit: atCommit,
      ...(flags['max-bytes'] !== undefined ? { maxBytes: flags['max-bytes'] } : {}),
      // One file followed: its own history only; otherwise the runtimes' overhead over the same range too.
      runtimes: !follow,
    });
    if (!read.ok) return fail(io, read.error);
    const { history, limited, runtimes } = read.value;
    const commitsRead = read.value.commitsRead;

    const pricedWith =
      flags.config ??
      (atCommit
        ? `each commit's own ${location.file}`
        : today.file
          ? `today's ${location.file}`
          : 'the built-in defaults (no .burnrate.yaml)');
    if (flags.json) {
      io.out(
        JSON.stringify(
          {
            repository: top,
            pricedWith,
            priceData: priceDataJson(prices.info),
            commitsRead,
            limited,
            ...historyJson(history, runtimes),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.out(renderHistory(history, runtimes ?? [], { commitsRead, limited, pricedWith, maxCommits }));
      io.out(`Prices: ${priceDataLine(prices.info)}.\n`);
    }
    return EXIT_OK;
  },
});

function fail(io: CliIO, message: string): number {
  io.err(`burnrate history: ${message}\n`);
  return EXIT_USAGE;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** ISO dates and git's relative forms; anything else would be read by git's approxidate as some other date. */
function looksLikeDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text) ||
    /^\d+ (second|minute|hour|day|week|month|year)s? ago$/.test(text)
  );
}

interface RenderContext {
  commitsRead: number;
  limited: boolean;
  pricedWith: string;
  maxCommits: number;
}

function renderHistory(history: CostHistory, runtimes: readonly RuntimeSeries[], context: RenderContext): string {
  const lines: string[] = [];
  const scope = context.limited
    ? `the newest ${integer(context.commitsRead)} commits (--max-commits ${integer(context.maxCommits)})`
    : `${integer(context.commitsRead)} commits`;
  lines.push(
    `Cost history: ${history.files.length} prompt and agent file${history.files.length === 1 ? '' : 's'} over ${scope}; priced with ${context.pricedWith}.`,
  );
  if (history.files.length === 0) {
    lines.push('No commit in that range changed a prompt or agent file.');
    return lines.join('\n') + '\n';
  }
  for (const file of history.files) lines.push('', terminalSafe(file.path), indent(fileTable(file)));
  lines.push('', 'Workspace total ($/month after each commit that changed a tracked file)');
  const rows = history.total.map((t) => [
    t.date.slice(0, 10),
    t.commit.slice(0, 7),
    approx(t.exact) + usd(t.perMonth) + (t.unknown > 0 ? ` (+${t.unknown} unknown)` : ''),
    signedUsd(t.deltaPerMonth),
    terminalSafe(shorten(t.subject)),
  ]);
  lines.push(
    indent(
      renderTable(
        [
          { title: 'date' },
          { title: 'commit' },
          { title: '$/month', align: 'right' },
          { title: 'change', align: 'right' },
          { title: 'subject' },
        ],
        rows,
      ),
    ),
  );
  for (const runtime of runtimes) {
    lines.push(
      '',
      `${terminalSafe(runtime.name)}: per-request overhead after each commit that changed a file it loads`,
    );
    const runtimeRows = runtime.points.map((p) => [
      p.date.slice(0, 10),
      p.commit.slice(0, 7),
      approx(p.exact) + integer(p.inputTokens),
      signedTokens(p.deltaTokens, p.exact),
      p.perMonthUsd !== undefined ? approx(p.exact) + usd(p.perMonthUsd) : 'no price',
      p.deltaPerMonthUsd !== undefined ? signedUsd(p.deltaPerMonthUsd) : '?',
      terminalSafe(shorten(p.subject)),
    ]);
    lines.push(
      indent(
        renderTable(
          [
            { title: 'date' },
            { title: 'commit' },
            { title: 'tokens', align: 'right' },
            { title: 'change', align: 'right' },
            { title: '$/month', align: 'right' },
            { title: 'change', align: 'right' },
            { title: 'subject' },
          ],
          runtimeRows,
        ),
      ),
    );
  }
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

function fileTable(file: FileHistory): string {
  const rows = file.points.map((point) => [
    point.date.slice(0, 10),
    point.commit.slice(0, 7),
    terminalSafe(point.author),
    tokensCell(point.cost),
    point.cost.kind === 'priced' && point.cost.perRun !== undefined
      ? approx(point.cost.exact) + usd(point.cost.perRun)
      : '',
    monthCell(point.cost),
    point.deltaPerMonth !== undefined ? signedUsd(point.deltaPerMonth) : '?',
    terminalSafe(
      shorten(
        point.status === 'renamed' && point.oldPath
          ? `(renamed from ${point.oldPath}) ${point.subject}`
          : point.subject,
      ),
    ),
  ]);
  return renderTable(
    [
      { title: 'date' },
      { title: 'commit' },
      { title: 'author' },
      { title: 'tokens', align: 'right' },
      { title: '$/call', align: 'right' },
      { title: '$/month', align: 'right' },
      { title: 'change', align: 'right' },
      { title: 'subject' },
    ],
    rows,
  );
}

function tokensCell(cost: VersionCost): string {
  if (cost.kind === 'deleted') return 'deleted';
  if (cost.kind === 'unreadable') return 'unreadable';
  return approx(cost.exact) + integer(cost.inputTokens);
}

function monthCell(cost: VersionCost): string {
  if (cost.kind === 'priced') return approx(cost.exact) + usd(cost.perMonth);
  if (cost.kind === 'deleted') return usd(0);
  return cost.kind === 'unpriced' ? 'no price' : '?';
}

/** Subjects are cut to keep a row within a terminal; --json has them whole. */
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
const approx = (exact: boolean) => (exact ? '' : '≈');
const indent = (text: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

/** Commit subjects and author names are anyone's text: control characters must not reach the terminal raw. */
function terminalSafe(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

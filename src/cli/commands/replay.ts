import * as path from 'path';
import { ReplayAccumulator, DEFAULT_TOP_SESSIONS } from '../../core/simulate/replay/accumulator';
import { LOG_FORMAT_IDS, LOG_FORMATS, logFormatById } from '../../core/simulate/replay/formats';
import { RecentKeys } from '../../core/simulate/replay/formats/recentKeys';
import { UsageLogReader, type ReplayResult, type SkippedLines } from '../../core/simulate/replay/replay';
import { SESSION_FIELDS } from '../../core/simulate/replay/usageRecord';
import { forEachLine } from '../boundedRead';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { collectLogFiles, shown } from '../logFiles';
import { priceDataFor } from '../priceData';
import { renderReplay } from '../replayReport';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';
import { compareAgainstWorkspace } from '../replayAgainst';
import { prepareDeps } from './simulate';

const FLAGS = {
  format: {
    type: 'string',
    value: 'FORMAT',
    choices: LOG_FORMAT_IDS,
    help: `read every log as this format (default: detected per file): ${LOG_FORMAT_IDS.join(', ')}`,
  },
  'claude-code': {
    type: 'boolean',
    help: "also read Claude Code's session logs (~/.claude/projects, or $CLAUDE_CONFIG_DIR/projects)",
  },
  codex: { type: 'boolean', help: "also read Codex CLI's session files (~/.codex/sessions, or $CODEX_HOME/sessions)" },
  top: {
    type: 'integer',
    value: 'N',
    min: 1,
    max: 1000,
    help: `costliest sessions to list (default ${DEFAULT_TOP_SESSIONS})`,
  },
  against: {
    type: 'string',
    value: 'WORKSPACE',
    help: "compare the workspace's predicted per-request overhead with each session's first-call input",
  },
  'session-key': {
    type: 'string',
    value: 'PATH',
    help: "field that names a line's session, e.g. metadata.conversation (dot path)",
  },
  config: {
    type: 'string',
    value: 'FILE',
    help: 'usage file whose prices: overrides apply (default: the nearest .burnrate.yaml)',
  },
  json: {
    type: 'boolean',
    help: 'print one JSON document (calls, tokens, totalCostUsd, sessions, byDay, byProject, byBranch, …)',
  },
} as const satisfies FlagTable;

export const replayCommand = defineCommand({
  name: 'replay',
  summary:
    'exact cost of usage logs (provider usage records, Claude Code, Codex, OpenTelemetry) and distributions for scenarios',
  usage: 'burnrate replay <log.jsonl | folder>… [--claude-code] [--codex] [options]',
  description: `Prices usage logs exactly, each call at its model's rates: uncached input, cache reads, 5-minute and 1-hour
cache writes and output each at its own rate. Formats, detected per file (or --format):
${LOG_FORMATS.map((f) => `  ${f.id.padEnd(12)}${f.label}`).join('\n')}
A usage line is an OpenAI or Anthropic response or usage record ({"model", "usage": {…}}), Gemini usageMetadata or a
batch-API result line. Lines that are not usage records are counted and skipped; a response Claude Code logged as
several streamed lines is counted once. A folder is walked for its *.jsonl (symlinks out of it are not followed).
Prints the cost per model, per session (${SESSION_FIELDS.slice(0, 4).join(', ')}, … or --session-key; a coding agent's own
session ids), day, project and git branch where the log has them: P50/P90/P99 per session, the cache-read share of
input, the costliest sessions, subagents' share, and the observed distributions to use in a scenario.
Nothing is read from your home folder unless --claude-code or --codex says so.`,
  flags: FLAGS,
  footer: `Use - as the file to read standard input. Exit codes: 0 ok; 2 a usage error, no readable log, or a logged model
without a price (the total is then unknown and reported as null — never as $0; add the model under prices: in
.burnrate.yaml).`,
  async run({ flags, positionals }, io) {
    if (positionals.length === 0 && !flags['claude-code'] && !flags.codex)
      throw new UsageError('give the usage log(s) to replay, or --claude-code / --codex');
    const { files, problems } = collectLogFiles(positionals, io.cwd, {
      claudeCode: flags['claude-code'],
      codex: flags.codex,
      env: process.env,
    });
    const first = files[0];
    const root = findWorkspaceRoot(first === undefined || first === '-' ? io.cwd : first, io.cwd);
    const usage = loadUsageFile(root, flags.config !== undefined ? path.resolve(io.cwd, flags.config) : undefined);
    // The same price data as estimate and diff: a pinned priceData: or the data `burnrate prices update` stored.
    for (const warning of priceDataFor(undefined, io.cwd, usage, root).warnings) io.err(`warning: ${warning}\n`);
    const deps = prepareDeps(usage.config, usage.file ? path.dirname(usage.file) : root);
    const format = flags.format !== undefined ? logFormatById(flags.format) : undefined;

    // Streamed line by line into aggregates: neither a log's text nor its calls are ever held.
    const accumulator = new ReplayAccumulator(deps.lookup, flags.top ?? DEFAULT_TOP_SESSIONS);
    const skipped: SkippedLines = { lines: 0, byReason: {}, examples: [] };
    const recentKeys = new RecentKeys();
    const read: NonNullable<ReplayResult['files']> = [];
    let lines = 0;
    for (const file of files) {
      const name = file === '-' ? 'stdin' : shown(file, io.cwd);
      let calls = 0;
      const reader = new UsageLogReader(name, {
        sessionKey: flags['session-key'],
        format,
        recentKeys,
        skipped,
        onCall: (call) => {
          calls++;
          accumulator.add(call);
        },
      });
      let longLines = 0;
      const streamed = await forEachLine(
        file,
        (line) => reader.add(line),
        (long) => {
          reader.skip(`line over the ${long.limit.toLocaleString('en-US')}-byte line limit`);
          // Named once per file (the skipped-line count and examples say the rest): the file, the line and the bound.
          if (longLines++ === 0)
            io.err(
              `warning: ${name} line ${long.line}: ${long.bytes.toLocaleString('en-US')} bytes, over the ${long.limit.toLocaleString('en-US')}-byte line limit — skipped as malformed; reading goes on\n`,
            );
        },
      );
      if (streamed) {
        problems.push(
          streamed.error.code === 'missing' ? `no such file: ${name}` : `cannot read ${name}: ${streamed.error.reason}`,
        );
        continue;
      }
      reader.end();
      lines += reader.log.lines;
      read.push({ source: name, format: reader.log.format, lines: reader.log.lines, calls });
    }
    if (read.length === 0)
      throw new UsageError(problems.length === 1 ? problems[0]! : `no log could be read: ${problems.join('; ')}`);

    const source = read.length === 1 ? read[0]!.source : `${read.length} files`;
    const result = accumulator.finish(source, lines, skipped);
    result.files = read;
    for (const problem of problems) result.problems.unshift({ severity: 'warning', message: problem });
    if (flags.against !== undefined) {
      result.against = compareAgainstWorkspace(path.resolve(io.cwd, flags.against), accumulator.firstCalls(), read);
    }

    if (flags.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else io.out(renderReplay(result));
    for (const problem of result.problems) {
      if (problem.severity === 'error' || !flags.json) io.err(`${problem.severity}: ${problem.message}\n`);
    }
    return result.unpricedCalls > 0 ? EXIT_USAGE : EXIT_OK;
  },
});

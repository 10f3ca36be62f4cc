import * as path from 'path';
import { integer, percent, usd } from '../../core/present/money';
import { replayUsageLog, UsageLogReader, type ReplayResult } from '../../core/simulate/replay/replay';
import { SESSION_FIELDS } from '../../core/simulate/replay/usageRecord';
import { forEachLine } from '../boundedRead';
import type { FlagTable } from '../flags';
import { defineCommand, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { renderTable } from '../table';
import { priceDataFor } from '../priceData';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';
import { prepareDeps } from './simulate';

const FLAGS = {
  'session-key': { type: 'string', value: 'PATH', help: "field that names a line's session, e.g. metadata.conversation (dot path)" },
  config: { type: 'string', value: 'FILE', help: 'usage file whose prices: overrides apply (default: the nearest .burnrate.yaml)' },
  json: { type: 'boolean', help: 'print one JSON document (calls, inputTokens, outputTokens, totalCostUsd, …)' },
} as const satisfies FlagTable;

export const replayCommand = defineCommand({
  name: 'replay',
  summary: 'exact cost of a JSONL usage log (OpenAI/Anthropic usage records), and distributions for scenarios',
  usage: 'burnrate replay <usage.jsonl> [options]',
  description: `Prices a usage log exactly: one JSON object per line, each an OpenAI or Anthropic response or usage record
({"model": …, "usage": {"prompt_tokens", "completion_tokens", "prompt_tokens_details": {"cached_tokens"}}} or
{"usage": {"input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"}}; Gemini
usageMetadata and batch-API result lines too). Lines that are not usage records are counted and skipped.
Prints the cost per model and per call, per session when lines name one (${SESSION_FIELDS.slice(0, 4).join(', ')}, …, or
--session-key), and the observed distributions to use in a scenario instead of p50/p90 guesses.`,
  flags: FLAGS,
  footer: `Use - as the file to read standard input. Exit codes: 0 ok; 2 a usage error, or a logged model without a price
(the total is then unknown and reported as null — never as $0; add the model under prices: in .burnrate.yaml).`,
  async run({ flags, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the usage log to replay' : 'give one usage log');
    const file = positionals[0]!;
    const root = findWorkspaceRoot(file === '-' ? io.cwd : path.resolve(io.cwd, file), io.cwd);
    const usage = loadUsageFile(root, flags.config !== undefined ? path.resolve(io.cwd, flags.config) : undefined);
    // The same price data as estimate and diff: a pinned priceData: or the data `burnrate prices update` stored.
    for (const warning of priceDataFor(undefined, io.cwd, usage, root).warnings) io.err(`warning: ${warning}\n`);
    const deps = prepareDeps(usage.config, usage.file ? path.dirname(usage.file) : root);
    // Streamed line by line: a log of hundreds of megabytes is never held as one text.
    const reader = new UsageLogReader(file === '-' ? 'stdin' : file, flags['session-key']);
    const streamed = await forEachLine(file === '-' ? '-' : path.resolve(io.cwd, file), (line) => reader.add(line));
    if (streamed) throw new UsageError(streamed.error === 'file not found' ? `no such file: ${file}` : `cannot read ${file}: ${streamed.error}`);
    const log = reader.log;
    const result = replayUsageLog(log, deps.lookup);

    if (flags.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else io.out(renderReplay(result));
    for (const problem of result.problems) {
      if (problem.severity === 'error' || !flags.json) io.err(`${problem.severity}: ${problem.message}\n`);
    }
    return result.unpricedCalls > 0 ? EXIT_USAGE : EXIT_OK;
  },
});

function renderReplay(r: ReplayResult): string {
  const lines: string[] = [];
  const skipped = r.skipped.lines > 0 ? `, ${integer(r.skipped.lines)} of ${integer(r.lines)} lines skipped` : '';
  lines.push(`${r.source}: ${integer(r.calls)} calls${skipped}`);
  for (const example of r.skipped.examples.slice(0, 5)) lines.push(`  skipped line ${example.line}: ${example.reason}`);
  const cached = r.cacheReadTokens > 0 ? ` (${integer(r.cacheReadTokens)} cache reads)` : '';
  const written = r.cacheWriteTokens > 0 ? `, ${integer(r.cacheWriteTokens)} cache writes` : '';
  lines.push(`  input ${integer(r.inputTokens)} tokens${cached}${written} · output ${integer(r.outputTokens)} tokens`);
  lines.push(
    r.totalCostUsd === null
      ? `  total unknown: ${integer(r.unpricedCalls)} call(s) have no price (priced calls: ${usd(r.pricedCostUsd)})`
      : `  total ${usd(r.totalCostUsd)}`,
  );
  if (r.calls === 0) return lines.join('\n') + '\n';
  lines.push('');
  lines.push(
    renderTable(
      [{ title: 'model (as logged)' }, { title: 'priced as' }, { title: 'calls', align: 'right' }, { title: 'input', align: 'right' }, { title: 'output', align: 'right' }, { title: 'cost', align: 'right' }],
      r.models.map((m) => [m.model, m.pricedAs ?? 'NO PRICE', integer(m.calls), integer(m.inputTokens), integer(m.outputTokens), m.costUsd === null ? '—' : usd(m.costUsd)]),
    ).trimEnd(),
  );
  lines.push('', `  per call: P50 ${usd(r.perCall.p50)} · P90 ${usd(r.perCall.p90)} · P99 ${usd(r.perCall.p99)} · mean ${usd(r.perCall.mean)}`);
  if (r.sessions) {
    const s = r.sessions;
    lines.push(
      `  per session (${integer(s.count)} session${s.count === 1 ? '' : 's'}): P50 ${usd(s.perSession.p50)} · P90 ${usd(s.perSession.p90)} · P99 ${usd(s.perSession.p99)} · mean ${usd(s.perSession.mean)} · max ${usd(s.perSession.max)}`,
    );
    if (s.unpriced > 0) lines.push(`    ${integer(s.unpriced)} session(s) left out: a call has no price`);
    if (s.callsWithoutSession > 0) lines.push(`    ${integer(s.callsWithoutSession)} call(s) name no session`);
  }
  const c = r.calibration;
  lines.push('', '  For a scenario in .burnrate.yaml (observed in this log):');
  lines.push(`    outputTokens: {p50: ${Math.round(c.outputTokens.p50)}, p90: ${Math.round(c.outputTokens.p90)}}   # or {fromLog: ${r.source}} for the observed values`);
  lines.push(`    cacheHitRate: ${Math.round(c.cacheHitRate * 100) / 100}   # ${percent(c.cachedInputShare)} of input tokens were cache reads`);
  if (c.modelShares.length > 1) lines.push(`    # model mix: ${c.modelShares.map((m) => `${m.model} ${percent(m.share)}`).join(', ')}`);
  if (c.callsPerSession) lines.push(`    # calls per session: p50 ${Math.round(c.callsPerSession.p50)}, p90 ${Math.round(c.callsPerSession.p90)}`);
  lines.push(`    # input tokens per call (carry included): p50 ${integer(c.inputTokens.p50)}, p90 ${integer(c.inputTokens.p90)}`);
  return lines.join('\n') + '\n';
}

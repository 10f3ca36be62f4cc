// The text report of `burnrate replay`: totals, per model, per call and per session, the costliest sessions, cost by
// day / project / branch, subagents' share, --against, and the figures a scenario can take.
import { integer, percent, usd } from '../core/present/money';
import type { GroupReplay } from '../core/simulate/replay/groups';
import type { ReplayResult } from '../core/simulate/replay/replay';
import { renderTable } from './table';

/** Rows shown per grouping in the text report (--json has them all). */
const GROUP_ROWS = 10;

export function renderReplay(r: ReplayResult): string {
  const lines: string[] = [];
  const skipped = r.skipped.lines > 0 ? `, ${integer(r.skipped.lines)} of ${integer(r.lines)} lines skipped` : '';
  const format = r.files?.length === 1 && r.files[0]!.format !== undefined ? ` (${r.files[0]!.format})` : '';
  lines.push(`${r.source}${format}: ${integer(r.calls)} calls${skipped}`);
  if (r.files && r.files.length > 1) {
    const formats = new Map<string, number>();
    for (const f of r.files) formats.set(f.format ?? 'empty', (formats.get(f.format ?? 'empty') ?? 0) + 1);
    lines.push(`  formats: ${[...formats.entries()].map(([f, n]) => `${f} ${n}`).join(', ')}`);
  }
  for (const example of r.skipped.examples.slice(0, 5))
    lines.push(
      `  skipped ${example.source && r.files && r.files.length > 1 ? `${example.source}:` : 'line '}${example.line}: ${example.reason}`,
    );
  const cached =
    r.cacheReadTokens > 0 ? ` (${integer(r.cacheReadTokens)} cache reads, ${percent(r.cacheReadShare)} of input)` : '';
  const hour = r.cacheWrite1hTokens > 0 ? ` (${integer(r.cacheWrite1hTokens)} for 1 hour)` : '';
  const written = r.cacheWriteTokens > 0 ? `, ${integer(r.cacheWriteTokens)} cache writes${hour}` : '';
  lines.push(`  input ${integer(r.inputTokens)} tokens${cached}${written} · output ${integer(r.outputTokens)} tokens`);
  lines.push(
    r.totalCostUsd === null
      ? `  total unknown: ${integer(r.unpricedCalls)} call(s) have no price (priced calls: ${usd(r.pricedCostUsd)})`
      : `  total ${usd(r.totalCostUsd)}`,
  );
  if (r.sidechain) {
    const share = r.sidechain.share === null ? 'share unknown' : `${percent(r.sidechain.share)} of the cost`;
    lines.push(
      `  subagents (sidechain): ${integer(r.sidechain.calls)} calls · ${r.sidechain.costUsd === null ? 'cost unknown' : usd(r.sidechain.costUsd)} · ${share}`,
    );
  }
  if (r.calls === 0) return lines.join('\n') + '\n';
  lines.push('');
  lines.push(
    renderTable(
      [
        { title: 'model (as logged)' },
        { title: 'priced as' },
        { title: 'calls', align: 'right' },
        { title: 'input', align: 'right' },
        { title: 'cache read', align: 'right' },
        { title: 'cache write', align: 'right' },
        { title: 'output', align: 'right' },
        { title: 'cost', align: 'right' },
      ],
      r.models.map((m) => [
        m.model,
        m.pricedAs ?? 'NO PRICE',
        integer(m.calls),
        integer(m.inputTokens),
        integer(m.cacheReadTokens),
        integer(m.cacheWriteTokens),
        integer(m.outputTokens),
        m.costUsd === null ? '—' : usd(m.costUsd),
      ]),
    ).trimEnd(),
  );
  lines.push(
    '',
    `  per call: P50 ${usd(r.perCall.p50)} · P90 ${usd(r.perCall.p90)} · P99 ${usd(r.perCall.p99)} · mean ${usd(r.perCall.mean)}`,
  );
  if (r.sessions) {
    const s = r.sessions;
    lines.push(
      `  per session (${integer(s.count)} session${s.count === 1 ? '' : 's'}): P50 ${usd(s.perSession.p50)} · P90 ${usd(s.perSession.p90)} · P99 ${usd(s.perSession.p99)} · mean ${usd(s.perSession.mean)} · max ${usd(s.perSession.max)}`,
    );
    if (s.sample !== undefined)
      lines.push(
        `    percentiles from a uniform sample of ${integer(s.sample)} sessions (count, mean and max are exact)`,
      );
    if (s.closedEarly !== undefined)
      lines.push(
        `    ${integer(s.closedEarly)} session(s) closed before the log ended (open sessions are bounded)${s.reopened ? `; ≈${integer(s.reopened)} seen again, counted twice` : ''}`,
      );
    if (s.unpriced > 0) lines.push(`    ${integer(s.unpriced)} session(s) left out: a call has no price`);
    if (s.callsWithoutSession > 0) lines.push(`    ${integer(s.callsWithoutSession)} call(s) name no session`);
    if (s.count > 1 && s.top.length > 0) {
      lines.push('', `  costliest sessions (top ${s.top.length}):`);
      lines.push(
        renderTable(
          [
            { title: 'session' },
            { title: 'start' },
            { title: 'project' },
            { title: 'branch' },
            { title: 'calls', align: 'right' },
            { title: 'cache read', align: 'right' },
            { title: 'subagents', align: 'right' },
            { title: 'cost', align: 'right' },
          ],
          s.top.map((t) => [
            t.id,
            t.start?.slice(0, 16).replace('T', ' ') ?? '',
            t.project ?? '',
            t.branch ?? '',
            integer(t.calls),
            t.inputTokens === 0 ? '0%' : percent(t.cacheReadTokens / t.inputTokens),
            t.sidechainCostUsd > 0 ? usd(t.sidechainCostUsd) : '',
            t.costUsd === null ? '—' : usd(t.costUsd),
          ]),
        ).trimEnd(),
      );
    }
  }
  for (const [title, groups] of [
    ['day', r.byDay],
    ['project', r.byProject],
    ['git branch', r.byBranch],
  ] as const) {
    if (groups && groups.length > 0) lines.push('', renderGroups(title, groups));
  }
  if (r.against) lines.push('', ...againstLines(r.against));
  const c = r.calibration;
  lines.push('', '  For a scenario in .burnrate.yaml (observed in this log):');
  lines.push(
    `    outputTokens: {p50: ${Math.round(c.outputTokens.p50)}, p90: ${Math.round(c.outputTokens.p90)}}   # or {fromLog: ${r.source}} for the observed values`,
  );
  lines.push(
    `    cacheHitRate: ${Math.round(c.cacheHitRate * 100) / 100}   # ${percent(c.cachedInputShare)} of input tokens were cache reads`,
  );
  if (c.modelShares.length > 1)
    lines.push(`    # model mix: ${c.modelShares.map((m) => `${m.model} ${percent(m.share)}`).join(', ')}`);
  if (c.callsPerSession)
    lines.push(
      `    # calls per session: p50 ${Math.round(c.callsPerSession.p50)}, p90 ${Math.round(c.callsPerSession.p90)}`,
    );
  lines.push(
    `    # input tokens per call (carry included): p50 ${integer(c.inputTokens.p50)}, p90 ${integer(c.inputTokens.p90)}`,
  );
  return lines.join('\n') + '\n';
}

function renderGroups(title: string, groups: readonly GroupReplay[]): string {
  const shown = title === 'day' ? groups.slice(-GROUP_ROWS) : groups.slice(0, GROUP_ROWS);
  const more = groups.length > shown.length ? ` (${shown.length} of ${groups.length}; --json has all)` : '';
  return [
    `  by ${title}${more}:`,
    renderTable(
      [
        { title },
        { title: 'sessions', align: 'right' },
        { title: 'calls', align: 'right' },
        { title: 'cache read', align: 'right' },
        { title: 'cost', align: 'right' },
      ],
      shown.map((g) => [
        g.key,
        integer(g.sessions),
        integer(g.calls),
        g.inputTokens === 0 ? '0%' : percent(g.cacheReadTokens / g.inputTokens),
        g.costUsd === null ? '—' : usd(g.costUsd),
      ]),
    ).trimEnd(),
  ].join('\n');
}

function againstLines(a: NonNullable<ReplayResult['against']>): string[] {
  const lines = [`  predicted against actual (${a.workspace}):`];
  if (a.note) lines.push(`    ${a.note}`);
  for (const c of a.runtimes) {
    const predicted = `${c.predictedExact ? '' : '≈'}${integer(c.predictedInputTokens)} tokens${c.predictedExact ? '' : ` (±${Math.round(c.predictedBand * 100)}%)`}`;
    if (c.medianRatio === null) {
      lines.push(`    ${c.runtime}: predicted ${predicted} per request — ${c.verdict}`);
      continue;
    }
    lines.push(
      `    ${c.runtime}: predicted ${predicted} per request; first calls of ${integer(c.sessions)} session(s): median ${integer(c.medianObservedInputTokens ?? 0)} tokens`,
      `      observed / predicted: median ×${c.medianRatio.toFixed(2)} (P10 ×${c.p10Ratio!.toFixed(2)} – P90 ×${c.p90Ratio!.toFixed(2)}) — ${c.verdict}`,
    );
  }
  return lines;
}

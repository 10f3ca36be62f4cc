// The breakdown of an agent session run by its runtime: what every call carries (each figure with its source), the
// turn-by-turn table of a growing cached prefix, and where an always-on file stands in each runtime's request.
import type { AgentSessionFigures } from '../runtimes/agentSession';
import type { RuntimeShare } from '../runtimes/runtimeEstimate';
import { markdownText } from './markdownEscape';
import { integer, percent, usd } from './money';

export function agentSessionMarkdown(s: AgentSessionFigures, outputDetail: string): string {
  const prefixRows = s.prefix.map(
    (p) =>
      `| ${markdownText(p.label)} | ≈${integer(p.tokens)} | ${p.band > 0 ? `±${Math.round(p.band * 100)}%` : 'counted'} | ${p.source ? markdownText(p.source) : 'counted from the workspace'} |`,
  );
  const callRows = s.rows.map((r, i) => {
    const gap = i > 0 && r.call !== s.rows[i - 1]!.call + 1 ? '| … | … | … | … | … |\n' : '';
    return `${gap}| ${integer(r.call)} | ${integer(r.input)} | ${integer(r.cacheRead)} | ${integer(r.cacheWrite)} | ${r.costUsd !== undefined ? `≈${usd(r.costUsd)}` : '—'} |`;
  });
  const cost = s.cost.costUsd !== undefined ? `≈${usd(s.cost.costUsd)}/session` : 'no price';
  const uncached =
    s.cost.uncachedCostUsd !== undefined ? ` (≈${usd(s.cost.uncachedCostUsd)} without prompt caching)` : '';
  const worst =
    s.worstCase?.costUsd !== undefined
      ? `; worst case at the cap of ${integer(s.maxCalls ?? 0)} calls ≈${usd(s.worstCase.costUsd)}`
      : '';
  const lines = [
    `**Agent session on ${markdownText(s.runtimeName)}** (${s.role === 'subagent' ? 'a subagent: its own context' : 'the main conversation'}): ` +
      `${integer(s.calls.value)} calls (${markdownText(s.calls.detail)}). Every call carries ≈${integer(s.prefixTokens)} tokens (±${Math.round(s.band * 100)}%):`,
    '',
    '| Every call carries | Tokens | Band | Source |',
    '| --- | ---: | ---: | --- |',
    ...prefixRows,
    '',
    `Then the history: the task (${integer(s.taskTokens.value)} tokens, ${markdownText(s.taskTokens.detail)}), and per later call the previous reply ` +
      `(${integer(s.outputPerCall)}, ${markdownText(outputDetail)}) and a tool result (${integer(s.toolResultTokens.value)}, ${markdownText(s.toolResultTokens.detail)}): ` +
      `+${integer(s.growthPerCall)} tokens a call. Cached as a growing prefix: each call reads what the previous one sent and writes the rest.`,
    '',
    '| Call | Input | Cache read | Cache write | Cost |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...callRows,
    '',
    `Session: ${integer(s.cost.inputTokens)} input (${integer(s.cost.cacheReadTokens)} read from cache) + ${integer(s.cost.outputTokens)} output tokens → ${cost}${uncached}${worst}`,
  ];
  if (s.notes.length > 0) lines.push('', ...s.notes.map((n) => `- ${markdownText(n)}`));
  return lines.join('\n');
}

export function runtimeSharesMarkdown(shares: readonly RuntimeShare[]): string {
  const rows = shares.map(
    (r) =>
      `| ${markdownText(r.runtimeName)} | ${integer(r.tokens)} | ≈${integer(r.perRequestTokens)} | ${percent(r.share)} |`,
  );
  return (
    ['| Runtime | This file | Per request in all | Share |', '| --- | ---: | ---: | ---: |', ...rows].join('\n') +
    '\n\n`burnrate context` lists everything else each request carries.'
  );
}

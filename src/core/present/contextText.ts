// The context budget as plain text (the CLI's `burnrate context`): per runtime, what rides on every request, then what
// loads only sometimes, then the sessions agent files run. Every figure from outside says where it comes from.
import type { ContextItem, ContextItemKind, RuntimeContext, WorkspaceContext } from '../runtimes/context';
import { compact, integer, usd } from './money';

const KIND_LABELS: Record<ContextItemKind, string> = {
  'system-prompt': 'system prompt',
  'tool-schema': 'tool schema',
  'always-on': 'always-on file',
  scoped: 'scoped file',
  'rule-description': 'rule description',
  'skill-metadata': 'skill listing',
  'subagent-description': 'subagent listing',
  'on-demand': 'on demand',
  'skill-body': 'skill body',
  'on-invocation': 'on invocation',
  session: 'session',
};

export function kindLabel(kind: ContextItemKind): string {
  return KIND_LABELS[kind];
}

export function tokensText(tokens: number, exact: boolean, band: number): string {
  return exact ? integer(tokens) : `≈${integer(tokens)} ±${Math.round(band * 100)}%`;
}

/** `≈21,840 tokens (±27%) · ≈$0.0655/request (≈$0.0066 cached) · ≈$3,985/month at 2k requests/day` */
export function perRequestText(r: RuntimeContext): string {
  const p = r.perRequest;
  const approx = p.exact ? '' : '≈';
  const head = `${approx}${integer(p.inputTokens)} tokens${p.exact ? '' : ` (±${Math.round(p.band * 100)}%)`}`;
  if (p.costUsd === undefined) return `${head} · no price for ${r.model.value}`;
  const cached =
    p.cachedCostUsd !== undefined ? ` (${approx}${usd(p.cachedCostUsd)} if read from the prompt cache)` : '';
  return `${head} · ${approx}${usd(p.costUsd)}/request${cached} · ${approx}${usd(p.perMonthUsd ?? 0)}/month at ${compact(r.requestsPerDay.value)} requests/day`;
}

export type Row = [string, string, string, string];

/** Rows for one runtime: [kind, what, tokens, rule], with each outside figure's source as a numbered note. */
export function runtimeRows(r: RuntimeContext): {
  everyRequest: Row[];
  sometimes: Row[];
  sessions: Row[];
  sources: string[];
} {
  const sources: string[] = [];
  const note = (i: ContextItem) => {
    if (!i.source || i.basis === 'counted') return '';
    const text = `${i.basis}: ${i.source}`;
    let at = sources.indexOf(text);
    if (at < 0) at = sources.push(text) - 1;
    return ` [${at + 1}]`;
  };
  const row = (i: ContextItem): Row => [
    kindLabel(i.kind),
    i.label,
    tokensText(i.inputTokens, i.exact, i.band),
    ruleText(i) + note(i),
  ];
  const everyRequest = r.items.filter((i) => i.share === 1).map(row);
  const sometimes = r.items.filter((i) => i.share < 1 && i.kind !== 'session').map(row);
  const sessions = r.items.filter((i) => i.kind === 'session').map(row);
  return { everyRequest, sometimes, sessions, sources: sources.map((s, i) => `[${i + 1}] ${s}`) };
}

function ruleText(i: ContextItem): string {
  const parts = [i.rule];
  if (i.imports && i.imports.length > 0) parts.push(`imports ${i.imports.join(', ')}`);
  if (i.session) {
    const s = i.session;
    const cost = s.cost.costUsd !== undefined ? `≈${usd(s.cost.costUsd)}/session` : 'no price';
    parts.push(
      `${cost}, ${integer(s.cost.inputTokens)} input tokens over ${s.calls.value} calls (${integer(s.cost.cacheReadTokens)} read from cache)`,
    );
  } else if (i.perUseUsd !== undefined && i.share < 1) {
    parts.push(`≈${usd(i.perUseUsd)} each time`);
  }
  return parts.join(' · ');
}

export function contextSummaryLine(context: WorkspaceContext): string {
  return `Scoped files ride on ${Math.round(context.scopedShare.value * 100)}% of requests (${context.scopedShare.detail}). A month is ${integer(context.monthHours)} hours.`;
}

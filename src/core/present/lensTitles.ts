// One-line titles for editor lenses (and any other one-line surface): a unit's cost, an always-on file's per-request
// weight, a section's share, a problem. Pure text so the CLI, tests and the editor word things the same way.
import type { SectionCount, UnitEstimate } from '../estimate/types';
import { compact, integer, percent, tokenText, usd } from './money';

const SEP = ' · ';

/** `≈1,240 tokens (±15%) · ≈$0.0037/call · ≈$112/mo at 1k calls/day · claude-sonnet-4-5 · worst case ≈$0.0120/call` */
export function unitLensTitle(u: UnitEstimate): string {
  if (u.kind === 'always-on') return alwaysOnLensTitle(u);
  const pieces = [tokenText(u.input.tokens, u.input.exact, u.input.band)];
  if (!u.cost || !u.pricing.ok) return [...pieces, noPriceText(u)].join(SEP);
  const approx = u.input.exact ? '' : '≈';
  const session = u.session;
  if (session?.agent && session.perSession !== undefined) {
    // The file's own text is a small part of what each call of an agent session sends: the session is the figure.
    pieces.push(`≈${usd(session.perSession)} per session (${plural(session.turns.value, 'turn')}) on ${session.agent.runtimeName}`);
  } else {
    pieces.push(`${approx}${usd(u.cost.perCall)}/call`);
    if (session?.perSession !== undefined) pieces.push(`${approx}${usd(session.perSession)}/session (${plural(session.turns.value, 'turn')})`);
  }
  pieces.push(`${approx}${usd(u.cost.perMonth)}/mo at ${compact(u.callsPerDay.value)} ${session ? 'sessions' : 'calls'}/day`);
  pieces.push(u.pricing.rates.modelId);
  const worst = worstCaseText(u);
  if (worst) pieces.push(worst);
  return pieces.join(SEP);
}

/** `CLAUDE.md adds ≈223 tokens (±15%) to every request · ≈$40.70/mo at 2k requests/day · claude-sonnet-4-5` */
export function alwaysOnLensTitle(u: UnitEstimate): string {
  const scope = u.appliesTo ? `to every request on ${u.appliesTo}` : 'to every request';
  const head = `${u.name} adds ${tokenText(u.input.tokens, u.input.exact, u.input.band)} ${scope}`;
  if (!u.cost || !u.pricing.ok) return [head, noPriceText(u)].join(SEP);
  const approx = u.input.exact ? '' : '≈';
  const shares = (u.runtimeShares ?? []).map((r) => `${percent(r.share)} of ${r.runtimeName}'s ≈${compact(r.perRequestTokens)}/request`);
  return [head, `${approx}${usd(u.cost.perMonth)}/mo at ${compact(u.callsPerDay.value)} requests/day`, u.pricing.rates.modelId, ...shares].join(SEP);
}

/** `## Rules — 412 tokens (33%)`; the band is on the unit's own lens, so sections only say `≈`. */
export function sectionLensTitle(section: SectionCount, exact: boolean): string {
  const heading = section.level > 0 ? `${'#'.repeat(section.level)} ${section.title}` : 'before the first heading';
  return `${heading} — ${exact ? '' : '≈'}${integer(section.tokens)} tokens (${percent(section.share)})`;
}

export function problemLensTitle(message: string): string {
  return `⚠ ${firstLine(message)}`;
}

export function skippedLensTitle(reason: string): string {
  return `Burnrate skipped this file: ${firstLine(reason)}`;
}

/** `no price for "x" — add one in .burnrate.yaml` (the engine's message without the example block after its colon). */
export function noPriceText(u: UnitEstimate): string {
  return u.pricing.ok ? '' : firstLine(u.pricing.message).replace(/:$/, '');
}

function worstCaseText(u: UnitEstimate): string | undefined {
  const approx = u.input.exact ? '' : '≈';
  const session = u.session;
  if (session?.worstCasePerSession !== undefined && session.perSession !== undefined) {
    if (session.worstCasePerSession <= session.perSession) return undefined;
    return `worst case ${approx}${usd(session.worstCasePerSession)}/session (${plural(session.maxTurns, 'turn')})`;
  }
  return u.cost?.worstCasePerCall !== undefined ? `worst case ${approx}${usd(u.cost.worstCasePerCall)}/call` : undefined;
}

function plural(n: number, word: string): string {
  return `${integer(n)} ${word}${n === 1 ? '' : 's'}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

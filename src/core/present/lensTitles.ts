// One-line titles for editor lenses (and any other one-line surface): a unit's cost, an always-on file's per-request
// weight, a section's share, a problem. Pure text so the CLI, tests and the editor word things the same way.
import type { SectionCount, UnitEstimate } from '../estimate/types';
import { compact, integer, percent, tokenText, usd } from './money';
import { isAssumedModel } from '../usage/resolveInputs';
import { priceProblemSummary } from '../problems/priceText';

const SEP = ' · ';

/**
 * What fits above a line of text: `≈1,240 tokens · ≈$0.0037/call · ≈$112/mo`, or `… · ≈$0.0121/session · ≈$738/mo`
 * for a multi-turn agent. The band, the volume, the model and the worst case are in `unitLensDetail` (the lens's
 * tooltip) and the breakdown.
 */
export function unitLensTitle(u: UnitEstimate): string {
  if (u.kind === 'always-on') return alwaysOnLensTitle(u);
  const tokens = shortTokens(u);
  if (!u.cost || !u.pricing.ok) return [tokens, noPriceText(u)].join(SEP);
  const approx = u.input.exact ? '' : '≈';
  const perSession = u.session?.perSession;
  const each =
    perSession !== undefined ? `${approx}${usd(perSession)}/session` : `${approx}${usd(u.cost.perCall)}/call`;
  return [tokens, each, `${approx}${usd(u.cost.perMonth)}/mo`].join(SEP);
}

/**
 * The whole of a unit lens: `≈121 tokens (±15%) · ≈$0.002121/call · ≈$0.0121/session (4 turns) · ≈$738/mo at 2k
 * sessions/day · claude-haiku-4-5 · worst case ≈$0.0420/session (10 turns)`.
 */
export function unitLensDetail(u: UnitEstimate): string {
  if (u.kind === 'always-on') return alwaysOnLensDetail(u);
  const pieces = [tokenText(u.input.tokens, u.input.exact, u.input.band)];
  if (!u.cost || !u.pricing.ok) return [...pieces, noPriceText(u)].join(SEP);
  const approx = u.input.exact ? '' : '≈';
  const session = u.session;
  if (session?.agent && session.perSession !== undefined) {
    // The file's own text is a small part of what each call of an agent session sends: the session is the figure.
    pieces.push(
      `≈${usd(session.perSession)} per session (${plural(session.turns.value, 'turn')}) on ${session.agent.runtimeName}`,
    );
  } else {
    pieces.push(`${approx}${usd(u.cost.perCall)}/call`);
    if (session?.perSession !== undefined)
      pieces.push(`${approx}${usd(session.perSession)}/session (${plural(session.turns.value, 'turn')})`);
  }
  pieces.push(
    `${approx}${usd(u.cost.perMonth)}/mo at ${compact(u.callsPerDay.value)} ${session ? 'sessions' : 'calls'}/day`,
  );
  pieces.push(modelLabel(u, u.pricing.rates.modelId));
  const worst = worstCaseText(u);
  if (worst) pieces.push(worst);
  return pieces.join(SEP);
}

/** `CLAUDE.md adds ≈223 tokens to every request · ≈$40.70/mo` (scoped: `to matching requests`, the glob in the detail). */
export function alwaysOnLensTitle(u: UnitEstimate): string {
  const scope = u.appliesTo ? 'to matching requests' : 'to every request';
  const head = `${u.name} adds ${shortTokens(u)} ${scope}`;
  if (!u.cost || !u.pricing.ok) return [head, noPriceText(u)].join(SEP);
  return [head, `${u.input.exact ? '' : '≈'}${usd(u.cost.perMonth)}/mo`].join(SEP);
}

/** `≈223 tokens (±15%) on every request on **​/*.py · $/mo at 2k requests/day · claude-sonnet-4-5` */
function alwaysOnLensDetail(u: UnitEstimate): string {
  const scope = u.appliesTo ? `on every request on ${u.appliesTo}` : 'on every request';
  const head = `${tokenText(u.input.tokens, u.input.exact, u.input.band)} ${scope}`;
  if (!u.cost || !u.pricing.ok) return [head, noPriceText(u)].join(SEP);
  const shares = (u.runtimeShares ?? []).map(
    (r) => `${percent(r.share)} of ${r.runtimeName}'s ≈${compact(r.perRequestTokens)}/request`,
  );
  return [
    head,
    `${u.input.exact ? '' : '≈'}${usd(u.cost.perMonth)}/mo at ${compact(u.callsPerDay.value)} requests/day`,
    modelLabel(u, u.pricing.rates.modelId),
    ...shares,
  ].join(SEP);
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

/** `no price for "x" — add one in .burnrate.yaml`: the one-line wording of the unit's price problem. */
export function noPriceText(u: UnitEstimate): string {
  return u.pricing.ok ? '' : priceProblemSummary(u.pricing.problem);
}

function worstCaseText(u: UnitEstimate): string | undefined {
  const approx = u.input.exact ? '' : '≈';
  const session = u.session;
  if (session?.worstCasePerSession !== undefined && session.perSession !== undefined) {
    if (session.worstCasePerSession <= session.perSession) return undefined;
    return `worst case ${approx}${usd(session.worstCasePerSession)}/session (${plural(session.maxTurns, 'turn')})`;
  }
  return u.cost?.worstCasePerCall !== undefined
    ? `worst case ${approx}${usd(u.cost.worstCasePerCall)}/call`
    : undefined;
}

/** The count with its `≈` but without the band (the detail has it). */
function shortTokens(u: UnitEstimate): string {
  return `${u.input.exact ? '' : '≈'}${integer(u.input.tokens)} tokens`;
}

function plural(n: number, word: string): string {
  return `${integer(n)} ${word}${n === 1 ? '' : 's'}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

// A model nobody named (the built-in or settings default) is an assumption, and the lens says so.
function modelLabel(u: UnitEstimate, modelId: string): string {
  return isAssumedModel(u.model) ? `${modelId} (default — assumed)` : modelId;
}

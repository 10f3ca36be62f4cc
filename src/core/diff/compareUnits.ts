// One unit's change between the sides: tokens, $/call, $/month, and which of its sections grew or shrank.
import type { SectionCount, UnitEstimate } from '../estimate/types';
import { delta, ratio } from './delta';
import { matchSections } from './matchSections';
import type { UnitPair } from './matchUnits';
import type { Delta, SectionDiff, UnitDiff, UnitSide } from './types';

// Costs are floating-point sums: differences below a billionth of a dollar are rounding, not change.
const COST_EPSILON = 1e-9;

export function unitSide(unit: UnitEstimate): UnitSide {
  const side: UnitSide = {
    model: unit.pricing.ok ? unit.pricing.rates.modelId : unit.model.value,
    priced: unit.pricing.ok,
    callsPerDay: unit.callsPerDay.value,
    inputTokens: unit.input.tokens,
    exact: unit.input.exact,
  };
  if (unit.cost) {
    side.perCall = unit.cost.perCall;
    side.perMonth = unit.cost.perMonth;
  }
  return side;
}

/** The unit's change, or undefined when it prices and counts the same on both sides. */
export function compareUnits(pair: UnitPair): UnitDiff | undefined {
  const shown = pair.after ?? pair.before;
  if (!shown) return undefined;
  const before = pair.before ? unitSide(pair.before) : undefined;
  const after = pair.after ? unitSide(pair.after) : undefined;
  const change = delta(before ?? zeroUnit(after!), after ?? zeroUnit(before!));
  if (before && after && !differs(before, after, change)) return undefined;

  const diff: UnitDiff = {
    name: shown.name,
    kind: shown.kind,
    status: !before ? 'added' : !after ? 'removed' : 'modified',
    range: shown.range,
    delta: change,
    sections: compareSections(pair),
  };
  if (pair.before && pair.after && pair.before.name !== pair.after.name) diff.baseName = pair.before.name;
  if (before) diff.before = before;
  if (after) diff.after = after;
  return diff;
}

function differs(before: UnitSide, after: UnitSide, change: Delta): boolean {
  if (change.tokens !== 0 || before.model !== after.model || before.priced !== after.priced) return true;
  if (before.callsPerDay !== after.callsPerDay) return true;
  return Math.abs(change.perCall ?? 0) > COST_EPSILON || Math.abs(change.perMonth ?? 0) > COST_EPSILON;
}

/** A side that does not exist costs nothing and has no tokens; priced, so the other side's cost is the change. */
function zeroUnit(other: UnitSide): UnitSide {
  return { model: other.model, priced: true, callsPerDay: 0, inputTokens: 0, exact: true, perCall: 0, perMonth: 0 };
}

function compareSections(pair: UnitPair): SectionDiff[] {
  const priced = pair.after ?? pair.before!;
  const perToken = marginalCost(priced);
  const result: SectionDiff[] = [];
  const beforeSections = pair.before?.sections ?? [];
  const afterSections = pair.after?.sections ?? [];
  for (const { before, after } of matchSections(beforeSections, afterSections)) {
    const shown = (after ?? before) as SectionCount;
    const tokensBefore = before?.tokens ?? 0;
    const tokensAfter = after?.tokens ?? 0;
    const tokens = tokensAfter - tokensBefore;
    if (tokens === 0 && before && after) continue;
    const own = ownTokens(after, afterSections) - ownTokens(before, beforeSections);
    // A heading whose own text kept its count changed only through its subsections: those are listed instead.
    if (hasSubsections(before, beforeSections) || hasSubsections(after, afterSections)) {
      if (Math.abs(own) <= BOUNDARY_NOISE_TOKENS) continue;
    }
    const change: Delta = { tokens };
    const tokensPercent = ratio(tokens, tokensBefore);
    if (tokensPercent !== undefined) change.tokensPercent = tokensPercent;
    if (perToken) {
      change.perCall = tokens * perToken.perCall;
      change.perMonth = tokens * perToken.perMonth;
    }
    result.push({
      title: shown.title,
      level: shown.level,
      status: !before ? 'added' : !after ? 'removed' : 'modified',
      range: shown.range,
      tokensBefore,
      tokensAfter,
      exact: (pair.before?.input.exact ?? true) && (pair.after?.input.exact ?? true),
      delta: change,
    });
  }
  return result;
}

// Counting a heading's text whole and its subsections apart differs by a token or two where the pieces join.
const BOUNDARY_NOISE_TOKENS = 2;

/** The section's tokens outside its direct subsections (the heading and the text before the first subheading). */
function ownTokens(section: SectionCount | undefined, all: readonly SectionCount[]): number {
  if (!section) return 0;
  return section.tokens - directSubsections(section, all).reduce((sum, s) => sum + s.tokens, 0);
}

function hasSubsections(section: SectionCount | undefined, all: readonly SectionCount[]): boolean {
  return section !== undefined && all.some((s) => contains(section, s));
}

function directSubsections(section: SectionCount, all: readonly SectionCount[]): SectionCount[] {
  const inside = all.filter((s) => contains(section, s));
  return inside.filter((s) => !inside.some((outer) => outer !== s && contains(outer, s)));
}

function contains(outer: SectionCount, inner: SectionCount): boolean {
  if (outer === inner) return false;
  const { startLine: os, endLine: oe } = outer.range;
  const { startLine: is, endLine: ie } = inner.range;
  return os <= is && ie <= oe && (os < is || ie < oe);
}

/**
 * What one more input token of this unit costs: per call at its input rate (the long-context rate when the request is
 * above that tier), per month times the calls, and times the turns for a session, which re-sends the prompt each turn.
 */
export function marginalCost(unit: UnitEstimate): { perCall: number; perMonth: number } | undefined {
  if (!unit.pricing.ok) return undefined;
  const rates = unit.pricing.rates;
  const tier =
    rates.longContext && unit.input.tokens > rates.longContext.aboveInputTokens ? rates.longContext : undefined;
  const perCall = (tier?.inputPerMTok ?? rates.inputPerMTok) / 1e6;
  const callsPerRun = unit.session ? unit.session.turns.value : 1;
  return { perCall, perMonth: (perCall * callsPerRun * unit.callsPerDay.value * unit.monthHours) / 24 };
}

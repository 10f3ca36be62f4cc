// `burnrate context --json`: one document; each runtime with id, model, perRequest {inputTokens, exact, costUsd} and
// items {kind, path, inputTokens, exact, rule} (plus the band, share, source and session details).
import type { ContextItem, RuntimeContext, WorkspaceContext } from '../runtimes/context';

export function contextJson(context: WorkspaceContext, extra: Record<string, unknown> = {}): unknown {
  return {
    ...extra,
    monthHours: context.monthHours,
    scopedShare: { value: context.scopedShare.value, source: context.scopedShare.detail },
    runtimes: context.runtimes.map(runtimeJson),
    skipped: context.skipped,
  };
}

function runtimeJson(r: RuntimeContext) {
  return {
    id: r.id,
    name: r.name,
    mode: r.mode,
    model: r.pricing.ok ? r.pricing.rates.modelId : r.model.value,
    modelSource: r.model.detail,
    priceError: r.pricing.ok ? null : r.pricing.message,
    why: r.why,
    perRequest: {
      inputTokens: r.perRequest.inputTokens,
      exact: r.perRequest.exact,
      band: round(r.perRequest.band),
      costUsd: r.perRequest.costUsd ?? null,
      cachedCostUsd: r.perRequest.cachedCostUsd ?? null,
      perDayUsd: r.perRequest.perDayUsd ?? null,
      perMonthUsd: r.perRequest.perMonthUsd ?? null,
    },
    requestsPerDay: { value: r.requestsPerDay.value, source: r.requestsPerDay.detail },
    items: r.items.map(itemJson),
    problems: r.problems,
    note: r.note ?? null,
  };
}

function itemJson(i: ContextItem) {
  return {
    kind: i.kind,
    label: i.label,
    path: i.path ?? null,
    inputTokens: i.inputTokens,
    exact: i.exact,
    band: round(i.band),
    rule: i.rule,
    share: i.share,
    basis: i.basis ?? null,
    source: i.source ?? null,
    imports: i.imports ?? [],
    perUseUsd: i.perUseUsd ?? null,
    session: i.session
      ? {
          role: i.session.role,
          calls: i.session.calls.value,
          callsSource: i.session.calls.detail,
          maxCalls: i.session.maxCalls ?? null,
          prefixTokens: i.session.prefixTokens,
          prefix: i.session.prefix,
          inputTokens: i.session.cost.inputTokens,
          cacheReadTokens: i.session.cost.cacheReadTokens,
          cacheWriteTokens: i.session.cost.cacheWriteTokens,
          outputTokens: i.session.cost.outputTokens,
          costUsd: i.session.cost.costUsd ?? null,
          uncachedCostUsd: i.session.cost.uncachedCostUsd ?? null,
          worstCaseUsd: i.session.worstCase?.costUsd ?? null,
          rows: i.session.rows,
          notes: i.session.notes,
        }
      : null,
  };
}

function round(band: number): number {
  return Math.round(band * 1000) / 1000;
}

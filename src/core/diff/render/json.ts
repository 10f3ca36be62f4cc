// The `--json` document: per file and per unit, before and after tokens and costs, and the totals. Costs are USD;
// null means "no price" (never $0).
import { priceDataJson } from '../../pricing/freshness';
import type { CostSide, Delta, DiffReport, FileDiff, SectionDiff, UncomparedFile, UnitDiff, UnitSide } from '../types';

export function diffReportJson(report: DiffReport) {
  return {
    base: report.baseLabel,
    head: report.headLabel,
    priceData: priceDataJson(),
    monthHours: report.monthHours,
    usageFile: {
      path: report.usage.file ?? null,
      pricing: report.usage.pricing,
      changed: report.usage.changed,
      problems: report.usage.problems,
    },
    totals: {
      files: report.totals.files,
      units: report.totals.units,
      unpricedUnits: report.totals.unpricedUnits,
      before: side(report.totals.before),
      after: side(report.totals.after),
      delta: deltaJson(report.totals.delta),
    },
    files: report.files.map(fileJson),
    uncompared: report.uncompared.map(uncomparedJson),
    ignoredFiles: report.ignoredFiles,
    unchangedFiles: report.unchangedFiles,
  };
}

/** The code beside the plain `reason` (which consumers read since before there were codes); not its arguments. */
function uncomparedJson(file: UncomparedFile) {
  return {
    path: file.path,
    ...(file.basePath !== undefined ? { basePath: file.basePath } : {}),
    severity: file.severity,
    code: file.cause.code,
    reason: file.reason,
  };
}

function fileJson(file: FileDiff) {
  return {
    path: file.path,
    basePath: file.basePath ?? null,
    status: file.status,
    format: file.format,
    formatLabel: file.formatLabel,
    before: side(file.before),
    after: side(file.after),
    delta: deltaJson(file.delta),
    unpricedUnits: file.unpricedUnits,
    notes: file.notes,
    units: file.units.map(unitJson),
  };
}

function unitJson(unit: UnitDiff) {
  return {
    name: unit.name,
    baseName: unit.baseName ?? null,
    kind: unit.kind,
    status: unit.status,
    line: unit.range.startLine + 1,
    before: unit.before ? unitSide(unit.before) : null,
    after: unit.after ? unitSide(unit.after) : null,
    delta: deltaJson(unit.delta),
    sections: unit.sections.map(sectionJson),
  };
}

function sectionJson(section: SectionDiff) {
  return {
    title: section.title,
    level: section.level,
    status: section.status,
    line: section.range.startLine + 1,
    inputTokensBefore: section.tokensBefore,
    inputTokensAfter: section.tokensAfter,
    delta: deltaJson(section.delta),
  };
}

function side(s: CostSide) {
  return {
    inputTokens: s.inputTokens,
    tokensExact: s.exact,
    costPerCallUsd: s.perCall ?? null,
    costPerMonthUsd: s.perMonth ?? null,
  };
}

function unitSide(s: UnitSide) {
  return { model: s.model, priced: s.priced, callsPerDay: s.callsPerDay, ...side(s) };
}

function deltaJson(d: Delta) {
  return {
    inputTokens: d.tokens,
    inputTokensPercent: d.tokensPercent === undefined ? null : d.tokensPercent * 100,
    costPerCallUsd: d.perCall ?? null,
    costPerMonthUsd: d.perMonth ?? null,
    costPercent: d.costPercent === undefined ? null : d.costPercent * 100,
  };
}

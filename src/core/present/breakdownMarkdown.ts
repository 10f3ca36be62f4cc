// The breakdown of an estimate as markdown: what is counted (input parts), what is assumed (output, volume, turns) and
// where each assumption comes from, the rate card and why that model, the carry of multi-turn sessions, and hints.
// The same text is the editor's hover, its "Show Cost Breakdown" document, and available to the CLI.
import type { FileEstimate, SessionFigures, UnitEstimate } from '../estimate/types';
import type { RateCard } from '../pricing/rateCard';
import type { Problem } from '../types';
import { markdownCodeBlock, markdownText } from './markdownEscape';
import { agentSessionMarkdown, runtimeSharesMarkdown } from './agentSessionMarkdown';
import { integer, percent, tokenText, usd } from './money';
import { ageInDays, STALE_AFTER_DAYS } from '../pricing/freshness';
import { isAssumedModel } from '../usage/resolveInputs';

/** Markdown for one unit, starting with a level-3 heading. */
export function unitBreakdownMarkdown(u: UnitEstimate): string {
  const approx = u.input.exact ? '' : '≈';
  const blocks: string[] = [
    `### ${markdownText(u.name)} — ${markdownText(u.formatLabel)}${u.kind === 'always-on' ? ' (always-on context)' : ''}`,
    headline(u),
    inputTable(u),
  ];
  if (u.kind === 'call') blocks.push(outputBlock(u));
  blocks.push(rateCardBlock(u));
  blocks.push(`**Tokenizer:** ${markdownText(u.tokenizer.basis)}`);
  blocks.push(volumeBlock(u));
  if (u.cost) {
    const c = u.cost;
    blocks.push(
      u.kind === 'always-on'
        ? `**Cost:** ${approx}${usd(c.inputPerCall)} per request it rides on · ${approx}${usd(c.perDay)}/day · ${approx}${usd(c.perMonth)}/month`
        : `**Cost:** input ${approx}${usd(c.inputPerCall)} + output ${approx}${usd(c.outputPerCall)} = ${approx}${usd(c.perCall)}/call · ` +
            `${approx}${usd(c.perDay)}/day · ${approx}${usd(c.perMonth)}/month`,
    );
  }
  if (u.session?.agent) blocks.push(agentSessionMarkdown(u.session.agent, u.output.expected.detail));
  else if (u.session) blocks.push(sessionBlock(u, u.session));
  if (u.runtimeShares && u.runtimeShares.length > 0) blocks.push(runtimeSharesMarkdown(u.runtimeShares));
  if (u.sections.length > 1) blocks.push(sectionsTable(u));
  if (u.hints.length > 0)
    blocks.push(['**Hints**', '', ...u.hints.map((h) => `- ${markdownText(h.message)}`)].join('\n'));
  if (u.problems.length > 0) blocks.push(problemList('**Notes**', u.problems));
  return blocks.join('\n\n');
}

/** Markdown for a whole file: a title, file-level notes, then every unit. */
export function fileBreakdownMarkdown(file: FileEstimate): string {
  const blocks = [`## ${markdownText(file.path)} — ${markdownText(file.formatLabel)}`];
  if (file.units.length > 1) {
    const priced = file.units.filter((u) => u.cost);
    const month = priced.reduce((sum, u) => sum + (u.cost?.perMonth ?? 0), 0);
    const approx = file.units.every((u) => u.input.exact) ? '' : '≈';
    blocks.push(
      `${file.units.length} cost units · ${approx}${usd(month)}/month together` +
        (priced.length < file.units.length
          ? ` (${file.units.length - priced.length} without a price, not included)`
          : ''),
    );
  }
  if (file.problems.length > 0) blocks.push(problemList('**File notes**', file.problems));
  if (file.units.length === 0) blocks.push('Nothing in this file is sent to a model.');
  for (const unit of file.units) blocks.push(unitBreakdownMarkdown(unit));
  return blocks.join('\n\n') + '\n';
}

function headline(u: UnitEstimate): string {
  const tokens = tokenText(u.input.tokens, u.input.exact, u.input.band, 'input tokens');
  if (!u.cost || !u.pricing.ok) return `**${tokens}** · no price for this model`;
  const approx = u.input.exact ? '' : '≈';
  if (u.kind === 'always-on') {
    const scope = u.appliesTo ? ` on ${markdownText(u.appliesTo)}` : '';
    return `Adds **${tokens}** to every request${scope} · **${approx}${usd(u.cost.perMonth)}/month** at ${integer(u.callsPerDay.value)} requests/day`;
  }
  const perRun =
    u.session?.perSession !== undefined
      ? ` · **≈${usd(u.session.perSession)}/session**${u.session.agent ? ` on ${markdownText(u.session.agent.runtimeName)} (${integer(u.session.turns.value)} turns)` : ''}`
      : '';
  return `**${tokens}** · **${approx}${usd(u.cost.perCall)}/call**${perRun} · **${approx}${usd(u.cost.perMonth)}/month**`;
}

function inputTable(u: UnitEstimate): string {
  const rows = u.input.parts.map((p) => `| ${markdownText(p.label)} | ${integer(p.tokens)} |`);
  if (rows.length === 0) rows.push('| (nothing — the body is empty) | 0 |');
  const total = u.input.exact
    ? integer(u.input.tokens)
    : `≈${integer(u.input.tokens)} (±${Math.round(u.input.band * 100)}%)`;
  return ['| Input | Tokens |', '| --- | ---: |', ...rows, `| **total** | **${total}** |`].join('\n');
}

function outputBlock(u: UnitEstimate): string {
  const expected = u.output.expected;
  let text = `**Output:** expected ${integer(expected.value)} tokens (${markdownText(expected.detail)})`;
  const limit = u.output.limit;
  if (limit) {
    text += `; worst case ${integer(limit.value)} tokens (\`${limit.field.replace(/`/g, "'")}\`)`;
    if (u.cost?.worstCasePerCall !== undefined)
      text += ` → ${u.input.exact ? '' : '≈'}${usd(u.cost.worstCasePerCall)}/call`;
  } else {
    text += '; no output limit declared, so no worst case per call';
  }
  return text;
}

function rateCardBlock(u: UnitEstimate): string {
  if (!u.pricing.ok) {
    return [
      `**Model:** ${markdownText(u.model.value)} (${markdownText(u.model.detail)})`,
      '',
      markdownCodeBlock(u.pricing.message),
    ].join('\n');
  }
  const r = u.pricing.rates;
  return [
    `**Rate card:** ${markdownText(r.modelId)} (${markdownText(r.providerId)}) — ${rateList(r)}  `,
    `Prices: ${markdownText(r.source)}${r.asOf && !r.source.includes(r.asOf) ? `, as of ${markdownText(r.asOf)}` : ''}${ageText(r.asOf)}  `,
    `Why this model: ${markdownText(u.model.detail)} → ${markdownText(u.pricing.explanation)}` +
      (isAssumedModel(u.model)
        ? '  \n**Assumed model:** no file, usage file or flag names one, so this unit is priced on the default model.'
        : ''),
  ].join('\n');
}

function ageText(asOf: string): string {
  const age = ageInDays(asOf);
  return age === undefined
    ? ''
    : ` (${age} days old${age > STALE_AFTER_DAYS ? ' — "Burnrate: Update Prices" fetches newer data' : ''})`;
}

function rateList(r: RateCard): string {
  const parts = [`${rate(r.inputPerMTok)}/M in`, `${rate(r.outputPerMTok)}/M out`];
  if (r.cacheReadPerMTok !== undefined) parts.push(`cache read ${rate(r.cacheReadPerMTok)}/M`);
  if (r.cacheWritePerMTok !== undefined)
    parts.push(`cache write ${rate(r.cacheWritePerMTok)}/M${r.cacheWrite1hPerMTok !== undefined ? ' (5 min)' : ''}`);
  if (r.cacheWrite1hPerMTok !== undefined) parts.push(`1-hour cache write ${rate(r.cacheWrite1hPerMTok)}/M`);
  if (r.longContext) {
    parts.push(
      `above ${integer(r.longContext.aboveInputTokens)} input tokens ${rate(r.longContext.inputPerMTok)}/M in, ${rate(r.longContext.outputPerMTok)}/M out` +
        (r.longContext.source ? ` (${markdownText(r.longContext.source)})` : ''),
    );
  }
  if (r.serviceTier) {
    const t = r.serviceTier;
    parts.push(
      `${markdownText(t.tier)} tier: standard rates ×${t.multiplier}${t.band ? ` (${markdownText(t.band)})` : ''} — ${markdownText(t.source)}, ${markdownText(t.asOf)}`,
    );
  }
  return parts.join(' · ');
}

function volumeBlock(u: UnitEstimate): string {
  const what = u.kind === 'always-on' ? 'requests' : u.session ? 'sessions' : 'calls';
  return `**Volume:** ${integer(u.callsPerDay.value)} ${what}/day (${markdownText(u.callsPerDay.detail)}) · a month is ${integer(u.monthHours)} hours`;
}

function sessionBlock(u: UnitEstimate, s: SessionFigures): string {
  const approx = u.input.exact ? '' : '≈';
  const lines = [
    `**Session carry:** ${integer(s.turns.value)} turns (${markdownText(s.turns.detail)}; declared cap ${integer(s.maxTurns)}), ` +
      `${integer(s.userTokensPerTurn.value)} new user tokens per turn (${markdownText(s.userTokensPerTurn.detail)}). ` +
      'Every turn re-sends the prompt and all earlier messages, so input grows turn by turn:',
    '',
    '| Turn | Input tokens |',
    '| ---: | ---: |',
  ];
  turnRows(s.turnInputTokens).forEach((row) => lines.push(row));
  lines.push('');
  let total = `Session: ${integer(s.inputTokens)} input + ${integer(s.outputTokens)} output tokens`;
  if (s.perSession !== undefined) total += ` → ${approx}${usd(s.perSession)}/session`;
  if (s.worstCasePerSession !== undefined) {
    const replies = u.output.limit ? `, ${integer(u.output.limit.value)}-token replies` : '';
    total += `; worst case (${integer(s.maxTurns)} turns${replies}) ${approx}${usd(s.worstCasePerSession)}/session`;
  }
  lines.push(total);
  return lines.join('\n');
}

// Long sessions: the first three turns and the last two show the growth without a wall of rows.
function turnRows(inputs: readonly number[]): string[] {
  const row = (i: number) => `| ${i + 1} | ${integer(inputs[i]!)} |`;
  if (inputs.length <= 8) return inputs.map((_, i) => row(i));
  return [row(0), row(1), row(2), '| … | … |', row(inputs.length - 2), row(inputs.length - 1)];
}

function sectionsTable(u: UnitEstimate): string {
  const approx = u.input.exact ? '' : '≈';
  const rows = u.sections.map(
    (s) =>
      `| ${s.level > 0 ? '#'.repeat(s.level) + ' ' : ''}${markdownText(s.title)} | ${approx}${integer(s.tokens)} | ${percent(s.share)} |`,
  );
  return ['| Section | Tokens | Share |', '| --- | ---: | ---: |', ...rows].join('\n');
}

function problemList(title: string, problems: readonly Problem[]): string {
  const items = problems.map(
    (p) => `- ${p.severity === 'info' ? '' : `${p.severity}: `}${markdownText(p.message.split('\n')[0]!)}`,
  );
  return [title, '', ...items].join('\n');
}

/** $3 · $0.3 · $0.075 — rates as written in price lists, without trailing zeros. */
function rate(perMTok: number): string {
  return `$${+perMTok.toFixed(4)}`;
}

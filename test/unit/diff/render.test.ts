import * as assert from 'assert';
import {
  checkGates,
  diffReportJson,
  fileLensTitle,
  renderDiffMarkdown,
  renderDiffText,
  review,
  sectionLensTitle,
  signedPercent,
  signedTokens,
  type DiffReport,
} from '../../../src/core/diff';
import { signedUsd, usd } from '../../../src/core/present/money';
import { FakeGit, type Tree } from './fakeGit';

const GROWING = 'prompts/support.md';
const NEW = 'prompts/new.md';
const SHRINKING = 'prompts/triage.md';
const UNPRICED = '.github/prompts/x.prompt.md';

const base: Tree = {
  [GROWING]: '# Support\nHelp the customer.\n\n## Tone\nBe kind.\n',
  [SHRINKING]: 'Classify the ticket into billing, shipping or other. '.repeat(20),
  [UNPRICED]: '---\nmodel: acme-llm-9\n---\nSay hi.',
};
const head: Tree = {
  [GROWING]: '# Support\nHelp the customer.\n\n## Tone\n' + 'Be kind, patient and precise. '.repeat(20) + '\n',
  [SHRINKING]: 'Classify the ticket into billing, shipping or other. '.repeat(5),
  [NEW]: 'Write a haiku about the order. '.repeat(3),
  [UNPRICED]: '---\nmodel: acme-llm-9\n---\nSay hi to the user.',
};

async function report(): Promise<DiffReport> {
  const outcome = await review(new FakeGit(base, head));
  assert.ok(outcome.ok);
  return outcome.value;
}

describe('cost diff presentation', () => {
  it('signs tokens and percents', () => {
    assert.strictEqual(signedTokens(312), '+312');
    assert.strictEqual(signedTokens(-1200), '-1,200');
    assert.strictEqual(signedTokens(0), '±0');
    assert.strictEqual(signedTokens(5, false), '≈+5');
    assert.strictEqual(signedPercent(0.18), '+18%');
    assert.strictEqual(signedPercent(-0.042), '-4.2%');
    assert.strictEqual(signedPercent(0.0001), '+<0.1%');
    assert.strictEqual(signedPercent(0), '0%');
    assert.strictEqual(signedPercent(12.5), '+1,250%');
  });

  it('the table has one infracost-style row per changed unit and the total with its percent', async () => {
    const r = await report();
    const text = renderDiffText(r);
    const growing = r.files.find((f) => f.path === GROWING)!;
    const row = text.split('\n').find((l) => l.includes(`${GROWING}#`))!;
    assert.ok(row.trimStart().startsWith(`~ ${GROWING}#`), row);
    assert.ok(row.includes(`${signedUsd(growing.delta.perMonth!)}/mo`), row);
    assert.ok(row.includes(`(${usd(growing.before.perMonth!)} → ${usd(growing.after.perMonth!)})`), row);
    assert.ok(
      text.split('\n').some((l) => l.trimStart().startsWith(`+ ${NEW}#`)),
      text,
    );
    assert.match(text, /§ Tone: ≈\+\d+ tokens \(\+[\d,]+%\) ≈ \+\$[\d.]+\/mo/);
    assert.match(text, /no price for acme-llm-9/);
    const total = r.totals.delta;
    assert.ok(
      text.includes(
        `Monthly cost change of the priced units: ${signedUsd(total.perMonth!)} (${signedPercent(total.costPercent!)})`,
      ),
      text,
    );
    assert.match(text, /1 unit without a price is not in the dollar total/);
    assert.match(text, /^Cost diff: HEAD → working tree$/m);
  });

  it('the markdown comment leads with the total and has a table row per unit', async () => {
    const r = await report();
    const md = renderDiffMarkdown(r);
    assert.match(
      md.split('\n')[2]!,
      /^\*\*Monthly cost change of the priced units: [+-]\$[\d,.]+ \([+-][\d.,]+%\)\*\*/,
    );
    const rows = md.split('\n').filter((l) => /^\| [~+-] \|/.test(l));
    assert.strictEqual(rows.length, r.totals.units);
    assert.ok(rows.some((l) => l.includes(`\`${NEW}\``) && l.startsWith('| + |')));
  });

  it('the JSON has before/after tokens and costs per file and unit, null for unknown costs, and totals', async () => {
    const r = await report();
    const json = JSON.parse(JSON.stringify(diffReportJson(r)));
    const unpriced = json.files.find((f: { path: string }) => f.path === UNPRICED);
    assert.strictEqual(unpriced.units[0].delta.costPerMonthUsd, null);
    assert.strictEqual(unpriced.units[0].after.priced, false);
    const added = json.files.find((f: { path: string }) => f.path === NEW);
    assert.strictEqual(added.units[0].before, null);
    assert.strictEqual(added.before.inputTokens, 0);
    assert.ok(added.after.costPerMonthUsd > 0);
    assert.strictEqual(json.totals.delta.costPerMonthUsd, r.totals.delta.perMonth);
    assert.strictEqual(json.base, 'HEAD');
  });

  it('lens titles read "+N tokens (+P%) vs HEAD · +$/call · +$/mo"', async () => {
    const r = await report();
    const growing = r.files.find((f) => f.path === GROWING)!;
    assert.match(
      fileLensTitle(growing, 'HEAD'),
      /^≈\+\d+ tokens \(\+[\d,]+%\) vs HEAD · \+\$[\d.]+\/call · \+\$[\d,.]+\/mo$/,
    );
    const added = r.files.find((f) => f.path === NEW)!;
    assert.match(fileLensTitle(added, 'HEAD'), /^new vs HEAD: ≈\+\d+ tokens · \$[\d.]+\/call · \$[\d,.]+\/mo$/);
    const unpriced = r.files.find((f) => f.path === UNPRICED)!;
    assert.match(fileLensTitle(unpriced, 'HEAD'), /cost change unknown \(no price\)/);
    const tone = growing.units[0]!.sections.find((s) => s.title === 'Tone')!;
    assert.match(sectionLensTitle(tone, 'HEAD'), /^§ ≈\+\d+ tokens \(\+[\d,]+%\) vs HEAD · ≈\+\$[\d,.]+\/mo$/);
  });

  it('gates: USD on the total, percent per file (new files excluded), naming the files', async () => {
    const r = await report();
    const total = r.totals.delta.perMonth!;
    assert.ok(total > 0);
    const [under, over] = [
      checkGates(r, { increaseUsdMonth: total + 1 })[0]!,
      checkGates(r, { increaseUsdMonth: total / 2 })[0]!,
    ];
    assert.strictEqual(under.tripped, false);
    assert.strictEqual(over.tripped, true);
    assert.match(
      over.message,
      new RegExp(`--fail-on-increase-usd-month\\): ${NEW.replace('.', '\\.')}|${GROWING.replace('.', '\\.')}`),
    );

    const percent = checkGates(r, { increasePercent: 10 })[0]!;
    assert.strictEqual(percent.tripped, true);
    assert.ok(percent.files.includes(GROWING));
    assert.ok(percent.files.includes(UNPRICED), 'unpriced files are judged by their token growth');
    assert.ok(!percent.files.includes(NEW), 'a new file has no baseline');
    assert.ok(!percent.files.includes(SHRINKING));
    assert.match(percent.message, /grew by more than 10%/);
    const growing = r.files.find((f) => f.path === GROWING)!;
    assert.ok(
      growing.delta.costPercent! < 0.1 && growing.delta.tokensPercent! > 1,
      'output dominates its cost; its tokens grew 829% (counted for the default model, markup-heavy before, prose after)',
    );
    assert.match(percent.message, new RegExp(`${GROWING.replace('.', '\\.')} \\+829% in input tokens`));
    const above = Math.max(growing.delta.tokensPercent!, growing.delta.costPercent!) * 100;
    assert.ok(!checkGates(r, { increasePercent: above + 1 })[0]!.files.includes(GROWING));
    assert.ok(checkGates(r, { increasePercent: above - 1 })[0]!.files.includes(GROWING));
  });
});

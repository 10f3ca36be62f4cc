// `burnrate diff` prices both sides with the price data the repository pins: the head's priceData: by default, the
// base's (read from the base commit through git) with --usage-from-base, --prices FILE above both. A missing, invalid
// or outside file is a warning and the bundled data prices the diff, said so.
import * as assert from 'assert';
import { runCli } from './runCli';
import { Repo, removeTemps } from './tempRepo';
import { fixturePriceData } from '../unit/pricing/priceDataFixture';

const PROMPT = 'prompts/support.md';
const TEXT = 'You help customers with orders, refunds and shipping. Be brief and concrete.\n';

/** The fixture data with GPT-4.1 at `rate` $/M for input and output: which data priced the diff shows in the cost. */
function priceData(rate: number): string {
  const data = fixturePriceData() as { id: string; models: { id: string; prices: Record<string, number> }[] }[];
  const gpt = data.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4.1')!;
  gpt.prices = { input_mtok: rate, output_mtok: rate };
  return JSON.stringify(data);
}

interface Doc {
  priceData: { kind: string; source: string; dateBasis: string };
  files: { path: string; after: { costPerMonthUsd: number | null } }[];
}

function diff(repo: Repo, ...args: string[]): { doc: Doc; stderr: string } {
  const run = runCli(['diff', '--json', ...args], repo.dir);
  assert.strictEqual(run.code, 0, run.stderr);
  return { doc: JSON.parse(run.stdout) as Doc, stderr: run.stderr };
}

function repoPinning(usage: string, files: Record<string, string>): Repo {
  const repo = Repo.create().write('.burnrate.yaml', `defaults:\n  model: gpt-4.1\n${usage}`).write(PROMPT, TEXT);
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  return repo.commit('base').write(PROMPT, TEXT + 'Confirm the order number back to the customer.\n');
}

describe('burnrate diff with pinned price data (built CLI, real git repositories)', function () {
  this.timeout(120_000);
  after(removeTemps);

  it("prices both sides with the head's priceData: file, or the base's with --usage-from-base", () => {
    const repo = repoPinning('priceData: prices/pinned.json\n', { 'prices/pinned.json': priceData(9) });
    repo.write('prices/pinned.json', priceData(1)); // the pull request lowers its own prices

    const head = diff(repo);
    assert.strictEqual(head.doc.priceData.kind, 'pinned');
    assert.match(head.doc.priceData.source, /pinned\.json/);
    const headCost = head.doc.files.find((f) => f.path === PROMPT)!.after.costPerMonthUsd!;

    const base = diff(repo, '--usage-from-base');
    assert.strictEqual(base.doc.priceData.kind, 'pinned');
    assert.strictEqual(base.doc.priceData.dateBasis, 'commit date');
    assert.match(base.doc.priceData.source, /prices\/pinned\.json .*at the base/);
    const baseCost = base.doc.files.find((f) => f.path === PROMPT)!.after.costPerMonthUsd!;
    assert.ok(
      Math.abs(baseCost / headCost - 9) < 0.01,
      `the base's file prices at 9× the head's: ${baseCost} vs ${headCost}`,
    );

    const flagged = diff(repo, '--usage-from-base', '--prices', 'prices/pinned.json');
    assert.match(flagged.doc.priceData.source, /^prices\/pinned\.json$/);
    assert.ok(
      Math.abs(flagged.doc.files.find((f) => f.path === PROMPT)!.after.costPerMonthUsd! - headCost) < 1e-9,
      '--prices beats priceData:',
    );
  });

  it('a missing, invalid or outside file at the base is a warning, and the bundled data prices the diff', () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['priceData: prices/missing.json\n', {}, /priceData: prices\/missing\.json .*no such file at the base/],
      [
        'priceData: prices/broken.json\n',
        { 'prices/broken.json': '{"models": {}}' },
        /expected a list of providers .*using the bundled data/,
      ],
      ['priceData: ../outside.json\n', {}, /priceData: \.\.\/outside\.json .*not a file inside the repository/],
    ];
    for (const [usage, files, warning] of cases) {
      const repo = repoPinning(usage, files);
      const run = diff(repo, '--usage-from-base');
      assert.strictEqual(run.doc.priceData.kind, 'bundled', usage);
      assert.match(run.stderr, warning);
      assert.ok(
        run.doc.files.find((f) => f.path === PROMPT)!.after.costPerMonthUsd! > 0,
        'still priced, never a silent $0',
      );
    }
  });
});

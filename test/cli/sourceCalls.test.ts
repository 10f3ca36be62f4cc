// `burnrate estimate --source` and `burnrate diff --source` over SDK calls in real temporary git repositories.
import * as assert from 'assert';
import { Repo, removeTemps } from './tempRepo';

const SYSTEM = 'You summarise support tickets in one sentence.';

function service(system: string, extra = ''): string {
  return [
    "import Anthropic from '@anthropic-ai/sdk';",
    'const client = new Anthropic();',
    extra,
    'export async function summarise(ticket: string) {',
    '  return client.messages.create({',
    "    model: 'claude-haiku-4-5',",
    '    max_tokens: 100,',
    `    system: ${JSON.stringify(system)},`,
    "    messages: [{ role: 'user', content: ticket }],",
    '  });',
    '}',
    '',
  ].join('\n');
}

const PY =
  'from openai import OpenAI\n\ndef label(t):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Label: " + t}])\n';

interface JsonUnit {
  path: string;
  format: string;
  name: string;
  model: string | null;
  inputTokens: number;
}

describe('CLI: SDK calls in source code', function () {
  this.timeout(120_000);
  after(removeTemps);

  it('estimate lists calls only with --source, sources: globs or a named file', () => {
    const repo = Repo.create('burnrate-source-')
      .write('src/summarise.ts', service(SYSTEM))
      .write('py/label.py', PY)
      .write('src/plain.ts', 'export const x = 1;\n');
    const without = repo.cli('estimate', ['--json']);
    assert.strictEqual(without.code, 0, without.stderr);
    assert.deepStrictEqual(JSON.parse(without.stdout).units, []);

    const all = repo.cli('estimate', ['--source', '--json']);
    assert.strictEqual(all.code, 0, all.stderr);
    const units = JSON.parse(all.stdout).units as JsonUnit[];
    assert.deepStrictEqual(
      units.map((u) => [u.path, u.format, u.name, u.model]),
      [
        ['py/label.py', 'source-call', 'label · OpenAI chat.completions', 'gpt-4o-mini'],
        ['src/summarise.ts', 'source-call', 'summarise · Anthropic messages', 'claude-haiku-4-5'],
      ],
    );

    const table = repo.cli('estimate', ['--source', '--wide']);
    assert.match(table.stdout, /summarise · Anthropic/);

    repo.write('.burnrate.yaml', 'sources:\n  - "py/**"\n');
    const globbed = JSON.parse(repo.cli('estimate', ['--json']).stdout).units as JsonUnit[];
    assert.deepStrictEqual(
      globbed.map((u) => u.path),
      ['py/label.py'],
    );

    const named = JSON.parse(repo.cli('estimate', ['src/summarise.ts', '--json']).stdout).units as JsonUnit[];
    assert.deepStrictEqual(
      named.map((u) => u.name),
      ['summarise · Anthropic messages'],
    );
    assert.ok(named[0]!.inputTokens > 0);
  });

  it('diff --source shows a changed call, matched by its function when lines move', () => {
    const repo = Repo.create('burnrate-source-diff-').write('src/summarise.ts', service(SYSTEM)).commit('initial');
    repo.write(
      'src/summarise.ts',
      service(
        `${SYSTEM} Mention the customer's name and the product.`,
        '// a comment that moves the call down\nconst unused = 1;\n',
      ),
    );
    const run = repo.diff(['--source', '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    const text = JSON.stringify(report);
    assert.match(text, /summarise · Anthropic messages/);
    const plain = repo.diff(['--source']);
    const row = plain.stdout.split('\n').find((line) => line.includes('summarise · Anthropic messages'));
    assert.ok(row, plain.stdout);
    assert.match(row!, /^\s*~/, 'the call is changed, not removed and added');
    assert.doesNotMatch(plain.stdout, /^\s*[+-] .*summarise/m);
  });

  it('diff --source reads one-hop imports and file-loaded prompts at each side, as estimate does', () => {
    const caller = (extra: string) =>
      [
        "import OpenAI from 'openai';",
        "import { readFileSync } from 'fs';",
        "import { RULES } from './prompts';",
        'const client = new OpenAI();',
        extra,
        'export async function triage(ticket: string) {',
        '  return client.chat.completions.create({',
        "    model: 'gpt-4o',",
        "    messages: [{ role: 'system', content: RULES }, { role: 'user', content: readFileSync('prompts/triage.md', 'utf8') }],",
        '  });',
        '}',
        '',
      ].join('\n');
    const rules = 'Sort the ticket into billing, shipping or other, and say why in one line.';
    const repo = Repo.create('burnrate-source-diff-imports-')
      .write('src/prompts.ts', `export const RULES = ${JSON.stringify(rules)};\n`)
      .write('prompts/triage.md', 'Here is the ticket text, quoted in full.\n')
      .write('src/triage.ts', caller(''))
      .commit('initial');
    const estimated = () =>
      (JSON.parse(repo.cli('estimate', ['src/triage.ts', '--json', '--source']).stdout).units as JsonUnit[])[0]!
        .inputTokens;
    const before = estimated();
    // The caller changes (a line above the call) and so do both files it reads: each side reads its own versions.
    repo
      .write('src/triage.ts', caller('const retries = 2;'))
      .write('src/prompts.ts', `export const RULES = ${JSON.stringify(`${rules} Never guess an order number.`)};\n`)
      .write('prompts/triage.md', 'Here is the ticket text, quoted in full, with the customer history below.\n');
    const after = estimated();
    assert.ok(after > before);
    const run = repo.diff(['--source', '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const file = (
      JSON.parse(run.stdout).files as {
        path: string;
        units: { before: { inputTokens: number }; after: { inputTokens: number }; status: string }[];
        notes: string[];
      }[]
    ).find((f) => f.path === 'src/triage.ts');
    assert.ok(file, run.stdout);
    assert.strictEqual(file.units.length, 1);
    assert.deepStrictEqual(
      [file.units[0]!.before.inputTokens, file.units[0]!.after.inputTokens],
      [before, after],
      'the same counts as estimate at each side, not placeholders',
    );
    assert.doesNotMatch(JSON.stringify(file), /placeholder/);
  });

  it('diff --source re-prices an unchanged call whose prompt file changed', () => {
    const repo = Repo.create('burnrate-source-diff-prompt-')
      .write(
        'src/ask.ts',
        [
          "import OpenAI from 'openai';",
          "import { readFileSync } from 'fs';",
          'export async function ask() {',
          "  return new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: readFileSync('prompts/ask.md', 'utf8') }] });",
          '}',
          '',
        ].join('\n'),
      )
      .write('prompts/ask.md', 'Answer briefly.\n')
      .commit('initial')
      .write('prompts/ask.md', 'Answer briefly, and cite the page of the manual each answer comes from.\n');
    const run = repo.diff(['--source', '--json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const file = (
      JSON.parse(run.stdout).files as { path: string; status: string; delta: { inputTokens: number } }[]
    ).find((f) => f.path === 'src/ask.ts');
    assert.ok(file, run.stdout);
    assert.strictEqual(file.status, 'repriced');
    assert.ok(file.delta.inputTokens > 0, JSON.stringify(file));
  });
});

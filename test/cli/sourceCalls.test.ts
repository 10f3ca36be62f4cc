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
});

// What a newcomer types first: a file they name, a folder with nothing Burnrate knows, a path below a folder that is
// no git repository and has no usage file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './runCli';

interface JsonDoc {
  workspaceRoot: string;
  units: { path: string; format: string; inputTokens: number; costPerCallUsd: number | null }[];
  skipped: { path: string; reason: string }[];
}

/** A folder outside any git repository or usage file, with the given files. */
function project(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-first-')));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const json = (args: string[], cwd: string): JsonDoc => {
  const run = runCli([args[0]!, '--json', ...args.slice(1)], cwd); // before any --
  assert.strictEqual(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as JsonDoc;
};

describe('burnrate estimate: the first commands a newcomer runs', function () {
  this.timeout(60_000); // several CLI runs per test
  it('prices a file the user names even when no format matches its name (as a plain prompt)', () => {
    const dir = project({ 'notes/system-prompt.txt': 'You are a terse assistant.\nAnswer in one line.\n' });
    const doc = json(['estimate', 'notes/system-prompt.txt'], dir);
    assert.strictEqual(doc.units.length, 1, JSON.stringify(doc.skipped));
    assert.strictEqual(doc.units[0]!.format, 'plain-prompt');
    assert.ok(doc.units[0]!.inputTokens > 5 && doc.units[0]!.costPerCallUsd! > 0);
    const table = runCli(['estimate', 'notes/system-prompt.txt'], dir);
    assert.match(table.stdout, /system-prompt\.txt\s+system-prompt\s+call\s/);
    assert.match(
      runCli(['estimate', 'notes/system-prompt.txt', '--wide'], dir).stdout,
      /notes\/system-prompt\.txt\s+system-prompt\s+Plain prompt/,
    );
    assert.doesNotMatch(table.stdout, /not a prompt or agent file/);
  });

  it('reads a named file as its own format when it has one, and a named binary file is skipped with the reason', () => {
    const dir = project({
      'flows/a.prompty': '---\nname: A\nmodel:\n  id: gpt-4o\n---\nsystem:\nBe brief.\n',
      'blob.txt': Buffer.from([0, 1, 2, 0, 255]),
    });
    assert.strictEqual(json(['estimate', 'flows/a.prompty'], dir).units[0]!.format, 'prompty');
    const run = runCli(['estimate', 'blob.txt'], dir);
    assert.strictEqual(run.code, 0);
    assert.match(run.stdout, /blob\.txt: .*binary/);
    assert.doesNotMatch(run.stdout, /\$0\.00/, 'nothing priced is not $0');
  });

  it('estimate -- -h reads and prices a file named -h; --model with an empty name is an error', () => {
    const dir = project({ '-h': 'Reply with the word yes.\n' });
    const doc = json(['estimate', '--', '-h'], dir);
    assert.deepStrictEqual(
      doc.units.map((u) => [u.path, u.format]),
      [['-h', 'plain-prompt']],
    );
    const empty = runCli(['estimate', '-h', '--model', ''], dir);
    assert.strictEqual(empty.code, 2);
    assert.match(empty.stderr, /--model/);
  });

  it('a folder walk keeps to the known formats, and one that finds nothing says where it looked (exit 0)', () => {
    const dir = project({ 'notes/todo.txt': 'buy milk\n', 'notes/ideas.md': '# Ideas\n' });
    const run = runCli(['estimate', 'notes'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /No prompt or agent files found in notes \(workspace root \.; 2 other files there are not prompt or agent files\)/,
    );
    assert.match(run.stdout, /Name a file to price it as a plain prompt/);
    assert.doesNotMatch(run.stdout, /Total/);
  });

  it('outside git and without .burnrate.yaml, the workspace root is the current folder, not the folder named', () => {
    const dir = project({
      'prompts/x.md': 'Summarise the ticket below.\n',
      '.claude/agents/r.md': '---\nname: r\ndescription: reviews\n---\nReview.\n',
    });
    const fromFolder = json(['estimate', 'prompts'], dir);
    assert.strictEqual(fromFolder.workspaceRoot, dir);
    assert.deepStrictEqual(
      fromFolder.units.map((u) => [u.path, u.format]),
      [['prompts/x.md', 'plain-prompt']],
    );
    assert.deepStrictEqual(
      json(['estimate', '.'], dir)
        .units.map((u) => u.path)
        .sort(),
      ['.claude/agents/r.md', 'prompts/x.md'],
    );
    assert.strictEqual(
      json(['estimate', '.claude/agents'], dir).units[0]!.format,
      'claude-agent',
      'seen as .claude/agents/r.md',
    );
  });

  it('a .burnrate.yaml above the named path still wins over the current folder', () => {
    const dir = project({ 'pkg/.burnrate.yaml': 'defaults:\n  model: gpt-4o\n', 'pkg/prompts/x.md': 'Hello.\n' });
    const doc = json(['estimate', 'pkg/prompts'], dir);
    assert.strictEqual(doc.workspaceRoot, path.join(dir, 'pkg'));
    assert.strictEqual(doc.units.length, 1);
  });
});

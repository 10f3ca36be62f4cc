// `burnrate diff` over promptfoo configs whose prompts live in other files (`file://`): a change to such a file re-prices
// the unchanged config that names it, and a changed `prompts:` list reads each side's files at that side (the base
// through git), so the delta is the change in the prompt text.
import * as assert from 'assert';
import { countTokens } from '../../src/core/tokenize/count';
import { profileForModel } from '../../src/core/tokenize/families';
import type { CliRun } from './runCli';
import { Repo, removeTemps } from './tempRepo';

const CONFIG = 'evals/promptfooconfig.yaml';
const PROVIDER = 'providers:\n  - openai:gpt-4o-mini\ntests:\n  - vars: {q: refunds}\n';
const OLD = 'Answer the customer question about {{q}} in two sentences.';
const NEW =
  'Answer the customer question about {{q}} in two sentences. Quote the order number, name the policy that applies, and offer a next step.';
const EXTRA = 'Summarise the ticket about {{q}} for the on-call engineer.';

const tokens = (text: string) => countTokens(text, profileForModel('gpt-4o-mini')).tokens;

interface Doc {
  files: {
    path: string;
    status: string;
    notes: string[];
    delta: { inputTokens: number };
    units: {
      name: string;
      status: string;
      before: { inputTokens: number } | null;
      after: { inputTokens: number } | null;
      delta: { inputTokens: number };
    }[];
  }[];
}

function json(run: CliRun): Doc {
  assert.strictEqual(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout) as Doc;
}

describe('burnrate diff: promptfoo file:// prompts (built CLI, real git repository)', () => {
  after(removeTemps);

  it('a changed prompt file re-prices the unchanged config that names it, by the change in its text', () => {
    const repo = Repo.create()
      .write(CONFIG, `prompts:\n  - file://prompts/answer.txt\n${PROVIDER}`)
      .write('evals/prompts/answer.txt', `${OLD}\n`)
      .commit('eval');
    repo.write('evals/prompts/answer.txt', `${NEW}\n`);
    const doc = json(repo.diff(['--json']));
    const file = doc.files.find((f) => f.path === CONFIG) ?? assert.fail(JSON.stringify(doc));
    assert.strictEqual(file.status, 'repriced');
    assert.ok(
      file.notes.some((n) => n.includes('evals/prompts/answer.txt')),
      file.notes.join('; '),
    );
    assert.strictEqual(file.units.length, 1);
    assert.strictEqual(file.units[0]!.delta.inputTokens, tokens(NEW) - tokens(OLD));
    assert.ok(tokens(NEW) - tokens(OLD) > 10);

    const text = repo.diff([]);
    assert.match(text.stdout, /promptfooconfig\.yaml/);
  });

  it('a changed prompts: list prices each side with its own files, the base read from git', () => {
    const repo = Repo.create()
      .write(CONFIG, `prompts:\n  - file://prompts/answer.txt\n${PROVIDER}`)
      .write('evals/prompts/answer.txt', `${OLD}\n`)
      .commit('eval');
    // The head adds a prompt file and also edits the first: the base must still see the committed text.
    repo
      .write(CONFIG, `prompts:\n  - file://prompts/answer.txt\n  - file://prompts/extra.md\n${PROVIDER}`)
      .write('evals/prompts/answer.txt', `${NEW}\n`)
      .write('evals/prompts/extra.md', `${EXTRA}\n`);
    const doc = json(repo.diff(['--json']));
    const file = doc.files.find((f) => f.path === CONFIG) ?? assert.fail(JSON.stringify(doc));
    assert.strictEqual(file.status, 'modified');
    const answer = file.units.find((u) => u.name.includes('answer.txt')) ?? assert.fail(JSON.stringify(file.units));
    const extra = file.units.find((u) => u.name.includes('extra.md')) ?? assert.fail(JSON.stringify(file.units));
    assert.strictEqual(answer.delta.inputTokens, tokens(NEW) - tokens(OLD));
    assert.strictEqual(extra.status, 'added');
    assert.strictEqual(extra.before, null);
    // Same framing on both prompts: the added one costs its own text more than the old answer prompt did.
    assert.strictEqual(extra.after!.inputTokens - answer.before!.inputTokens, tokens(EXTRA) - tokens(OLD));
    assert.strictEqual(file.delta.inputTokens, answer.delta.inputTokens + extra.after!.inputTokens);
  });
});

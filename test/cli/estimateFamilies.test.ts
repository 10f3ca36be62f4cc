// The estimate table over the families of the format registry: each row says how its text is loaded, the table fits
// a 120-column terminal (every column with --wide), notes and the count of ignored files are printed, and a promptfoo
// config's file:// prompt is read and priced.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './runCli';

function tableLines(stdout: string): string[] {
  return stdout.slice(0, stdout.indexOf('\nTotal:')).split('\n');
}

describe('burnrate estimate: families, loading kinds and the table width (built CLI)', () => {
  it('shows a skill, a slash command, Cline and Windsurf rules, GEMINI.md and a GitHub Models prompt with their loading', () => {
    const run = runCli(['estimate', 'examples']);
    assert.strictEqual(run.code, 0, run.stderr);
    const rows = tableLines(run.stdout);
    const rowOf = (needle: string) =>
      rows.find((r) => r.includes(needle)) ?? assert.fail(`no row for ${needle}\n${run.stdout}`);
    assert.match(rowOf('changelog (listin'), /\balways\b/);
    assert.match(rowOf('changelog/SKILL.md  changelog  '), /\binvoked\b/);
    assert.match(rowOf('fix-issue'), /\binvoked\b.*claude-haiku-4-5/);
    assert.match(rowOf('examples/.clinerules'), /\balways\b/);
    assert.match(rowOf('rules/tests.md'), /\bscoped\b/);
    assert.match(rowOf('GEMINI.md'), /\balways\b/);
    assert.match(rowOf('triage.prompt.yml'), /\bcall\b.*gpt-4\.1-mini/);
    assert.match(rowOf('test-runner'), /session×4/);
    for (const line of rows)
      assert.ok([...line].length <= 120, `wider than 120 columns (${[...line].length}): ${line}`);
    assert.match(
      run.stdout,
      /^ {2}i examples\/evals\/summaries\/promptfooconfig\.yaml:\d+: prompt text read from file:\/\/prompts\.txt$/m,
    );
    assert.match(run.stdout, /\d+ other files? ignored/);
  });

  it('--wide shows the format and $/day columns; --json keeps every field, with the loading kind', () => {
    const wide = runCli(['estimate', 'examples', '--wide']);
    assert.match(tableLines(wide.stdout)[0]!, /path +unit +format +loads +model .*\$\/day +\$\/month/);
    assert.match(wide.stdout, /Agent Skill/);
    const doc = JSON.parse(runCli(['estimate', 'examples', '--json']).stdout) as {
      units: { name: string; format: string; loading: string; outputLimit: number | null }[];
    };
    const skill = doc.units.filter((u) => u.format === 'agent-skill').map((u) => [u.name, u.loading]);
    assert.deepStrictEqual(skill, [
      ['changelog (listing)', 'always-on'],
      ['changelog', 'on-invocation'],
      ['release-notes (listing)', 'always-on'],
      ['release-notes', 'on-invocation'],
    ]);
    assert.strictEqual(doc.units.find((u) => u.format === 'github-models')!.outputLimit, 200);
  });

  it('prices a promptfoo config whose prompt is file://prompts.txt', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cli-'));
    fs.writeFileSync(
      path.join(dir, 'promptfooconfig.yaml'),
      'prompts:\n  - file://prompts.txt\nproviders:\n  - openai:gpt-4o-mini\ntests:\n  - vars: {q: a}\n',
    );
    fs.writeFileSync(path.join(dir, 'prompts.txt'), 'Answer the question: {{q}}\n');
    const doc = JSON.parse(runCli(['estimate', dir, '--json']).stdout) as {
      units: {
        name: string;
        inputParts: { label: string; tokens: number }[];
        costPerRunUsd: number | null;
        callsPerDay: number;
      }[];
    };
    assert.strictEqual(doc.units.length, 1);
    const unit = doc.units[0]!;
    assert.strictEqual(unit.name, 'prompts.txt');
    // "Answer the question: {{q}}" is 7 o200k tokens (gpt-4o-mini), counted by gpt-tokenizer.
    assert.deepStrictEqual(
      unit.inputParts.filter((p) => p.label !== 'message framing (1 message)').map((p) => p.tokens),
      [7],
    );
    assert.ok(unit.costPerRunUsd !== null && unit.costPerRunUsd > 0);
    assert.strictEqual(unit.callsPerDay, 5, 'eval runs per day default');
  });

  it('reads the context files .gemini/settings.json names (context.fileName) as Gemini CLI context', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cli-'));
    try {
      fs.mkdirSync(path.join(dir, '.gemini'));
      fs.writeFileSync(path.join(dir, '.gemini', 'settings.json'), '{ "context": { "fileName": ["CONTEXT.md"] } }\n');
      fs.writeFileSync(path.join(dir, 'CONTEXT.md'), 'Money is integer cents.\n');
      const run = runCli(['estimate', dir, '--json']);
      assert.strictEqual(run.code, 0, run.stderr);
      const doc = JSON.parse(run.stdout) as {
        units: { path: string; format: string; loading: string; inputTokens: number }[];
      };
      const unit = doc.units.find((u) => u.path.endsWith('CONTEXT.md')) ?? assert.fail(run.stdout);
      assert.strictEqual(unit.format, 'gemini-context');
      assert.strictEqual(unit.loading, 'always-on');
      const context = JSON.parse(runCli(['context', dir, '--json']).stdout) as {
        runtimes: { id: string; items: { path?: string; kind: string }[] }[];
      };
      const gemini = context.runtimes.find((r) => r.id === 'gemini-cli') ?? assert.fail('no gemini-cli runtime');
      assert.deepStrictEqual(
        gemini.items.filter((i) => i.path === 'CONTEXT.md').map((i) => i.kind),
        ['always-on'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a chat JSON prompt a promptfoo config reads once in the totals: in the config, the file marked †', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-cli-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'promptfooconfig.yaml'),
        'prompts:\n  - file://chat.json\nproviders:\n  - openai:gpt-4o-mini\ntests:\n  - vars: {q: a}\n',
      );
      const chat = [
        { role: 'system', content: 'You answer billing questions.' },
        { role: 'user', content: 'Question: {{q}}' },
      ];
      fs.writeFileSync(path.join(dir, 'chat.json'), JSON.stringify(chat, null, 2));
      type Unit = { path: string; format: string; countedInConfig: boolean; costPerDayUsd: number | null };
      const doc = JSON.parse(runCli(['estimate', dir, '--json']).stdout) as {
        units: Unit[];
        totals: { costPerDayUsd: number; unitsCountedInTheirConfigs: number; pricedUnits: number };
      };
      const config = doc.units.filter((u) => u.format === 'promptfoo');
      const own = doc.units.filter((u) => u.format === 'messages-json');
      assert.strictEqual(config.length, 1);
      assert.strictEqual(own.length, 1, 'the chat file is still listed as a prompt of its own');
      assert.deepStrictEqual([config[0]!.countedInConfig, own[0]!.countedInConfig], [false, true]);
      assert.ok(own[0]!.costPerDayUsd! > 0);
      assert.strictEqual(doc.totals.unitsCountedInTheirConfigs, 1);
      assert.strictEqual(doc.totals.pricedUnits, 1);
      assert.strictEqual(doc.totals.costPerDayUsd, config[0]!.costPerDayUsd);

      const table = runCli(['estimate', dir]).stdout;
      assert.match(table, /chat\.json .*†/);
      assert.match(table, /prompt files a promptfoo config reads are counted in that config: † rows/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

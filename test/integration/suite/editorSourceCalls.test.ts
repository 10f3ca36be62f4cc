// SDK calls in source code, in a real VS Code: a TypeScript file with an Anthropic call (its system prompt imported
// from a sibling module, its user prompt read from a file) and a Python file with an OpenAI call get a lens over each
// call whose token count is what the built CLI's `estimate --json --source` prints for the same file; the hover on a
// call is its breakdown; a source file that imports no SDK gets no lens at all.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BurnrateApi } from '../../../src/extension/main';
import type { RunSimulationResult } from '../../../src/extension/simulation/simulationPanels';
import { repoRoot } from '../harness/paths';
import {
  EXTENSION_ID,
  fixtureUri,
  hoverText,
  lenses,
  lensesUntil,
  open,
  sleep,
  tokensIn,
  workspaceRoot,
} from './editorHelpers';

const FILES: Record<string, string> = {
  'app/ts/prompts.ts': "export const RULES = 'Answer in two sentences. Quote the order number when there is one.';\n",
  'app/ts/reply.md': 'Write back to the customer in their language, politely, without promising refunds.\n',
  'app/ts/support.ts': [
    "import Anthropic from '@anthropic-ai/sdk';",
    "import { readFileSync } from 'fs';",
    "import { RULES } from './prompts';",
    '',
    'const client = new Anthropic();',
    '',
    'export async function answer(ticket: string) {',
    '  // burnrate: callsPerDay=3000',
    '  return client.messages.create({',
    "    model: 'claude-haiku-4-5',",
    '    max_tokens: 300,',
    '    system: `You are the support desk of a bicycle shop. ${RULES}`,',
    '    messages: [',
    "      { role: 'user', content: readFileSync('app/ts/reply.md', 'utf8') },",
    "      { role: 'user', content: `Ticket: ${ticket}` },",
    '    ],',
    '  });',
    '}',
    '',
  ].join('\n'),
  'app/py/label.py': [
    'from openai import OpenAI',
    '',
    'client = OpenAI()',
    '',
    '',
    'def label(text: str) -> str:',
    '    # burnrate: callsPerDay=800',
    '    return client.chat.completions.create(',
    '        model="gpt-4o-mini",',
    '        max_tokens=5,',
    '        messages=[',
    '            {"role": "system", "content": "Label the ticket as billing, shipping or other. One word."},',
    '            {"role": "user", "content": f"Ticket: {text}"},',
    '        ],',
    '    )',
    '',
  ].join('\n'),
  'app/ts/plain.ts':
    "// calls openai.chat.completions.create? No: this file imports no SDK.\nexport const x = 'anthropic';\n",
};

interface CliUnit {
  path: string;
  name: string;
  inputTokens: number;
  callsPerDay: number;
  range?: { startLine: number };
}

function cliUnits(relative: string): CliUnit[] {
  const stdout = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'out', 'cli.js'), 'estimate', relative, '--json', '--source'],
    { cwd: workspaceRoot(), encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
  );
  return (JSON.parse(stdout) as { units: CliUnit[] }).units;
}

const costLenses = (found: readonly vscode.CodeLens[]) =>
  found.filter((lens) => / tokens · /.test(lens.command?.title ?? ''));

describe('editor: SDK calls in source code', function () {
  this.timeout(90_000);

  before(() => {
    for (const [relative, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(workspaceRoot(), relative)), { recursive: true });
      fs.writeFileSync(path.join(workspaceRoot(), relative), text);
    }
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceRoot(), 'app'), { recursive: true, force: true });
  });

  for (const [relative, callLine] of [
    ['app/ts/support.ts', 8],
    ['app/py/label.py', 7],
  ] as const) {
    it(`${relative}: a lens over the call with the CLI's token count, and the breakdown as its hover`, async () => {
      const cli = cliUnits(relative);
      assert.strictEqual(cli.length, 1, JSON.stringify(cli));
      const editor = await open(relative);
      const found = await lensesUntil(editor.document.uri, (titles) =>
        titles.some((t) => / tokens · .*\/call · .*\/mo$/.test(t)) ? undefined : 'no cost lens yet',
      );
      const cost = costLenses(found);
      assert.strictEqual(cost.length, 1, found.map((l) => l.command?.title).join(' | '));
      assert.strictEqual(cost[0]!.range.start.line, callLine, 'the lens sits over the call');
      assert.strictEqual(tokensIn(cost[0]!.command!.title), cli[0]!.inputTokens, cost[0]!.command!.title);
      assert.match(
        cost[0]!.command!.tooltip ?? '',
        new RegExp(`at ${cli[0]!.callsPerDay === 3000 ? '3k' : '800'} calls/day`),
      );
      const hover = await hoverText(editor.document.uri, new vscode.Position(callLine, 4));
      assert.match(hover, /Open the breakdown as a document/);
      assert.match(hover, relative.endsWith('.ts') ? /claude-haiku-4-5/ : /gpt-4o-mini/);
    });
  }

  it('reads the imported constant and the file-loaded prompt, not placeholders', async () => {
    const editor = await open('app/ts/support.ts');
    const hover = await hoverText(editor.document.uri, new vscode.Position(8, 4));
    assert.match(hover, /placeholder in [^\n]*\(ticket\)/, 'the run-time value is a placeholder');
    assert.doesNotMatch(hover, /placeholders? in [^\n(]*\([^)\n]*(RULES|file app\/ts\/reply\.md)/, hover);
  });

  it('runs a simulation from the call: its lens opens the panel on a scenario of that call', async () => {
    const editor = await open('app/ts/support.ts');
    const found = await lensesUntil(editor.document.uri, (titles) =>
      titles.includes('Run Simulation') ? undefined : 'no Run Simulation lens yet',
    );
    const lens = found.find((l) => l.command?.title === 'Run Simulation')!;
    assert.strictEqual(lens.range.start.line, 8, 'beside the cost lens over the call');
    assert.strictEqual(lens.command!.command, 'burnrate.runSimulation');
    const [args] = lens.command!.arguments as [Record<string, unknown>];
    const result = await vscode.commands.executeCommand<RunSimulationResult | undefined>('burnrate.runSimulation', {
      ...args,
      waitForRender: true,
      timeoutMs: 60_000,
    });
    assert.ok(result, 'the panel drew the scenario');
    assert.strictEqual(result.rendered.scenarioId, `file:${editor.document.uri.toString()}#0`);
    const base = result.rendered.presets.find((p) => p.preset === 'base');
    assert.ok(base && base.model === 'claude-haiku-4-5' && base.p50 > 0, JSON.stringify(result.rendered.presets));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('gives a source file without an SDK import no lens and no status', async () => {
    const editor = await open('app/ts/plain.ts');
    await sleep(1500);
    assert.deepStrictEqual(
      (await lenses(editor.document.uri)).map((l) => l.command?.title),
      [],
    );
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      fixtureUri('app/ts/plain.ts').toString(),
    );
    const api = await vscode.extensions.getExtension<BurnrateApi>(EXTENSION_ID)!.activate();
    assert.strictEqual(api.statusText(), undefined, 'no status bar item for it');
  });
});

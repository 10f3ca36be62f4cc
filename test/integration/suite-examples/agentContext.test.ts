// The examples workspace in a real VS Code: the Agent Context view's per-request totals equal `burnrate context --json`
// (the built CLI run on the same folder), and the status bar's runtime overhead is the same figure for the runtime that
// loads the active file.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BurnrateApi } from '../../../src/extension/main';
import { repoRoot } from '../harness/paths';
import { EXTENSION_ID, open, sleep, workspaceRoot } from '../suite/editorHelpers';

interface CliRuntime {
  id: string;
  model: string;
  perRequest: { inputTokens: number; exact: boolean; costUsd?: number };
}

function cliContext(): CliRuntime[] {
  const stdout = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'out', 'cli.js'), 'context', workspaceRoot(), '--json'],
    {
      cwd: workspaceRoot(),
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    },
  );
  return (JSON.parse(stdout) as { runtimes: CliRuntime[] }).runtimes;
}

const fromCli = (runtimes: readonly CliRuntime[]) =>
  runtimes.map((r) => ({ id: r.id, inputTokens: r.perRequest.inputTokens, costUsd: r.perRequest.costUsd }));

/** The view's totals once the usage file is loaded (the context is rebuilt when it arrives). */
async function viewTotalsMatching(api: BurnrateApi, expected: ReturnType<typeof fromCli>) {
  const deadline = Date.now() + 20_000;
  let totals = api.agentContextTotals();
  while (Date.now() < deadline && JSON.stringify(totals) !== JSON.stringify(expected)) {
    await sleep(250);
    totals = api.agentContextTotals();
  }
  return totals;
}

describe('examples: Agent Context view against burnrate context --json', () => {
  it('every runtime has the same per-request input tokens and cost in the view as in the CLI', async () => {
    const api = await vscode.extensions.getExtension<BurnrateApi>(EXTENSION_ID)!.activate();
    const cli = cliContext();
    assert.ok(
      cli.some((r) => r.id === 'claude-code') && cli.some((r) => r.id === 'copilot'),
      JSON.stringify(cli.map((r) => r.id)),
    );
    const expected = fromCli(cli);
    assert.ok(
      expected.every((r) => r.inputTokens > 0 && r.costUsd !== undefined && r.costUsd > 0),
      JSON.stringify(expected),
    );
    assert.deepStrictEqual(await viewTotalsMatching(api, expected), expected);
  });

  it('the status bar shows the overhead of the runtime that loads the active file, with the same figures', async () => {
    const api = await vscode.extensions.getExtension<BurnrateApi>(EXTENSION_ID)!.activate();
    const claude = cliContext().find((r) => r.id === 'claude-code')!;
    await open('CLAUDE.md');
    const deadline = Date.now() + 15_000;
    while (api.runtimeStatus()?.inputTokens !== claude.perRequest.inputTokens && Date.now() < deadline)
      await sleep(200);
    const shown = api.runtimeStatus();
    assert.ok(shown, 'no runtime status for CLAUDE.md');
    assert.strictEqual(shown.id, 'claude-code');
    assert.strictEqual(shown.inputTokens, claude.perRequest.inputTokens);
    assert.strictEqual(shown.costUsd, claude.perRequest.costUsd);
    assert.match(shown.text, /^Claude Code ≈[\d.,]+k? tok\/req · ≈\$[\d.,]+$/);
    assert.ok(shown.tooltip.includes(claude.model), shown.tooltip);
    assert.match(shown.tooltip, /input tokens \(±\d+%\)/);
    assert.match(shown.tooltip, /\/request/);

    // A file no runtime loads shows nothing; the setting turns the item off.
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ content: 'not a prompt', language: 'plaintext' }),
    );
    await sleep(300);
    assert.strictEqual(api.runtimeStatus(), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const settings = vscode.workspace.getConfiguration('burnrate');
    await settings.update('statusBar.runtimeOverhead', false, vscode.ConfigurationTarget.Workspace);
    try {
      await open('CLAUDE.md');
      await sleep(300);
      assert.strictEqual(api.runtimeStatus(), undefined);
    } finally {
      await settings.update('statusBar.runtimeOverhead', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

// The simulation panel inside a real VS Code: the command opens the webview, the engine runs in the extension host,
// the webview draws with Chart.js under its CSP and reports what it drew, which the command returns.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RunSimulationResult } from '../../../src/extension/simulation/simulationPanels';
import type { RenderedSummary } from '../../../src/webview/protocol';
import { activated, EXTENSION_ID, fixtureUri, open, sleep, workspaceRoot } from './editorHelpers';

const TIMEOUT_MS = 90_000;

async function simulate(args: Record<string, unknown>): Promise<RunSimulationResult> {
  const result = await vscode.commands.executeCommand<RunSimulationResult | undefined>('burnrate.runSimulation', {
    waitForRender: true,
    timeoutMs: TIMEOUT_MS,
    ...args,
  });
  assert.ok(result, 'the command returned what the panel drew (see Output › Burnrate if not)');
  return result;
}

function assertBands(summary: RenderedSummary): void {
  assert.deepStrictEqual(
    summary.presets.map((p) => p.preset),
    ['base', 'bull', 'stress'],
  );
  for (const p of summary.presets) {
    assert.ok(p.p50 > 0, `${p.preset} P50 ${p.p50} is a positive cost`);
    assert.ok(p.p50 <= p.p90 && p.p90 <= p.p99, `${p.preset}: P50 ${p.p50} ≤ P90 ${p.p90} ≤ P99 ${p.p99}`);
  }
}

describe('simulation panel', function () {
  this.timeout(TIMEOUT_MS * 2);
  let first: RenderedSummary | undefined;

  before(async () => {
    await activated();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs a .burnrate.yaml scenario and draws its histogram with P50 ≤ P90 ≤ P99, under a strict CSP', async () => {
    const { rendered, batches } = await simulate({ scenario: 'support-chat' });
    first = rendered;
    // The engine ran in the panel's worker threads, none of it on the extension host.
    assert.ok(batches.inWorkers >= 3 && batches.here === 0, JSON.stringify(batches));
    assertBands(rendered);
    assert.strictEqual(rendered.source, 'run');
    assert.strictEqual(rendered.presets[0]!.model, 'gpt-4o');
    const base = rendered.presets[0]!;
    assert.deepStrictEqual(rendered.markers, { preset: 'base', p50: base.p50, p90: base.p90, p99: base.p99 });
    assert.strictEqual(rendered.chartsDrawn, 2, 'Chart.js drew the histogram and the per-turn chart');
    assert.ok(rendered.histogramInk > 0.01, `the histogram canvas has paint on it (${rendered.histogramInk})`);
    assert.deepStrictEqual(rendered.cspViolations, []);
    assert.deepStrictEqual(rendered.rows, { components: 7, turns: rendered.rows.turns, gates: 6 });
    assert.ok(rendered.rows.turns >= 5);
    const panelTab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('burnrate.simulation'));
    assert.ok(panelTab, 'a Burnrate Simulation tab is open');
  });

  it('shows the same figures as `burnrate simulate` for the same scenario, sessions and seed', () => {
    assert.ok(first, 'the first test drew a result');
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'cli.js');
    const json = execFileSync(
      process.execPath,
      [
        cli,
        'simulate',
        '--config',
        path.join(workspaceRoot(), '.burnrate.yaml'),
        '--scenario',
        'support-chat',
        '--json',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      },
    );
    const scenario = (
      JSON.parse(json) as {
        scenarios: Record<
          string,
          {
            perSession: { p50: number; p90: number; p99: number };
            presets: Record<string, { perSession: { p99: number } }>;
          }
        >;
      }
    ).scenarios['support-chat']!;
    const base = first.presets[0]!;
    assert.deepStrictEqual(
      [base.p50, base.p90, base.p99],
      [scenario.perSession.p50, scenario.perSession.p90, scenario.perSession.p99],
    );
    assert.strictEqual(first.presets[2]!.p99, scenario.presets.stress!.perSession.p99);
  });

  it('moves with its levers: more turns cost more, a cheaper model costs less', async () => {
    assert.ok(first);
    const longer = (await simulate({ scenario: 'support-chat', levers: { turns: 10 } })).rendered;
    assertBands(longer);
    assert.ok(
      longer.presets[0]!.p50 > first.presets[0]!.p50 * 1.5,
      `turns 4 → 10 raises the P50 (${first.presets[0]!.p50} → ${longer.presets[0]!.p50})`,
    );
    const cheaper = (await simulate({ scenario: 'support-chat', levers: { turns: 4, model: 'gpt-4o-mini' } })).rendered;
    assert.strictEqual(cheaper.presets[0]!.model, 'gpt-4o-mini');
    assert.ok(
      cheaper.presets[0]!.p50 < first.presets[0]!.p50 / 5,
      `gpt-4o-mini is far cheaper (${cheaper.presets[0]!.p50})`,
    );
  });

  it('starts a scenario from an open prompt file: one call per session at the file’s model', async () => {
    const editor = await open('prompts/hello.md');
    const { rendered } = await simulate({ file: editor.document.uri });
    assertBands(rendered);
    const base = rendered.presets[0]!;
    assert.strictEqual(base.model, 'gpt-4o', 'the workspace default model, as in the lens');
    assert.ok(rendered.scenarioId.startsWith('file:'), rendered.scenarioId);
    assert.ok(Math.abs(base.p99 - base.p50) < 1e-12, 'every session is the same single call');
  });

  it('exports the drawn result to a file', async () => {
    const target = fixtureUri('simulation-export.csv');
    try {
      const { rendered, exported } = await simulate({
        scenario: 'support-chat',
        exportTo: { format: 'csv', uri: target },
      });
      assert.strictEqual(exported?.fsPath, target.fsPath);
      const csv = fs.readFileSync(target.fsPath, 'utf8');
      assert.match(csv, /^scenario,preset,section,item,stat,value\n/);
      assert.ok(
        csv.includes(`support-chat,base,perSession,usd,p50,${rendered.presets[0]!.p50}\n`),
        'the base P50 drawn is the one exported',
      );
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
  });

  it('after its page reloads, draws the saved result again from the webview state', async () => {
    const before = (await simulate({ scenario: 'support-chat', levers: { turns: 4, model: 'gpt-4o', retryRate: 0.2 } }))
      .rendered;
    const redrawn = vscode.commands.executeCommand<RunSimulationResult | undefined>('burnrate.runSimulation', {
      waitForRender: true,
      timeoutMs: TIMEOUT_MS,
    });
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    const after = (await redrawn)?.rendered;
    assert.ok(after, 'the reloaded page drew something');
    assert.strictEqual(after.source, 'restored');
    assert.strictEqual(after.scenarioId, before.scenarioId);
    assert.deepStrictEqual(after.markers, before.markers);
  });
});

// The language-model tools as Copilot's agent mode would call them: through vscode.lm.invokeTool, compared with the
// lens of the same file (one estimate model behind both).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { AGENT_TOOLS } from '../../../src/core/agentTools/tools';
import { activated, fixtureUri, lensMatching, tokensIn } from './editorHelpers';

async function invoke(name: string, input: object): Promise<Record<string, unknown>> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
  return JSON.parse(text) as Record<string, unknown>;
}

describe('editor: language-model tools', () => {
  it('registers every agent tool with its schema', async () => {
    await activated();
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('burnrate_'));
    assert.deepStrictEqual(ours.map((t) => t.name).sort(), AGENT_TOOLS.map((t) => t.name).sort());
    for (const tool of ours)
      assert.deepStrictEqual(tool.inputSchema, AGENT_TOOLS.find((t) => t.name === tool.name)!.inputSchema);
  });

  it('burnrate_estimate on a file says what its lens says', async () => {
    await activated();
    const json = await invoke('burnrate_estimate', { path: 'prompts/support/system.md' });
    const units = json.units as { inputTokens: number; tokensExact: boolean; costPerMonthUsd: number }[];
    assert.strictEqual(units.length, 1);
    const lens = await lensMatching(fixtureUri('prompts/support/system.md'), /tokens/);
    assert.strictEqual(units[0]!.inputTokens, tokensIn(lens), lens);
  });

  it('burnrate_context gives the Agent Context per runtime, with a per-request total', async () => {
    await activated();
    const json = await invoke('burnrate_context', {});
    const runtimes = json.runtimes as { id: string; perRequest: { inputTokens: number; exact: boolean } }[];
    assert.ok(
      runtimes.some((r) => r.id === 'claude-code'),
      JSON.stringify(runtimes.map((r) => r.id)),
    );
    assert.ok(runtimes.every((r) => r.perRequest.inputTokens > 0));
    const one = await invoke('burnrate_context', { runtime: 'claude-code' });
    assert.deepStrictEqual(
      (one.runtimes as { id: string }[]).map((r) => r.id),
      ['claude-code'],
    );
  });

  it('burnrate_estimate prices a text on the model asked for, and refuses a path outside the workspace', async () => {
    await activated();
    const text = await invoke('burnrate_estimate', {
      text: 'You summarise support tickets in one line.',
      model: 'gpt-4o',
    });
    const units = text.units as { model: string; tokensExact: boolean }[];
    assert.strictEqual(units[0]!.model, 'gpt-4o');
    assert.strictEqual(units[0]!.tokensExact, true);
    const outside = await invoke('burnrate_estimate', { path: '../../' });
    assert.match(String(outside.error), /outside the workspace/);
  });
});

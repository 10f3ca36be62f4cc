// "Run Simulation" from an SDK call: the lens plan puts it beside each call's cost lens (and nowhere else), and the
// scenario it starts has the call's system prompt and tool definitions apart, its model and its capped output; with
// no lever moved, a simulated session (one call) costs what the call's lens says a call costs.
import * as assert from 'assert';
import { planEditorLenses, SIMULATE_LENS_TITLE } from '../../../src/core/editor/lensPlan';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { readAllSourcesInThisSuite } from './readAllSources';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { toolSchemaTokens, unitScenarioSpec } from '../../../src/extension/simulation/fileScenario';
import { priceLookup } from '../../../src/extension/simulation/scenarioSources';

const SOURCE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const client = new Anthropic();',
  'export async function answer(ticket: string) {',
  '  return client.messages.create({',
  "    model: 'claude-haiku-4-5',",
  '    max_tokens: 120,',
  "    system: 'You answer support tickets for a bicycle shop in two sentences.',",
  "    messages: [{ role: 'user', content: 'Where is my order?' }],",
  "    tools: [{ name: 'lookup_order', description: 'Find an order', input_schema: { type: 'object', properties: { id: { type: 'string' } } } }],",
  '  });',
  '}',
  'export async function label(text: string) {',
  "  return client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 5, messages: [{ role: 'user', content: 'Label: ' + text }] });",
  '}',
].join('\n');

function estimated(path: string, text: string) {
  const result = estimateSource(path, text, { relativePath: path, usage: EMPTY_USAGE });
  assert.ok(result.ok, result.ok ? '' : result.skipped.reason);
  return result;
}

describe('source calls: Run Simulation from a call', function () {
  readAllSourcesInThisSuite();

  it('plans a Run Simulation lens on the line of each call, naming that call', () => {
    const working = estimated('src/support.ts', SOURCE);
    const lenses = planEditorLenses(working, undefined, { sections: true });
    const simulate = lenses.filter((l) => l.action?.kind === 'simulate');
    assert.deepStrictEqual(
      simulate.map((l) => [l.line, l.title, l.action]),
      [
        [3, SIMULATE_LENS_TITLE, { kind: 'simulate', unitIndex: 0 }],
        [12, SIMULATE_LENS_TITLE, { kind: 'simulate', unitIndex: 1 }],
      ],
    );
    for (const lens of simulate) {
      const cost = lenses.find((l) => l.line === lens.line && l.action?.kind === 'breakdown');
      assert.ok(cost && / tokens · /.test(cost.title), 'the cost lens comes first on the same line');
    }
    assert.match(simulate[0]!.tooltip!, /answer · Anthropic messages/);
  });

  it('plans none for a prompt file', () => {
    const working = estimated('prompts/hello.md', '# Hello\nSay hello.\n');
    assert.ok(!planEditorLenses(working, undefined, { sections: true }).some((l) => l.action?.kind === 'simulate'));
  });

  it("starts the scenario from the call: system prompt and tools apart, model, capped output, the lens's cost", () => {
    const [unit] = estimated('src/support.ts', SOURCE).estimate.units;
    const tools = toolSchemaTokens(unit!);
    assert.ok(tools > 0 && tools < unit!.input.tokens);
    const spec = unitScenarioSpec(unit!, 'src/support.ts › answer');
    assert.deepStrictEqual(spec.systemPrompt, { tokens: unit!.input.tokens - tools });
    assert.deepStrictEqual(spec.toolDefinitions, { tokens: tools });
    assert.strictEqual(spec.model, 'claude-haiku-4-5');
    assert.deepStrictEqual(spec.outputTokens, { kind: 'fixed', value: 120 }, 'the default 500 capped by max_tokens');
    // One call per session: uncached, as the lens prices it (no cache write that nothing reads).
    assert.strictEqual(spec.caching, 'off');
    const prepared = prepareScenario(spec, { lookup: priceLookup([]), countFile: () => ({ error: 'not used' }) });
    assert.ok(prepared.scenario, JSON.stringify(prepared.problems));
    const session = closedFormSession(prepared.scenario);
    assert.ok(session.ok, session.ok ? '' : session.error);
    assert.ok(unit!.cost);
    assert.ok(
      Math.abs(session.value.costUsd - unit!.cost.perCall) < 1e-9,
      `${session.value.costUsd} vs ${unit!.cost.perCall}`,
    );
  });
});

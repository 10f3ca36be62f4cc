import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { GIT_ENV } from '../gitEnv';
import { repoRoot } from '../unit/repoRoot';
import { tiktokenCount } from '../unit/tokenize/reference';
import { Repo, removeTemps, tempDir } from './tempRepo';

const PROMPT = 'You answer billing questions for an online shop, briefly and politely.';

interface TextContent {
  type: string;
  text: string;
}

async function connect(root: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(repoRoot(), 'out/cli.js'), 'mcp', '--root', root],
    env: { ...(process.env as Record<string, string>), ...(GIT_ENV as Record<string, string>) },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'burnrate-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

function textOf(result: Record<string, unknown>): string {
  return ((result.content ?? []) as TextContent[]).map((c) => c.text).join('');
}

describe('burnrate mcp (the SDK client against the built CLI over stdio)', function () {
  this.timeout(60_000);
  let repo: Repo;
  let client: Client;
  before(async () => {
    repo = Repo.create('burnrate-mcp-')
      .write('.burnrate.yaml', 'defaults:\n  model: gpt-4o\n  callsPerDay: 1000\n  outputTokens: 0\n')
      .write('prompts/billing.md', PROMPT)
      .commit('prompt');
    client = await connect(repo.dir);
  });
  after(async () => {
    await client.close();
    removeTemps();
  });

  it('initializes and lists the read-only tools with their input schemas', async () => {
    assert.strictEqual(client.getServerVersion()?.name, 'burnrate');
    const { tools } = await client.listTools();
    assert.deepStrictEqual(tools.map((t) => t.name).sort(), ['burnrate_context', 'burnrate_diff', 'burnrate_estimate']);
    const estimate = tools.find((t) => t.name === 'burnrate_estimate')!;
    assert.deepStrictEqual(Object.keys(estimate.inputSchema.properties ?? {}).sort(), ['model', 'path', 'text']);
    assert.ok(tools.every((t) => t.annotations?.readOnlyHint === true));
  });

  it('burnrate_estimate prices a workspace file exactly, as `burnrate estimate --json` does', async () => {
    const result = await client.callTool({ name: 'burnrate_estimate', arguments: { path: 'prompts/billing.md' } });
    assert.ok(!result.isError, textOf(result));
    const json = JSON.parse(textOf(result)) as {
      units: { model: string; inputTokens: number; tokensExact: boolean; costPerMonthUsd: number }[];
    };
    assert.strictEqual(json.units.length, 1);
    assert.strictEqual(json.units[0]!.model, 'gpt-4o');
    assert.strictEqual(json.units[0]!.tokensExact, true);
    assert.ok(json.units[0]!.inputTokens >= tiktokenCount('o200k_base', PROMPT));
    const cli = repo.cli('estimate', ['--json', 'prompts/billing.md']);
    const expected = (JSON.parse(cli.stdout) as { units: { inputTokens: number; costPerMonthUsd: number }[] })
      .units[0]!;
    assert.strictEqual(json.units[0]!.inputTokens, expected.inputTokens);
    assert.strictEqual(json.units[0]!.costPerMonthUsd, expected.costPerMonthUsd);
    assert.deepStrictEqual(result.structuredContent, json);
  });

  it('burnrate_estimate prices a text on the model asked for', async () => {
    const result = await client.callTool({
      name: 'burnrate_estimate',
      arguments: { text: PROMPT, model: 'gpt-4o-mini' },
    });
    assert.ok(!result.isError, textOf(result));
    const json = JSON.parse(textOf(result)) as { units: { model: string }[] };
    assert.strictEqual(json.units[0]!.model, 'gpt-4o-mini');
  });

  it("burnrate_diff reports the working tree's change against HEAD", async () => {
    fs.writeFileSync(
      path.join(repo.dir, 'prompts/billing.md'),
      `${PROMPT}\nAlways quote the invoice number and the amount due, and never promise a refund.`,
    );
    const result = await client.callTool({ name: 'burnrate_diff', arguments: {} });
    assert.ok(!result.isError, textOf(result));
    const json = JSON.parse(textOf(result)) as { files: { path: string }[]; totals: { deltaPerMonth?: number } };
    assert.deepStrictEqual(
      json.files.map((f) => f.path),
      ['prompts/billing.md'],
    );
  });

  it('burnrate_context says what each runtime sends on every request, as `burnrate context --json` does', async () => {
    fs.writeFileSync(path.join(repo.dir, 'CLAUDE.md'), '# Project\nRun the tests before every commit.\n');
    const result = await client.callTool({ name: 'burnrate_context', arguments: { runtime: 'claude-code' } });
    assert.ok(!result.isError, textOf(result));
    const json = JSON.parse(textOf(result)) as { runtimes: { id: string; perRequest: { inputTokens: number } }[] };
    const cli = JSON.parse(repo.cli('context', ['--json', '--runtime', 'claude-code']).stdout) as typeof json;
    assert.deepStrictEqual(
      json.runtimes.map((r) => r.id),
      ['claude-code'],
    );
    assert.strictEqual(json.runtimes[0]!.perRequest.inputTokens, cli.runtimes[0]!.perRequest.inputTokens);
    const unknown = await client.callTool({ name: 'burnrate_context', arguments: { runtime: 'nope' } });
    assert.strictEqual(unknown.isError, true);
    assert.match(textOf(unknown), /unknown runtime "nope"/);
  });

  it('refuses paths outside the workspace, symlinks that leave it, and bad arguments, as tool errors', async () => {
    const outside = tempDir('burnrate-mcp-outside-');
    fs.writeFileSync(path.join(outside, 'secret.md'), '# secret heading');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(repo.dir, 'prompts/link.md'));
    for (const args of [{ path: '../' }, { path: outside }, { path: 'prompts/link.md' }]) {
      const result = await client.callTool({ name: 'burnrate_estimate', arguments: args });
      assert.strictEqual(result.isError, true, JSON.stringify(args));
      assert.match(textOf(result), /outside the workspace/);
      assert.doesNotMatch(textOf(result), /secret heading/);
    }
    const bad = await client.callTool({ name: 'burnrate_estimate', arguments: { path: 3 } });
    assert.strictEqual(bad.isError, true);
    assert.match(textOf(bad), /"path" must be a non-empty string/);
    const unknown = await client.callTool({ name: 'burnrate_nope', arguments: {} });
    assert.strictEqual(unknown.isError, true);
  });
});

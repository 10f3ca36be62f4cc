// "Burnrate: Check Claude Counts" against a fake count_tokens server on 127.0.0.1 (no test reaches the network): the
// command sends the workspace's Claude-priced texts with the key, caches the counts by content hash in global storage,
// and the lens of a checked Claude unit then shows an exact count (no ≈, no band).
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { ANTHROPIC_BASE_URL_ENV } from '../../../src/core/calibrate/anthropicCountTokens';
import type { CheckResult } from '../../../src/extension/claudeCounts';
import { lensMatching, open, tokensIn, workspaceRoot } from './editorHelpers';

interface Seen {
  url: string;
  key: string | undefined;
  model: string;
  content: string;
}

const FRAMING = 7;
const fakeTokens = (text: string) => FRAMING + Math.ceil(text.length / 3);
const FIXTURE = 'prompts/claude-check.prompt';
const BODY = 'You check Claude counts for the integration test. Answer in one line, citing the file you read.';

describe('editor: Check Claude Counts (fake count_tokens server)', () => {
  const seen: Seen[] = [];
  let server: http.Server;
  let previousBase: string | undefined;

  before(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (d: Buffer) => (data += d.toString()));
      req.on('end', () => {
        const body = JSON.parse(data) as { model: string; messages: { content: string }[] };
        const content = body.messages[0]!.content;
        seen.push({
          url: req.url ?? '',
          key: req.headers['x-api-key'] as string | undefined,
          model: body.model,
          content,
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ input_tokens: fakeTokens(content) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    previousBase = process.env[ANTHROPIC_BASE_URL_ENV];
    // The extension host is this process: the command reads the address from its environment, as the CLI does.
    process.env[ANTHROPIC_BASE_URL_ENV] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(path.join(workspaceRoot(), FIXTURE), `---\nmodel: claude-opus-4-7\n---\n${BODY}\n`);
  });

  after(async () => {
    await vscode.commands.executeCommand('burnrate.forgetClaudeData', 'both');
    if (previousBase === undefined) delete process.env[ANTHROPIC_BASE_URL_ENV];
    else process.env[ANTHROPIC_BASE_URL_ENV] = previousBase;
    server.close();
    fs.rmSync(path.join(workspaceRoot(), FIXTURE), { force: true });
  });

  it('sends the Claude texts with the key, caches the counts, and the checked unit shows exact', async () => {
    const editor = await open(FIXTURE);
    // The title carries the count; the band and the model are in its tooltip.
    await lensMatching(editor.document.uri, /^≈[\d,]+ tokens · /);
    await lensMatching(editor.document.uri, /claude-opus-4-7/);

    const result = await vscode.commands.executeCommand<CheckResult>('burnrate.checkClaudeCounts', {
      apiKey: 'sk-test-key',
      confirmed: true,
    });
    assert.ok(result && !('refused' in result), JSON.stringify(result));
    assert.strictEqual(result.stopped, undefined);
    assert.ok(result.requested >= 2, 'the framing probe and the text');
    assert.ok(seen.length === result.requested);
    for (const request of seen) {
      assert.strictEqual(request.url, '/v1/messages/count_tokens');
      assert.strictEqual(request.key, 'sk-test-key');
      assert.match(request.model, /^claude-/);
    }
    assert.ok(
      !seen.some((s) => s.content.includes('friendly assistant')),
      'a GPT-priced fixture (prompts/hello.md) is never sent',
    );
    const sent = seen.find((s) => s.content.includes(BODY));
    assert.ok(sent, 'the fixture text was sent');
    assert.strictEqual(sent.model, 'claude-opus-4-7');
    const fit = result.fits.find((f) => f.family === 'claude-2026');
    assert.ok(fit && fit.texts >= 1 && fit.factor > 0, JSON.stringify(result.fits));

    const cached = fs.readFileSync(result.cacheFile, 'utf8');
    assert.ok(!cached.includes('Claude counts for the integration'), 'the cache holds hashes, not texts');
    assert.ok(!result.cacheFile.startsWith(workspaceRoot()), 'kept in global storage, not in the workspace');

    const after = await lensMatching(editor.document.uri, /^[\d,]+ tokens · /);
    assert.ok(!after.includes('≈'), after);
    assert.ok(
      tokensIn(after) >= fakeTokens(sent.content) - FRAMING,
      `${after} counts the endpoint's ${fakeTokens(sent.content) - FRAMING}`,
    );

    const requests = seen.length;
    const again = await vscode.commands.executeCommand<CheckResult>('burnrate.checkClaudeCounts', { confirmed: true });
    assert.ok(again && !('refused' in again), JSON.stringify(again));
    assert.strictEqual(again.requested, 0, 'everything came from the cache');
    assert.strictEqual(seen.length, requests);
  });

  it('forgets the key kept in SecretStorage, and the counts, on request', async () => {
    assert.deepStrictEqual(await vscode.commands.executeCommand('burnrate.forgetClaudeData', 'key'), {
      key: true,
      counts: false,
    });
    assert.deepStrictEqual(await vscode.commands.executeCommand('burnrate.forgetClaudeData', 'key'), {
      key: false,
      counts: false,
    });
    const editor = await open(FIXTURE);
    assert.deepStrictEqual(await vscode.commands.executeCommand('burnrate.forgetClaudeData', 'counts'), {
      key: false,
      counts: true,
    });
    await lensMatching(editor.document.uri, /^≈[\d,]+ tokens · /);
  });
});

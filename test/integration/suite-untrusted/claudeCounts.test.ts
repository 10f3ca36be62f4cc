// In Restricted Mode "Burnrate: Check Claude Counts" refuses before asking for a key or reading a file: a workspace
// the user has not trusted must not be able to have its texts sent with the user's key.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { ANTHROPIC_BASE_URL_ENV } from '../../../src/core/calibrate/anthropicCountTokens';
import { activated } from '../suite/editorHelpers';

describe('Restricted Mode: Check Claude Counts', () => {
  it('refuses, and nothing reaches the (fake) count_tokens server', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"input_tokens":1}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env[ANTHROPIC_BASE_URL_ENV] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await activated();
      const result = await vscode.commands.executeCommand('burnrate.checkClaudeCounts', {
        apiKey: 'sk-test-key',
        confirmed: true,
      });
      assert.deepStrictEqual(result, { refused: 'untrusted' });
      assert.strictEqual(requests, 0);
    } finally {
      delete process.env[ANTHROPIC_BASE_URL_ENV];
      server.close();
    }
  });
});

// `burnrate calibrate --claude` against a fake count_tokens server on 127.0.0.1 (never the network): the request
// shape and headers, the cache by content hash, the fitted factor, and estimates that then show those texts exact.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../unit/repoRoot';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: { model: string; messages: { role: string; content: string }[] };
}

// Framing of 7 tokens plus one token per 3 characters of the text (so "." counts 8, i.e. 1 after framing).
const FRAMING = 7;
const fakeTokens = (text: string) => FRAMING + Math.ceil(text.length / 3);

function runCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot(), 'out/cli.js'), ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('burnrate calibrate --claude (built CLI, fake count_tokens server)', function () {
  this.timeout(120_000);
  const seen: Seen[] = [];
  let status = 200;
  let server: http.Server;
  let baseUrl: string;
  let workspace: string;
  let cacheDir: string;
  const env = () => ({
    ANTHROPIC_API_KEY: 'sk-test-key',
    BURNRATE_ANTHROPIC_BASE_URL: baseUrl,
    BURNRATE_CACHE_DIR: cacheDir,
  });
  const PROMPT = 'You review pull requests for security issues. Cite the line and explain the risk in one sentence.';

  before(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (d: Buffer) => (data += d.toString()));
      req.on('end', () => {
        const body = JSON.parse(data) as Seen['body'];
        seen.push({ url: req.url ?? '', headers: req.headers, body });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            status === 200
              ? { input_tokens: fakeTokens(body.messages[0]!.content) }
              : { error: { message: 'invalid x-api-key' } },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-calibrate-'));
    cacheDir = path.join(workspace, '.cache-outside');
    fs.mkdirSync(path.join(workspace, 'prompts'));
    fs.writeFileSync(
      path.join(workspace, 'prompts', 'review.prompt.md'),
      `---\nmodel: claude-opus-4-7\n---\n${PROMPT}\n`,
    );
    fs.writeFileSync(path.join(workspace, 'prompts', 'plain.prompt.md'), `---\nmodel: gpt-4o\n---\nSay hi.\n`);
  });

  after(() => {
    server.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('refuses without --claude or without a key, sending nothing', async () => {
    const noFlag = await runCli(['calibrate', 'prompts'], workspace, env());
    assert.strictEqual(noFlag.code, 2);
    assert.match(noFlag.stderr, /--claude/);
    const noKey = await runCli(['calibrate', '--claude', 'prompts'], workspace, { ...env(), ANTHROPIC_API_KEY: '' });
    assert.strictEqual(noKey.code, 2);
    assert.match(noKey.stderr, /ANTHROPIC_API_KEY/);
    assert.strictEqual(seen.length, 0);
  });

  it('sends each Claude text once with the documented shape, caches by hash and fits the factor', async () => {
    const run = await runCli(['calibrate', '--claude', 'prompts', '--json'], workspace, env());
    assert.strictEqual(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      requested: number;
      fits: { family: string; exactTokens: number; factor: number }[];
      cacheFile: string;
    };
    for (const request of seen) {
      assert.strictEqual(request.url, '/v1/messages/count_tokens');
      assert.strictEqual(request.headers['x-api-key'], 'sk-test-key');
      assert.strictEqual(request.headers['anthropic-version'], '2023-06-01');
      assert.strictEqual(request.body.model, 'claude-opus-4-7');
      assert.strictEqual(request.body.messages.length, 1);
      assert.strictEqual(request.body.messages[0]!.role, 'user');
    }
    const contents = seen.map((s) => s.body.messages[0]!.content);
    assert.ok(contents.includes('.'), 'the framing probe');
    assert.ok(
      contents.some((c) => c.includes(PROMPT)),
      'the prompt text',
    );
    assert.ok(!contents.some((c) => c.includes('Say hi')), 'a GPT-priced text is never sent');
    assert.strictEqual(result.requested, seen.length);
    const fit = result.fits.find((f) => f.family === 'claude-2026')!;
    const body = contents.find((c) => c.includes(PROMPT))!;
    assert.strictEqual(fit.exactTokens, fakeTokens(body) - FRAMING);
    assert.ok(fit.factor > 0);
    const cached = fs.readFileSync(result.cacheFile, 'utf8');
    assert.ok(result.cacheFile.startsWith(cacheDir));
    assert.ok(!cached.includes('review pull requests'), 'the cache holds hashes, not texts');

    const before = seen.length;
    const again = await runCli(['calibrate', '--claude', 'prompts', '--json'], workspace, env());
    assert.strictEqual(again.code, 0, again.stderr);
    assert.strictEqual(seen.length, before, 'everything came from the cache');
  });

  it("estimates then show the checked text as exact, with the endpoint's count", async () => {
    const run = await runCli(['estimate', 'prompts/review.prompt.md', '--json'], workspace, env());
    assert.strictEqual(run.code, 0, run.stderr);
    const unit = (JSON.parse(run.stdout) as { units: { tokensExact: boolean; inputTokens: number }[] }).units[0]!;
    assert.strictEqual(unit.tokensExact, true);
    const body = seen.map((s) => s.body.messages[0]!.content).find((c) => c.includes(PROMPT))!;
    assert.ok(unit.inputTokens >= fakeTokens(body) - FRAMING);
  });

  it("stops with exit 1 and the server's message on an HTTP error", async () => {
    status = 401;
    fs.writeFileSync(
      path.join(workspace, 'prompts', 'new.prompt.md'),
      `---\nmodel: claude-sonnet-4-5\n---\nA new text.\n`,
    );
    const run = await runCli(['calibrate', '--claude', 'prompts'], workspace, env());
    status = 200;
    assert.strictEqual(run.code, 1);
    assert.match(run.stderr, /HTTP 401: invalid x-api-key/);
  });
});

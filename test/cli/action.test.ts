// The pull-request action, run as GitHub would run it: the workflow in the README (the committed example file), the
// composite action's inputs and env from action.yml, out/action.js against a temporary git repository, and a fake
// GitHub comments API on 127.0.0.1.
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { GIT_ENV } from '../gitEnv';
import { repoRoot } from '../unit/repoRoot';

const WORKFLOW = 'examples/.github/workflows/burnrate.yml';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

/** The workflow exactly as the README shows it, checked against the committed file it says it is. */
function readmeWorkflow(): string {
  const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
  const match = new RegExp(`<!-- workflow: ${WORKFLOW} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(match, `README has no yaml block after <!-- workflow: ${WORKFLOW} -->`);
  assert.strictEqual(
    match[1],
    fs.readFileSync(path.join(repoRoot(), WORKFLOW), 'utf8'),
    'the README shows the committed workflow',
  );
  return match[1]!;
}

/** The env of the action's diff step, its `${{ … }}` expressions evaluated with the workflow's `with:` inputs. */
function actionEnv(withInputs: Record<string, unknown>, token: string): Record<string, string> {
  const action = parse(fs.readFileSync(path.join(repoRoot(), 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Step[] };
  };
  assert.strictEqual(action.runs.using, 'composite');
  for (const name of Object.keys(withInputs))
    assert.ok(name in action.inputs, `the workflow passes ${name}, which action.yml does not declare`);
  const build = action.runs.steps.find((s) => s.id === 'build');
  assert.match(build?.run ?? '', /node esbuild\.js --only cli,action/, 'the action builds the CLI and out/action.js');
  const step = action.runs.steps.find((s) => s.id === 'diff');
  assert.strictEqual(step?.run, 'node "$GITHUB_ACTION_PATH/out/action.js"');
  const evaluate = (value: string): string =>
    value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.token') return token;
      const name = expression.replace(/^inputs\./, '');
      assert.ok(name in action.inputs, `unknown expression ${expression}`);
      return String(withInputs[name] ?? evaluate(action.inputs[name]!.default ?? ''));
    });
  return Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v)]));
}

interface FakeComment {
  id: number;
  body: string;
}

/** GitHub's issue comments endpoints, in memory, recording every request. */
async function fakeGitHub(token: string) {
  const comments = new Map<number, FakeComment[]>();
  const requests: string[] = [];
  let nextId = 100;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
      const list = /^\/repos\/team\/prompts\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const one = /^\/repos\/team\/prompts\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (list && req.method === 'GET') {
        const all = comments.get(Number(list[1])) ?? [];
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('per_page') ?? 30);
        return send(200, all.slice((page - 1) * size, page * size));
      }
      if (list && req.method === 'POST') {
        const comment = { id: nextId++, body: (JSON.parse(text) as { body: string }).body };
        comments.set(Number(list[1]), [...(comments.get(Number(list[1])) ?? []), comment]);
        return send(201, comment);
      }
      if (one && req.method === 'PATCH') {
        const comment = [...comments.values()].flat().find((c) => c.id === Number(one[1]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = (JSON.parse(text) as { body: string }).body;
        return send(200, comment);
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, comments, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();
}

/** A long prompt, so a paragraph more is a few percent of it (under the workflow's 25 % gate). */
const BASE_PROMPT =
  Array.from({ length: 120 }, (_, k) => `Rule ${k + 1}: answer the customer politely and cite the order number.`).join(
    '\n',
  ) + '\n';
const MORE =
  '\nWhen the customer is upset, apologise once, then solve the problem step by step with clear numbered actions.\n';

function commit(dir: string, files: Record<string, string>, message: string): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

function runAction(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Async: the fake API answers from this process while the action runs.
    const child = spawn(process.execPath, [path.join(repoRoot(), 'out/action.js')], {
      cwd: env.GITHUB_WORKSPACE,
      env: { ...GIT_ENV, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the pull-request action (action.yml, out/action.js)', function () {
  this.timeout(300_000); // several CLI diffs

  it('comments once, updates that comment on the next push, skips an unchanged pull request, and fails on a tripped gate', async () => {
    const workflow = parse(readmeWorkflow()) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: Step[] }>;
    };
    assert.ok('pull_request' in workflow.on);
    const steps = Object.values(workflow.jobs)[0]!.steps;
    assert.strictEqual(steps[0]!.uses, 'actions/checkout@v4');
    assert.strictEqual(steps[0]!.with?.['fetch-depth'], 0, 'the base commit is fetched');
    const ours = steps.find((s) => s.uses?.startsWith('burnrate/burnrate@'));
    assert.ok(ours?.with, 'the workflow uses the action with inputs');

    const token = 'test-token';
    const api = await fakeGitHub(token);
    try {
      const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-action-'));
      git(repo, 'init', '-q', '-b', 'main');
      const base = commit(repo, { 'prompts/support.md': BASE_PROMPT, 'README.md': '# Team prompts\n' }, 'base');
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-action-env-'));
      const pullRequest = (number: number, head: string) => {
        const eventPath = path.join(scratch, `event-${number}-${head}.json`);
        fs.writeFileSync(
          eventPath,
          JSON.stringify({ pull_request: { number, base: { sha: base }, head: { sha: head } } }),
        );
        return {
          ...actionEnv(ours.with!, token),
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_API_URL: api.url,
          GITHUB_REPOSITORY: 'team/prompts',
          GITHUB_WORKSPACE: repo,
          GITHUB_STEP_SUMMARY: path.join(scratch, 'summary.md'),
        };
      };

      // First push: one comment with the table and the marker.
      const first = commit(repo, { 'prompts/support.md': BASE_PROMPT + MORE }, 'one more rule');
      git(repo, 'checkout', '-q', base);
      const created = await runAction(pullRequest(7, first));
      assert.strictEqual(created.code, 0, created.stderr + created.stdout);
      const [comment, ...others] = api.comments.get(7) ?? [];
      assert.ok(comment && others.length === 0, JSON.stringify(api.comments.get(7)));
      assert.match(comment.body, /<!-- burnrate-pr-comment -->/);
      assert.match(comment.body, /### Burnrate cost diff/);
      assert.match(comment.body, /support\.md/);
      assert.match(fs.readFileSync(path.join(scratch, 'summary.md'), 'utf8'), /Monthly cost change/);
      const firstBody = comment.body;

      // Second push: the same comment, new figures; never a second comment.
      git(repo, 'checkout', '-q', first);
      const second = commit(
        repo,
        { 'prompts/support.md': BASE_PROMPT + MORE + MORE.replace('upset', 'confused') },
        'another rule',
      );
      const updated = await runAction(pullRequest(7, second));
      assert.strictEqual(updated.code, 0, updated.stderr + updated.stdout);
      assert.strictEqual(api.comments.get(7)?.length, 1);
      assert.strictEqual(api.comments.get(7)![0]!.id, comment.id);
      assert.notStrictEqual(api.comments.get(7)![0]!.body, firstBody);
      assert.ok(api.requests.includes(`PATCH /repos/team/prompts/issues/comments/${comment.id}`));

      // A pull request that changes no prompt: no comment at all.
      git(repo, 'checkout', '-q', base);
      const docsOnly = commit(repo, { 'README.md': '# Team prompts\n\nHow we write prompts.\n' }, 'docs');
      const before = api.requests.length;
      const skipped = await runAction(pullRequest(8, docsOnly));
      assert.strictEqual(skipped.code, 0, skipped.stderr + skipped.stdout);
      assert.match(skipped.stdout, /no comment: no prompt cost change above the comment thresholds/);
      assert.strictEqual(api.comments.get(8), undefined);
      assert.deepStrictEqual(api.requests.slice(before), ['GET /repos/team/prompts/issues/8/comments']);

      // A switch to a dearer model trips the workflow's $50/month gate: the check fails and the comment says why.
      git(repo, 'checkout', '-q', base);
      const dearer = commit(
        repo,
        { 'prompts/support.md': `---\nburnrate:\n  model: claude-opus-4-1\n---\n${BASE_PROMPT}` },
        'opus',
      );
      const gated = await runAction(pullRequest(9, dearer));
      assert.strictEqual(gated.code, 1, gated.stderr + gated.stdout);
      assert.match(gated.stderr, /::error::.*gate tripped/);
      assert.match(api.comments.get(9)?.[0]?.body ?? '', /Cost gate tripped/);
    } finally {
      await api.close();
    }
  });
});

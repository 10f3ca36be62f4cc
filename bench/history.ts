// Cost history speed: a temporary repository whose one prompt file changed in each of 1,000 commits (written with
// git fast-import), read by `burnrate history` (one git log + one git cat-file --batch) and, as the reference, by the
// naive way: one `git show` per commit. Called by bench.ts; also runs alone: `npx tsc -p . && node out/node/bench/history.js`.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ms, type Row } from './report';

const COMMITS = 1000;
const FILE = 'prompts/support.md';
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function fastImportStream(): string {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let body = 'You are a support assistant for an online shop.\n';
  for (let i = 0; i < COMMITS; i++) {
    body += `Rule ${i}: answer questions about order ${i} politely, cite the policy, and never promise a refund you cannot give.\n`;
    const when = 1_780_000_000 + i * 3600;
    parts.push(
      `commit refs/heads/main\nauthor Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n`,
    );
    parts.push(data(`change ${i}`), `M 100644 inline ${FILE}\n`, data(body));
  }
  return parts.join('');
}

function buildRepository(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-bench-history-')));
  execFileSync('git', ['-c', 'init.defaultBranch=main', 'init', '-q'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: GIT_ENV, input: fastImportStream() });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env: GIT_ENV });
  return dir;
}

export function historyRows(cliPath: string): Row[] {
  const dir = buildRepository();
  try {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cliPath, 'history', FILE, '--json'], {
      cwd: dir,
      env: GIT_ENV,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const cliMs = performance.now() - start;
    if (run.status !== 0) throw new Error(`burnrate history failed: ${run.stderr}`);
    const points = (JSON.parse(run.stdout) as { files: { points: unknown[] }[] }).files[0]?.points.length ?? 0;

    const commits = execFileSync('git', ['rev-list', 'HEAD'], { cwd: dir, env: GIT_ENV, encoding: 'utf8' })
      .trim()
      .split('\n');
    const naiveStart = performance.now();
    for (const commit of commits)
      execFileSync('git', ['show', `${commit}:${FILE}`], {
        cwd: dir,
        env: GIT_ENV,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const naiveMs = performance.now() - naiveStart;
    const ratio = cliMs / naiveMs;
    return [
      {
        measure: `burnrate history, one file changed in ${COMMITS.toLocaleString('en-US')} commits (${points} points, priced)`,
        value: ms(cliMs),
        reference: `one git show per commit, no pricing: ${ms(naiveMs)}`,
        ratio: `${ratio.toFixed(2)}×`,
        goal: '≤ 0.5× (two git processes, not one per commit)',
        met: ratio <= 0.5 && points === COMMITS,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Bundled into bench.js, `require.main === module` holds there too: run alone only as its own file.
if (require.main === module && /history\.[jt]s$/.test(__filename))
  process.stdout.write(JSON.stringify(historyRows(path.resolve(__dirname, '../../cli.js')), null, 2) + '\n');

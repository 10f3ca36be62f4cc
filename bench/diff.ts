// Cost diff speed: a temporary repository with 1,000 changed prompt files (plus 200 whose mode alone changed and 1,000
// untouched ones), reviewed through real git the way `burnrate diff` does. Called by bench.ts; also runs alone:
// `npx tsc -p . && node out/node/bench/diff.js`.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { review } from '../src/core/diff';
import { CliGitSource } from '../src/cli/git/cliGitSource';
import { openRepository } from '../src/cli/git/openRepository';
import { resolveRef } from '../src/cli/git/resolveRef';

export interface DiffBenchFigures {
  changedFiles: number;
  modeOnlyFiles: number;
  untouchedFiles: number;
  /** In-process review (git diff, cat-file, tokenizing both sides, pricing, sorting). */
  reviewMs: number;
  /** `burnrate diff --json` as a separate process, cold. */
  cliMs: number | undefined;
  filesInReport: number;
  unchangedInReport: number;
  setupMs: number;
}

const CHANGED = 1000;
const MODE_ONLY = 200;
const UNTOUCHED = 1000;
const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

const WORDS =
  'customer order refund shipping account carrier tracking policy escalate summarize confirm politely concise bullet evidence source cite never always format answer question context'.split(
    ' ',
  );

/** A prompt of about `sentences` sentences, different for every seed, with a few markdown sections. */
function promptText(seed: number, sentences: number): string {
  let state = seed * 2654435761 + 1;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [`# Prompt ${seed}`, 'You are a careful assistant.'];
  for (let s = 0; s < sentences; s++) {
    if (s % 8 === 0) lines.push('', `## Part ${s / 8 + 1}`);
    const words = Array.from({ length: 8 + Math.floor(next() * 10) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    lines.push(`${words.join(' ')}.`);
  }
  return lines.join('\n') + '\n';
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, stdio: 'ignore' });
}

function buildRepository(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-bench-diff-')));
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  for (let i = 0; i < CHANGED; i++) write(`prompts/changed/p${i}.md`, promptText(i, 24));
  for (let i = 0; i < MODE_ONLY; i++) write(`prompts/mode/m${i}.md`, promptText(10_000 + i, 24));
  for (let i = 0; i < UNTOUCHED; i++) write(`prompts/same/s${i}.md`, promptText(20_000 + i, 24));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'prompts');
  for (let i = 0; i < CHANGED; i++)
    write(`prompts/changed/p${i}.md`, promptText(i, 24) + promptText(i + 50_000, 4 + (i % 7)));
  for (let i = 0; i < MODE_ONLY; i++) fs.chmodSync(path.join(dir, `prompts/mode/m${i}.md`), 0o755);
  return dir;
}

export async function diffBenchmark(cliPath?: string): Promise<DiffBenchFigures> {
  const setupStart = performance.now();
  const dir = buildRepository();
  const setupMs = performance.now() - setupStart;
  try {
    for (const [key, value] of Object.entries(GIT_ENV)) process.env[key] = value;
    const start = performance.now();
    const repository = await openRepository(dir);
    if (!repository.ok) throw new Error(repository.error.message);
    const base = await resolveRef(repository.value, 'HEAD', '--base');
    if (!base.ok) throw new Error(base.error.message);
    const outcome = await review(
      new CliGitSource({ top: repository.value, base: base.value, head: { kind: 'worktree' }, pathspecs: [] }),
      { usageFile: '.burnrate.yaml' },
    );
    const reviewMs = performance.now() - start;
    if (!outcome.ok) throw new Error(outcome.error.message);

    let cliMs: number | undefined;
    if (cliPath && fs.existsSync(cliPath)) {
      const cliStart = performance.now();
      const run = spawnSync(process.execPath, [cliPath, 'diff', '--json'], {
        cwd: dir,
        env: { ...process.env, ...GIT_ENV },
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      cliMs = performance.now() - cliStart;
      if (run.status !== 0) throw new Error(`burnrate diff exited ${run.status}: ${run.stderr}`);
    }
    return {
      changedFiles: CHANGED,
      modeOnlyFiles: MODE_ONLY,
      untouchedFiles: UNTOUCHED,
      reviewMs,
      cliMs,
      filesInReport: outcome.value.files.length,
      unchangedInReport: outcome.value.unchangedFiles,
      setupMs,
    };
  } finally {
    // BURNRATE_BENCH_KEEP=1 keeps the repository for profiling and prints where it is.
    if (process.env.BURNRATE_BENCH_KEEP) process.stderr.write(`bench diff: repository kept at ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows in bench/report.ts's shape (measure, value, goal, met), kept structural so this file stands alone. */
export async function diffRows(
  cliPath?: string,
): Promise<{ measure: string; value: string; goal?: string; met?: boolean }[]> {
  const f = await diffBenchmark(cliPath);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: { measure: string; value: string; goal?: string; met?: boolean }[] = [
    {
      measure: `diff review: ${f.changedFiles} changed prompt files (+${f.modeOnlyFiles} mode-only, ${f.untouchedFiles} untouched)`,
      value: seconds(f.reviewMs),
      // About 3.5 s on an idle 2-core machine; the goal leaves room for a machine shared with other work.
      goal: '< 10 s',
      met: f.reviewMs < 10_000 && f.filesInReport === f.changedFiles,
    },
    {
      measure: 'diff review: files listed / mode-only skipped unread',
      value: `${f.filesInReport} / ${f.unchangedInReport}`,
      goal: `${f.changedFiles} / ${f.modeOnlyFiles}`,
      met: f.filesInReport === f.changedFiles && f.unchangedInReport === f.modeOnlyFiles,
    },
  ];
  if (f.cliMs !== undefined)
    rows.push({
      measure: 'burnrate diff --json (process, same repository)',
      value: seconds(f.cliMs),
      goal: '< 10 s',
      met: f.cliMs < 10_000,
    });
  return rows;
}

// Bundled into bench.js this file shares the bundle's module, so the script name decides.
if (require.main === module && /[\\/]diff\.js$/.test(process.argv[1] ?? '')) {
  const cli = path.resolve(__dirname, '../../cli.js'); // out/node/bench → out/cli.js
  diffBenchmark(fs.existsSync(cli) ? cli : path.resolve(__dirname, '../cli.js')).then(
    (figures) => process.stdout.write(JSON.stringify(figures, null, 2) + '\n'),
    (error: unknown) => {
      process.stderr.write(`bench diff: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

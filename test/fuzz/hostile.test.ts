// The fuzz stage of `npm test` (issue 10): a hostile repository written at test time — absurd numbers, pathological
// texts and globs, malformed YAML/JSON, binary and huge files, symlinks out, a FIFO, control characters and markdown
// in names, `__proto__` as a model, YAML bombs — and every CLI command run over it. Each run must exit 0, 1 or 2,
// print no stack trace, finish within TIME_CEILING_MS (the child is killed past it), peak under RSS_CEILING_MB of
// memory (the child's own maxRSS, reported from inside it at exit), and leave the workspace's files as they were.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LIMITS } from '../../src/core/limits';
import { GIT_ENV } from '../gitEnv';
import { repoRoot } from '../unit/repoRoot';

const TIME_CEILING_MS = 60_000;
const RSS_CEILING_MB = 1024;
const STACK_TRACE = /^\s+at .+[(\s].*:\d+:\d+\)?$/m;
/** Sessions in the generated log: past replay's open-session bound and its sample, one call each. */
const LOG_SESSIONS = 600_000;
/** Replay over LOG_SESSIONS peaked at ~520 MB holding every session, ~320 MB with sessions bounded (measured once). */
const SESSIONS_RSS_CEILING_MB = 448;

const BOMB = (() => {
  let text = '  bomb:\n    l0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n';
  for (let i = 1; i < 10; i++)
    text += `    l${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return text;
})();

const USAGE = `defaults:
  callsPerDay: 1e308
  outputTokens: .inf
  turns: 1000000000
  userTokensPerTurn: -5
overrides:
  - files: "*a*a*a*a*a*a*a*a*a*a*b"
    callsPerDay: 3
  - files: "prompts/{a,b"
    callsPerDay: 4
  - files: "${'{a,b}'.repeat(12)}"
    model: gpt-4o
month:
  hours: 1e308
tokenizer:
  claude:
    factor: 1e308
prices:
  - model: __proto__
    inputPerMTok: 1e308
    outputPerMTok: 1
  - model: constructor
    inputPerMTok: 1
    outputPerMTok: 1
scenarios:
  zero:
    model: gpt-4o
    systemPrompt: /dev/zero
    turns: 3
  random:
    model: gpt-4o
    systemPrompt: 100
    turns: 3
    outputTokens: {fromLog: /dev/urandom}
  outside:
    model: gpt-4o
    systemPrompt: ../../../../etc/passwd
    turns: 3
  fifo:
    model: gpt-4o
    systemPrompt: prompts/fifo.prompt.md
    turns: 3
  base: &base
    model: gpt-4o
    systemPrompt: 500
    turns: 4
  merged:
    <<: *base
    turns: 6
${BOMB}`;

const FILES: Record<string, string | Buffer> = {
  '.claude/agents/billion.md': '---\nname: billion\ndescription: d\nmaxTurns: 1000000000\n---\nWork.\n',
  '.claude/agents/huge.md': '---\nname: huge\ndescription: d\nmaxTurns: 1e308\nmodel: __proto__\n---\nWork.\n',
  '.claude/agents/nan.md': '---\nname: nan\ndescription: d\nmaxTurns: .nan\n---\nWork.\n',
  'crew/config/agents.yaml': 'researcher:\n  role: R\n  goal: G\n  backstory: B\n  max_iter: 1e9\n  llm: gpt-4o\n',
  'crew/config/tasks.yaml': 'research:\n  description: D\n  expected_output: E\n  agent: researcher\n',
  'prompts/spaces.prompt.md': ' '.repeat(400_000) + 'a\n',
  'prompts/emoji.prompt.md': '🚀'.repeat(200_000),
  'prompts/bang.prompt.md': '!'.repeat(160_000),
  'prompts/aaaa.prompt.md': 'a'.repeat(100_000),
  'prompts/bad-frontmatter.prompt.md': '---\nmodel: [unclosed\nburnrate: {callsPerDay: 1e400}\n---\nBody\n',
  'prompts/proto.prompt.md':
    '---\nmodel: __proto__\nburnrate:\n  callsPerDay: 1e308\n  outputTokens: 1e308\n---\nBody\n',
  'prompts/constructor.prompt.md': '---\nmodel: constructor\n---\nBody\n',
  'prompts/binary.prompt.md': Buffer.from([0, 1, 2, 255, 254, 0, 0, 10, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
  'prompts/huge.prompt.md': 'word '.repeat(700_000),
  'prompts/evil\u001b[31mred\u0007.prompt.md': 'Control characters in the name.\n',
  'prompts/[click](https%3A%2F%2Fexample.com) `x` | y.prompt.md': '# Heading\nMarkdown in the name.\n',
  'prompts/chat.json': '{"messages": [{"role": "system", "content": "x"}, ',
  'prompts/chat2.json':
    '{"__proto__": {"polluted": true}, "model": "__proto__", "messages": [{"role": "user", "content": 5}]}',
  'prompts/bomb.prompt.yaml': `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from(
    { length: 8 },
    (_, i) =>
      `b${i}: &b${i} [${Array(9)
        .fill(i ? `*b${i - 1}` : '*a')
        .join(',')}]`,
  ).join('\n')}\n`,
  'agents.yaml': 'x: &x {role: r, goal: g, backstory: b, max_iter: 1e308}\ny:\n  <<: *x\n',
  'promptfooconfig.yaml': 'prompts: [file://../../../../etc/passwd, "{{ x }}"]\nproviders: [openai:__proto__]\n',
  'logs/usage.jsonl': [
    '{"model":"gpt-4o","usage":{"prompt_tokens":1e308,"completion_tokens":-1}}',
    '{"model":"__proto__","usage":{"prompt_tokens":10,"completion_tokens":10}}',
    'not json at all',
    '{"model":"gpt-4o","usage":{"prompt_tokens":100,"completion_tokens":20}}',
    '{' + '"a":'.repeat(2000),
    'x'.repeat(300_000),
  ].join('\n'),
  'CLAUDE.md': '# Rules\n' + '\t \n'.repeat(50_000),
};

interface Run {
  args: string[];
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  maxRssMb: number;
}

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.name === '.git') continue;
      const stat = fs.lstatSync(full);
      out.push(`${path.relative(dir, full)} ${stat.size} ${stat.mtimeMs}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

describe('fuzz: every CLI command over a hostile repository (issue 10)', function () {
  this.timeout(15 * 60_000);
  let dir: string;
  let rssProbe: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-fuzz-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(dir, '.burnrate.yaml'), USAGE);
    for (const [name, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    git('add', '-A');
    git('commit', '-qm', 'base');
    // Changes for diff, then what git cannot hold: a symlink out, a FIFO.
    fs.appendFileSync(path.join(dir, 'prompts/spaces.prompt.md'), ' '.repeat(1000) + 'b');
    fs.writeFileSync(
      path.join(dir, '.claude/agents/billion.md'),
      '---\nname: billion\ndescription: d\nmaxTurns: 1e308\n---\nMore work.\n',
    );
    fs.symlinkSync('/etc/passwd', path.join(dir, 'prompts/secret.prompt.md'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'prompts/zero.prompt.md'));
    execFileSync('mkfifo', [path.join(dir, 'prompts/fifo.prompt.md')]);
    // Logs too big to commit: no newline at all past the line limit, a long line between two calls, many sessions.
    const block = Buffer.alloc(1024 * 1024, 'a');
    const writeLong = (name: string, before: string, after: string) => {
      const fd = fs.openSync(path.join(dir, name), 'w');
      fs.writeSync(fd, before);
      for (let written = 0; written <= LIMITS.lineBytes; written += block.length) fs.writeSync(fd, block);
      fs.writeSync(fd, after);
      fs.closeSync(fd);
    };
    const usageLine = (session: number) =>
      `{"model":"gpt-4o","session_id":"s${session}","usage":{"prompt_tokens":${100 + (session % 977)},"completion_tokens":20}}\n`;
    writeLong('logs/nonewline.jsonl', '', '');
    writeLong('logs/longline.jsonl', usageLine(1) + '{"model":"gpt-4o","pad":"', '"}\n' + usageLine(2));
    const lines: string[] = [];
    for (let i = 0; i < LOG_SESSIONS; i++) lines.push(usageLine(i));
    fs.writeFileSync(path.join(dir, 'logs/sessions.jsonl'), lines.join(''));
    rssProbe = path.join(dir, '..', `${path.basename(dir)}-rss.js`);
    fs.writeFileSync(
      rssProbe,
      "process.on('exit', () => process.stderr.write('\\nFUZZ_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));\n",
    );
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(rssProbe, { force: true });
  });

  function run(args: string[]): Run {
    const result = spawnSync(process.execPath, ['--require', rssProbe, path.join(repoRoot(), 'out/cli.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...GIT_ENV, NO_COLOR: '1' },
      timeout: TIME_CEILING_MS,
      maxBuffer: 64 * 1024 * 1024,
      input: '',
    });
    const stderr = result.stderr ?? '';
    const rss = /FUZZ_MAXRSS_KB (\d+)/.exec(stderr);
    return {
      args,
      code: result.status,
      signal: result.signal,
      stdout: result.stdout ?? '',
      stderr: stderr.replace(/\nFUZZ_MAXRSS_KB \d+\n/, ''),
      maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
    };
  }

  const COMMANDS: string[][] = [
    ['estimate', '.'],
    ['estimate', '--json', '.'],
    [
      'estimate',
      'prompts/fifo.prompt.md',
      'prompts/secret.prompt.md',
      'prompts/zero.prompt.md',
      '.claude/agents/billion.md',
    ],
    ['estimate', '--calls-per-day', '1e308', '--turns', '1000000000', '.claude'],
    ['diff', '--format', 'markdown'],
    ['diff', '--json', 'main'],
    ['models'],
    ['models', '__proto__'],
    ['simulate', '--sessions', '100'],
    ['simulate', '--sessions', '1e12'],
    ['simulate', '--sessions', '1000000000'],
    ['simulate', '--sessions', '50', '--scenario', 'merged', '--json'],
    ['simulate', '--sessions', '50', '--preset', '__proto__'],
    ['replay', 'logs/usage.jsonl'],
    ['replay', '--json', 'logs/usage.jsonl'],
    ['replay', '/dev/urandom'],
    ['replay', 'prompts/fifo.prompt.md'],
    ['replay', 'prompts/binary.prompt.md'],
    ['replay', 'logs/nonewline.jsonl'],
    ['--help'],
    ['no-such-command'],
  ];

  /** Runs `args` and checks what every command must do over the hostile repository. */
  function runSafely(args: string[], rssCeilingMb = RSS_CEILING_MB): Run {
    const before = listing(dir);
    const result = run(args);
    const where = `burnrate ${args.join(' ')}\n${result.stderr.slice(0, 2000)}`;
    assert.ok(result.signal === null, `killed (${result.signal}) past ${TIME_CEILING_MS} ms: ${where}`);
    assert.ok(result.code === 0 || result.code === 1 || result.code === 2, `exit ${result.code}: ${where}`);
    assert.ok(!STACK_TRACE.test(result.stdout) && !STACK_TRACE.test(result.stderr), `stack trace: ${where}`);
    assert.ok(
      !/\$∞|\$NaN|\$-?Infinity|"costUsd": ?NaN/.test(result.stdout),
      `non-finite cost: ${result.stdout.slice(0, 2000)}`,
    );
    assert.ok(!result.stdout.includes('root:x:0:0'), 'a file outside the workspace was read');
    assert.ok(
      result.maxRssMb < rssCeilingMb,
      `peak memory ${result.maxRssMb.toFixed(0)} MB ≥ ${rssCeilingMb} MB: ${where}`,
    );
    assert.deepStrictEqual(listing(dir), before, `files written: ${where}`);
    return result;
  }

  for (const args of COMMANDS) it(`burnrate ${args.join(' ')}`, () => void runSafely(args));

  it('burnrate replay --json over a log with a line past the line limit: skipped as malformed, the rest read', () => {
    const result = runSafely(['replay', '--json', 'logs/longline.jsonl']);
    const report = JSON.parse(result.stdout) as { calls: number; skipped: { lines: number } };
    assert.deepStrictEqual([report.calls, report.skipped.lines], [2, 1]);
    assert.match(result.stderr, /longline\.jsonl line 2: [\d,]+ bytes, over the [\d,]+-byte line limit/);
  });

  it(`burnrate replay --json over ${LOG_SESSIONS.toLocaleString('en-US')} sessions: memory bounded by open sessions, the sample said`, () => {
    const result = runSafely(['replay', '--json', 'logs/sessions.jsonl'], SESSIONS_RSS_CEILING_MB);
    const report = JSON.parse(result.stdout) as { sessions: { count: number; sample?: number; closedEarly?: number } };
    assert.strictEqual(report.sessions.count, LOG_SESSIONS);
    assert.ok(
      report.sessions.sample !== undefined && report.sessions.closedEarly !== undefined,
      result.stdout.slice(0, 500),
    );
  });
});

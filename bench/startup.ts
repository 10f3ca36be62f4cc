// Figures that need a fresh process: the CLI's cold start on one small file, and the heap one encoding takes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countEncodingTokens } from '../src/core/tokenize/chunked';
import { getEncoder } from '../src/core/tokenize/encodings';
import { mixedPromptText } from './corpus';
import { median, time, timeProcess } from './measure';
import { ms, type Row } from './report';

const SMALL_PROMPT = `---
mode: ask
model: gpt-4o
description: Summarise a support ticket
---
Summarise the ticket below in three bullet points, then suggest one next step.

## Ticket
\${input:ticket}
`;

/** (c) `node out/cli.js estimate <one small prompt file>`, spawned `runs` times. */
export function cliColdStartRows(outDir: string, runs: number): Row[] {
  const cli = path.join(outDir, 'cli.js');
  if (!fs.existsSync(cli)) return [{ measure: 'CLI cold start', value: `not measured: ${cli} not built` }];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-bench-'));
  const file = path.join(dir, 'summarise.prompt.md');
  fs.writeFileSync(file, SMALL_PROMPT);
  try {
    const bare = median(Array.from({ length: runs }, () => timeProcess([cli, '--help'], dir).ms));
    const rows: Row[] = [
      {
        measure: `CLI cold start: \`burnrate --help\` (no ranks loaded; median of ${runs} processes)`,
        value: ms(bare),
      },
    ];
    const estimate = timeProcess([cli, 'estimate', file], dir);
    if (estimate.status !== 0) {
      rows.push({
        measure: 'CLI cold start: `burnrate estimate` on one small prompt file',
        value: `not measured: exit ${estimate.status}`,
      });
      return rows;
    }
    const times = Array.from({ length: runs }, () => timeProcess([cli, 'estimate', file], dir).ms);
    rows.push({
      measure: `CLI cold start: \`burnrate estimate\` on one small prompt file (median of ${runs} processes)`,
      value: ms(median(times)),
    });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface HeapProbe {
  before: number;
  afterTable: number;
  afterCount: number;
  afterEncoder: number;
  tableMs: number;
  encoderMs: number;
}

/**
 * Runs in the child process started by `heapRows`: heapUsed (after a full gc) before and after the counter loads
 * o200k_base's rank table, after it counts a 1 MB file (memos), and after js-tiktoken's own encoder is built too.
 */
export function heapProbe(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the heap probe needs --expose-gc');
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const tableMs = time(() => countEncodingTokens('o200k_base', 'load the ranks'));
  const afterTable = heap();
  countOnce();
  const afterCount = heap();
  const encoderMs = time(() => getEncoder('o200k_base'));
  const afterEncoder = heap();
  const probe: HeapProbe = { before, afterTable, afterCount, afterEncoder, tableMs, encoderMs };
  process.stdout.write(JSON.stringify(probe));
}

function countOnce(): void {
  countEncodingTokens('o200k_base', mixedPromptText(1_000_000, 7));
}

/** (d) heap taken by one encoding, in a fresh process. */
export function heapRows(benchScript: string): Row[] {
  const result = timeProcess(['--expose-gc', benchScript, '--heap-probe'], process.cwd());
  if (result.status !== 0)
    return [
      { measure: 'heap after loading o200k_base', value: `probe failed: ${result.stderr.trim().split('\n')[0]}` },
    ];
  const probe = JSON.parse(result.stdout) as HeapProbe;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return [
    {
      measure: 'first count in a fresh process: loading o200k_base ranks',
      value: ms(probe.tableMs),
      reference: `js-tiktoken Tiktoken constructor ${ms(probe.encoderMs)}`,
    },
    {
      measure: 'heap: o200k_base rank table loaded by the counter (fresh process, after gc)',
      value: mb(probe.afterTable - probe.before),
    },
    { measure: '  + count memos after counting a 1 MB file', value: mb(probe.afterCount - probe.afterTable) },
    {
      measure: "  (context) + js-tiktoken's getEncoder('o200k_base'), which counting does not load",
      value: mb(probe.afterEncoder - probe.afterCount),
    },
  ];
}

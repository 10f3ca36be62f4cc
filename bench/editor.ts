// What the editor does after a keystroke in a big prompt, end to end in the engine: the document counter and the
// document's lines follow the change, then the debounced re-estimate parses the file and counts its body and every
// section. Compared with gpt-tokenizer counting the whole file once, in the same process; the estimate is checked
// against a plain recount.
import type * as GptO200k from 'gpt-tokenizer/cjs/encoding/o200k_base';
import { estimateSource } from '../src/core/estimate/estimateSource';
import { DocumentLines } from '../src/core/formats/documentLines';
import type { UnitEstimate } from '../src/core/estimate/types';
import { DocumentCounter } from '../src/core/tokenize/documentCounter';
import { EMPTY_USAGE } from '../src/core/usage/usageConfig';
import { median, time } from './measure';
import { ms, type Row } from './report';

const gptO200k = require('gpt-tokenizer/cjs/encoding/o200k_base') as typeof GptO200k;

export function editorKeystrokeRows(text: string, label: string, runs: number): Row[] {
  const document = `---\nmodel: gpt-4o\n---\n${text}`;
  const options = { relativePath: '.github/prompts/big.prompt.md', usage: EMPTY_USAGE, maxBytes: 50e6 };
  const estimate = (source: string, counter?: DocumentCounter, document?: DocumentLines): UnitEstimate => {
    const result = estimateSource('big.prompt.md', source, {
      ...options,
      ...(counter ? { counter } : {}),
      ...(document ? { document } : {}),
    });
    if (!result.ok) throw new Error(result.skipped.reason);
    return result.estimate.units[0]!;
  };
  let current = document;
  const counter = new DocumentCounter(current);
  const lines = new DocumentLines();
  estimate(current, counter, lines);
  const times: number[] = [];
  let last: UnitEstimate | undefined;
  for (let k = 0; k < runs * 4; k++) {
    const offset = Math.floor(current.length / 2) + k;
    const change = { rangeOffset: offset, rangeLength: 0, text: 'x' };
    // The worker receives the buffer as a message (a structured clone, one flat string), not as the rope a concatenation
    // makes here, whose flattening would be timed with the estimate.
    current = structuredClone(current.slice(0, offset) + 'x' + current.slice(offset));
    const next = current;
    times.push(
      time(() => {
        counter.applyChanges([change], next);
        counter.setText(next);
        lines.applyChanges([change], next);
        last = estimate(next, counter, lines);
      }),
    );
  }
  const plain = estimate(current);
  if (last!.input.tokens !== plain.input.tokens || JSON.stringify(last!.sections) !== JSON.stringify(plain.sections)) {
    throw new Error('editor path disagrees with a plain recount');
  }
  const reference = median(
    [0, 1, 2].map(() => time(() => gptO200k.countTokens(current, { disallowedSpecial: new Set<string>() }))),
  );
  const value = median(times);
  return [
    {
      measure: `keystroke, ${label} prompt: editor re-estimate (parse + body + ${plain.sections.length} sections, exact)`,
      value: ms(value),
      reference: `gpt-tokenizer full count ${ms(reference)}`,
      ratio: (value / reference).toFixed(4),
    },
  ];
}

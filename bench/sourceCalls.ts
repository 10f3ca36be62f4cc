// Parsing and pricing a 5,000-line source file after an edit (the editor's and the CLI's path for a source file:
// tree-sitter parse, SDK calls found and evaluated, every call priced), against gpt-tokenizer counting the whole
// file once, in the same process.
import type * as GptO200k from 'gpt-tokenizer/cjs/encoding/o200k_base';
import { estimateSource } from '../src/core/estimate/estimateSource';
import { loadSourceGrammars } from '../src/core/sourceCalls/grammars';
import { setSourceScope } from '../src/core/sourceCalls/scope';
import { EMPTY_USAGE } from '../src/core/usage/usageConfig';
import { median, time } from './measure';
import { ms, type Row } from './report';

const gptO200k = require('gpt-tokenizer/cjs/encoding/o200k_base') as typeof GptO200k;

/** A service of `lines` lines: imports, a shared constant, and functions of 20 lines each making one Anthropic call. */
export function sourceService(lines: number): string {
  const out = ["import Anthropic from '@anthropic-ai/sdk';", "const RULES = 'Answer briefly. Cite the ticket.';", ''];
  for (let i = 0; out.length + 20 <= lines; i++) {
    out.push(
      `export async function handler${i}(ticket: string, customer: string) {`,
      `  const note = 'handler ${i}: ' + customer.trim();`,
      '  // burnrate: callsPerDay=100',
      '  return client.messages.create({',
      "    model: process.env.MODEL ?? 'claude-haiku-4-5',",
      '    max_tokens: 300,',
      `    system: \`You are support agent number ${i}. \${RULES} Keep the customer's tone in mind.\`,`,
      '    messages: [',
      "      { role: 'user', content: `Ticket from ${customer}:\\n\\n${ticket}` },",
      `      { role: 'assistant', content: 'Understood. Looking into case ${i}.' },`,
      '    ],',
      '    tools: [{',
      `      name: 'lookup_${i}',`,
      "      description: 'Find an order by its number',",
      "      input_schema: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] },",
      '    }],',
      '  });',
      '}',
      `// end of handler ${i}`,
      '',
    );
  }
  while (out.length < lines) out.push('');
  return out.join('\n');
}

export async function sourceCallRows(runs: number): Promise<Row[]> {
  const problem = await loadSourceGrammars();
  if (problem) throw new Error(problem);
  setSourceScope({ all: true, globs: [] });
  let source = sourceService(5000);
  const options = { relativePath: 'src/service.ts', usage: EMPTY_USAGE };
  const estimate = (text: string) => {
    const result = estimateSource('service.ts', text, options);
    if (!result.ok) throw new Error(result.skipped.reason);
    return result.estimate.units.length;
  };
  const calls = estimate(source);
  const times: number[] = [];
  for (let k = 0; k < runs * 2; k++) {
    const at = source.indexOf('Keep the customer') + k;
    source = `${source.slice(0, at)}x${source.slice(at)}`;
    const next = source;
    times.push(time(() => estimate(next)));
  }
  const reference = median(
    [0, 1, 2].map(() => time(() => gptO200k.countTokens(source, { disallowedSpecial: new Set<string>() }))),
  );
  const value = median(times);
  return [
    {
      measure: `edit in a 5,000-line source file: parse + ${calls} SDK calls found, evaluated and priced`,
      value: ms(value),
      reference: `gpt-tokenizer full count ${ms(reference)}`,
      ratio: (value / reference).toFixed(2),
    },
  ];
}

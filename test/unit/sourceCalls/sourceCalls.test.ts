// SDK calls in source code become cost units: fixtures written here for each SDK and language, the expected prompt
// texts spelled out from the literals, counts checked against the tokenizer on those texts.
import * as assert from 'assert';
import { readPromptFile } from '../../../src/core/formats';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import type { UnitEstimate } from '../../../src/core/estimate/types';
import { setSourceScope } from '../../../src/core/sourceCalls/scope';
import { readAllSourcesInThisSuite } from './readAllSources';
import { plainCounter } from '../../../src/core/tokenize/textCounter';
import { profileForModel } from '../../../src/core/tokenize/families';
import type { CostUnit } from '../../../src/core/types';
import { EMPTY_USAGE, type UsageConfig } from '../../../src/core/usage/usageConfig';

const encoder = new TextEncoder();

function reader(files: Record<string, string>) {
  return (path: string) => (path in files ? encoder.encode(files[path]!) : undefined);
}

function units(path: string, source: string): CostUnit[] {
  const read = readPromptFile(path, source);
  assert.ok(read.ok, read.ok ? '' : read.error.reason);
  return read.value.units;
}

function estimate(
  path: string,
  source: string,
  files: Record<string, string> = {},
  usage: UsageConfig = EMPTY_USAGE,
): UnitEstimate[] {
  const result = estimateSource(path, source, { relativePath: path, usage, readCompanion: reader(files) });
  assert.ok(result.ok, result.ok ? '' : result.skipped.reason);
  return result.estimate.units;
}

const texts = (unit: CostUnit) => unit.parts.map((p) => [p.role, p.text]);
const count = (text: string, model = 'gpt-4o') => plainCounter.count(text, profileForModel(model)).tokens;

describe('source calls', function () {
  readAllSourcesInThisSuite();

  it('reads an Anthropic call in TypeScript: model fallback, max_tokens, system constant, messages, tools', () => {
    const source = [
      "import Anthropic from '@anthropic-ai/sdk';",
      "const SYSTEM = 'You are terse.';",
      'export async function ask(q: string) {',
      '  return client.messages.create({',
      "    model: process.env.MODEL ?? 'claude-sonnet-4-5',",
      '    max_tokens: 256,',
      "    system: SYSTEM + ' Answer in English.',",
      "    messages: [{ role: 'user', content: 'Hello there' }],",
      "    tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],",
      '  });',
      '}',
    ].join('\n');
    const [unit, ...rest] = units('src/ask.ts', source);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(unit!.name, 'ask · Anthropic messages');
    assert.deepStrictEqual(unit!.range, { startLine: 3, endLine: 9 });
    assert.strictEqual(unit!.model?.value, 'claude-sonnet-4-5');
    assert.strictEqual(unit!.maxOutputTokens?.value, 256);
    assert.deepStrictEqual(texts(unit!), [
      ['system', 'You are terse. Answer in English.'],
      ['user', 'Hello there'],
      [
        'tool-schema',
        JSON.stringify({
          name: 'get_weather',
          input_schema: { type: 'object', properties: { city: { type: 'string' } } },
        }),
      ],
    ]);
    assert.deepStrictEqual(unit!.tools, ['get_weather']);
  });

  it('counts the literal texts exactly on an exact tokenizer, and marks placeholders ≈ with their stated size', () => {
    const source = [
      "import OpenAI from 'openai';",
      'async function run(topic: string) {',
      "  await openai.chat.completions.create({ model: 'gpt-4o', messages: [",
      "    { role: 'system', content: `Write about ${topic} in ${'plain'} words.` },",
      "    { role: 'user', content: 'Go.' },",
      '  ] });',
      '}',
    ].join('\n');
    const [exactless] = estimate('a.ts', source);
    const system = exactless!.input.parts.find((p) => p.label === 'system message')!;
    assert.strictEqual(system.tokens, count('Write about  in plain words.'));
    const placeholder = exactless!.input.parts.find((p) => p.label.includes('placeholder'))!;
    assert.match(placeholder.label, /1 placeholder in system message \(topic\) × 20 tokens/);
    assert.strictEqual(placeholder.tokens, 20);
    assert.strictEqual(exactless!.input.exact, false);
    const usage: UsageConfig = { ...EMPTY_USAGE, overrides: [{ files: 'a.ts', placeholderTokens: 7 }] };
    const [sized] = estimate('a.ts', source, {}, usage);
    assert.strictEqual(sized!.input.parts.find((p) => p.label.includes('placeholder'))!.tokens, 7);
    const user = sized!.input.parts.find((p) => p.label === 'user message')!;
    assert.strictEqual(user.tokens, count('Go.'));
  });

  it('follows nested template literals, concatenation, escapes and [..].join()', () => {
    const source = [
      "import { generateText } from 'ai';",
      "const NAME = 'Ada';",
      "const RULES = ['Be kind.', 'Be brief.'].join('\\n');",
      'const greet = async () => generateText({',
      "  model: openai('gpt-4o-mini'),",
      '  system: `Hi ${`dear ${NAME}`}!\\t` + "Tab" + RULES,',
      "  prompt: 'Say hello',",
      '  maxTokens: 50,',
      '});',
    ].join('\n');
    const [unit] = units('greet.mjs', source);
    assert.strictEqual(unit!.name, 'greet · AI SDK');
    assert.strictEqual(unit!.model?.value, 'gpt-4o-mini');
    assert.strictEqual(unit!.maxOutputTokens?.value, 50);
    assert.deepStrictEqual(texts(unit!), [
      ['system', 'Hi dear Ada!\tTabBe kind.\nBe brief.'],
      ['user', 'Say hello'],
    ]);
  });

  it('reads Python: with_options chains, os.environ.get fallbacks, f-strings with format specs, escaped braces', () => {
    const source = [
      'import anthropic',
      'WIDTH = 7',
      'LANG = "py"',
      'def review(diff):',
      '    return client.with_options(timeout=5).messages.create(',
      '        model=os.environ.get("MODEL", "claude-haiku-4-5"),',
      '        max_tokens=900,',
      '        system=f"Lang {LANG:>5}|{3.14159:.2f}|{{x}}|{diff!r}" "\\n" + r"raw\\n",',
      '        messages=[{"role": "user", "content": f"Diff: {diff}"}],',
      '    )',
    ].join('\n');
    const [unit] = units('svc/review.py', source);
    assert.strictEqual(unit!.name, 'review · Anthropic messages');
    assert.strictEqual(unit!.model?.value, 'claude-haiku-4-5');
    assert.strictEqual(unit!.maxOutputTokens?.value, 900);
    assert.deepStrictEqual(texts(unit!), [
      ['system', 'Lang    py|3.14|{x}|\nraw\\n'],
      ['user', 'Diff: '],
    ]);
    assert.deepStrictEqual(unit!.parts[0]!.placeholders, ['{diff!r}']);
    assert.deepStrictEqual(unit!.parts[1]!.placeholders, ['diff']);
  });

  it('resolves one-hop imports from a sibling module and prompts read from files by a literal path', () => {
    const ts = [
      "import OpenAI from 'openai';",
      "import { readFileSync } from 'fs';",
      "import { BASE as RULES } from './prompts';",
      'export function a() {',
      "  return openai.responses.create({ model: 'gpt-4.1', instructions: RULES, input: readFileSync('prompts/q.md', 'utf8'),",
      '    max_output_tokens: 99 });',
      '}',
      'export function b() {',
      "  return openai.responses.create({ model: 'gpt-4.1', instructions: readFileSync(path.join(__dirname, 'local.md')).toString(), input: 'x' });",
      '}',
    ].join('\n');
    const files = {
      'src/prompts.ts': 'export const BASE = `Rules: ${"be exact"}.`;',
      'prompts/q.md': 'What is new?',
      'src/local.md': 'Local prompt',
    };
    const [a, b] = estimate('src/app.ts', ts, files);
    assert.strictEqual(a!.name, 'a · OpenAI responses');
    assert.deepStrictEqual(
      a!.input.parts.slice(0, 2).map((p) => [p.label, p.tokens]),
      [
        ['system prompt', count('Rules: be exact.', 'gpt-4.1')],
        ['user prompt', count('What is new?', 'gpt-4.1')],
      ],
    );
    assert.strictEqual(a!.input.exact, true);
    assert.strictEqual(b!.input.parts[0]!.tokens, count('Local prompt', 'gpt-4.1'));

    const py = [
      'from openai import OpenAI',
      'from pathlib import Path',
      'from .prompts import SYSTEM',
      'def go():',
      '    return client.chat.completions.create(model="gpt-4o", messages=[',
      '        {"role": "system", "content": SYSTEM},',
      '        {"role": "user", "content": open("data/u.txt").read()},',
      '        {"role": "user", "content": (Path(__file__).parent / "p" / "v.txt").read_text()},',
      '    ])',
    ].join('\n');
    const pyFiles = {
      'svc/prompts.py': 'SYSTEM = "You are careful."\n',
      'data/u.txt': 'Hello file',
      'svc/p/v.txt': 'Nested',
    };
    const read = readPromptFile('svc/go.py', py);
    assert.ok(read.ok);
    const [go] = estimate('svc/go.py', py, pyFiles);
    assert.deepStrictEqual(
      go!.input.parts.slice(0, 3).map((p) => p.tokens),
      [count('You are careful.'), count('Hello file'), count('Nested')],
    );
  });

  it('refuses prompt paths that climb out of the workspace, and counts what is missing as a placeholder', () => {
    const source =
      "import OpenAI from 'openai';\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: readFileSync('../../etc/passwd') }] });";
    const result = estimateSource('a.ts', source, {
      relativePath: 'a.ts',
      usage: EMPTY_USAGE,
      readCompanion: () => encoder.encode('SECRET'),
    });
    assert.ok(result.ok);
    const unit = result.estimate.units[0]!;
    assert.ok(
      unit.input.parts.some((p) => p.label.includes('placeholder') && p.label.includes('file ../../etc/passwd')),
    );
    assert.ok(result.estimate.problems.some((p) => p.message.includes('outside the workspace')));
  });

  it('reads Google GenAI, LangChain and LiteLLM calls', () => {
    const google = [
      "import { GoogleGenAI } from '@google/genai';",
      "const r = ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Why is the sky blue?',",
      "  config: { systemInstruction: 'Be a physicist.', maxOutputTokens: 64 } });",
    ].join('\n');
    const [g] = units('g.js', google);
    assert.strictEqual(g!.name, '(top level) · Google GenAI generateContent');
    assert.strictEqual(g!.maxOutputTokens?.value, 64);
    assert.deepStrictEqual(texts(g!), [
      ['system', 'Be a physicist.'],
      ['user', 'Why is the sky blue?'],
    ]);

    const langchain = [
      'from langchain_core.prompts import ChatPromptTemplate',
      'from langchain_core.messages import SystemMessage',
      'prompt = ChatPromptTemplate.from_messages([("system", "You translate to {language}."), ("human", "{text}")])',
      'sys = SystemMessage(content="Stay polite.")',
    ].join('\n');
    const [template, system] = units('chain.py', langchain);
    assert.strictEqual(template!.name, '(top level) · LangChain ChatPromptTemplate');
    assert.deepStrictEqual(texts(template!), [
      ['system', 'You translate to .'],
      ['user', ''],
    ]);
    assert.deepStrictEqual(
      template!.parts.map((p) => p.placeholders),
      [['{language}'], ['{text}']],
    );
    assert.deepStrictEqual(texts(system!), [['system', 'Stay polite.']]);

    const litellm =
      'from litellm import completion\nresp = completion(model="gpt-4o-mini", max_tokens=10, messages=[{"role": "user", "content": "Hi"}])';
    const [l] = units('l.py', litellm);
    assert.strictEqual(l!.name, '(top level) · LiteLLM completion');
    assert.deepStrictEqual(texts(l!), [['user', 'Hi']]);
  });

  it("takes a burnrate comment above the call as that call's volume, and an unknown model as assumed", () => {
    const source = [
      "import Anthropic from '@anthropic-ai/sdk';",
      '// burnrate: callsPerDay=250',
      "client.messages.create({ model: pickModel(), max_tokens: 5, messages: [{ role: 'user', content: 'Hi' }] });",
    ].join('\n');
    const [unit] = estimate('x.ts', source);
    assert.strictEqual(unit!.callsPerDay.value, 250);
    assert.match(unit!.callsPerDay.detail, /burnrate comment on line 2/);
    assert.strictEqual(unit!.model.source, 'default');
  });

  it("reads a source file only inside the run's scope, and one without an SDK mention as no units", () => {
    setSourceScope({ all: false, globs: ['src/**'] });
    try {
      assert.strictEqual(readPromptFile('lib/a.ts', "import OpenAI from 'openai';").ok, false);
      const inside = readPromptFile('src/a.ts', 'export const x = 1;');
      assert.ok(inside.ok && inside.value.format === 'source-call' && inside.value.units.length === 0);
    } finally {
      setSourceScope({ all: true, globs: [] });
    }
  });

  it('stays bounded on hostile input: deep nesting, long concatenations, self-referencing constants', () => {
    const deep = `import OpenAI from 'openai';\nconst s = ${'('.repeat(3000)}'x'${')'.repeat(3000)};\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: s }] });`;
    const [d] = units('deep.ts', deep);
    assert.strictEqual(d!.parts.length, 1);
    const long = `import OpenAI from 'openai';\nconst s = ${Array.from({ length: 5000 }, () => "'ab'").join(' + ')};\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: s }] });`;
    const [l] = units('long.ts', long);
    assert.strictEqual(l!.parts[0]!.text, 'ab'.repeat(5000));
    const loop =
      "import OpenAI from 'openai';\nconst a = b + 'x';\nconst b = a + 'y';\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: a }] });";
    const [c] = units('loop.ts', loop);
    assert.strictEqual(c!.parts[0]!.text, 'yx');
    const blowup = [
      "import OpenAI from 'openai';",
      `const c0 = '${'x'.repeat(1000)}';`,
      ...Array.from({ length: 10 }, (_, i) => `const c${i + 1} = c${i} + c${i} + c${i} + c${i};`),
      'openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: c10 }] });',
    ].join('\n');
    const read = readPromptFile('blow.ts', blowup);
    assert.ok(read.ok);
    assert.ok(read.value.units[0]!.parts[0]!.text.length < 64 * 1024 * 1024);
    assert.ok(read.value.problems.some((p) => p.message.includes('expand to more than')));
  });
});

// The SDK calls Burnrate prices, by the dotted name of the callee (a `with_options(...)` step in the chain is skipped,
// see syntax.ts), and where each keeps its model, output limit, system prompt, messages and tools.

export type SdkCall =
  | 'openai-chat'
  | 'openai-responses'
  | 'anthropic-messages'
  | 'google-generate'
  | 'ai-sdk'
  | 'langchain-template'
  | 'langchain-system'
  | 'litellm';

export const SDK_LABELS: Record<SdkCall, string> = {
  'openai-chat': 'OpenAI chat.completions',
  'openai-responses': 'OpenAI responses',
  'anthropic-messages': 'Anthropic messages',
  'google-generate': 'Google GenAI generateContent',
  'ai-sdk': 'AI SDK',
  'langchain-template': 'LangChain ChatPromptTemplate',
  'langchain-system': 'LangChain SystemMessage',
  litellm: 'LiteLLM completion',
};

const AI_SDK_FUNCTIONS = new Set(['generateText', 'streamText', 'generateObject', 'streamObject']);

function endsWith(path: readonly string[], tail: readonly string[], last: readonly string[]): boolean {
  const n = path.length;
  if (n < tail.length + 1 || !last.includes(path[n - 1]!)) return false;
  return tail.every((name, i) => path[n - 1 - tail.length + i] === name);
}

/** Which SDK call a callee path is; `litellmImported`: the file imports `completion` from litellm. */
export function recogniseCall(path: readonly string[], isNew: boolean, litellmImported: boolean): SdkCall | undefined {
  const last = path[path.length - 1] ?? '';
  if (endsWith(path, ['chat', 'completions'], ['create', 'parse', 'stream'])) return 'openai-chat';
  if (endsWith(path, ['responses'], ['create', 'parse', 'stream'])) return 'openai-responses';
  if (endsWith(path, ['messages'], ['create', 'stream'])) return 'anthropic-messages';
  if (
    endsWith(
      path,
      ['models'],
      ['generateContent', 'generate_content', 'generateContentStream', 'generate_content_stream'],
    )
  )
    return 'google-generate';
  if (path.length === 1 && AI_SDK_FUNCTIONS.has(last)) return 'ai-sdk';
  if (endsWith(path, ['ChatPromptTemplate'], ['from_messages', 'fromMessages'])) return 'langchain-template';
  if (last === 'SystemMessage' && (path.length === 1 || isNew)) return 'langchain-system';
  if (
    endsWith(path, ['litellm'], ['completion', 'acompletion']) ||
    (litellmImported && path.length === 1 && (last === 'completion' || last === 'acompletion'))
  ) {
    return 'litellm';
  }
  return undefined;
}

/** Where a call keeps each field (first name found wins; nested paths for Google's `config`). */
export interface FieldPlaces {
  model: string[];
  maxOutput: string[][];
  system: string[][];
  messages: string[];
  /** A single user prompt (AI SDK `prompt`, OpenAI responses `input` as a string, Google `contents` as a string). */
  prompt: string[];
  tools: string[][];
}

const OPENAI_CHAT: FieldPlaces = {
  model: ['model'],
  maxOutput: [['max_tokens'], ['max_completion_tokens'], ['maxTokens']],
  system: [],
  messages: ['messages'],
  prompt: [],
  tools: [['tools'], ['functions']],
};

export const FIELD_PLACES: Record<Exclude<SdkCall, 'langchain-template' | 'langchain-system'>, FieldPlaces> = {
  'openai-chat': OPENAI_CHAT,
  litellm: OPENAI_CHAT,
  'openai-responses': {
    model: ['model'],
    maxOutput: [['max_output_tokens']],
    system: [['instructions']],
    messages: ['input'],
    prompt: ['input'],
    tools: [['tools']],
  },
  'anthropic-messages': {
    model: ['model'],
    maxOutput: [['max_tokens']],
    system: [['system']],
    messages: ['messages'],
    prompt: [],
    tools: [['tools']],
  },
  'google-generate': {
    model: ['model'],
    maxOutput: [
      ['config', 'maxOutputTokens'],
      ['config', 'max_output_tokens'],
      ['generationConfig', 'maxOutputTokens'],
    ],
    system: [['config', 'systemInstruction'], ['config', 'system_instruction'], ['systemInstruction']],
    messages: ['contents'],
    prompt: ['contents'],
    tools: [['config', 'tools'], ['tools']],
  },
  'ai-sdk': {
    model: ['model'],
    maxOutput: [['maxOutputTokens'], ['maxTokens']],
    system: [['system']],
    messages: ['messages'],
    prompt: ['prompt'],
    tools: [['tools']],
  },
};

// The cheap textual pre-check before a source file is parsed at all (the CLI's walk and the editor both ask it, so a
// file is priced in one only if it is in the other): an import or require of an SDK's package, in any case.
// JS/TS: `import X from 'm'`, `import 'm'`, `export … from 'm'`, `require('m')`, `import('m')`.
const JS_MODULE = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*['"`]([^'"`\n]{1,200})['"`]/gi;
// Python: `import m`, `import a, m as b`, `from m import x` (module paths with dots).
const PY_IMPORT = /^[ \t]*import[ \t]+([\w. \t,]{1,400})\r?$/gim;
const PY_FROM = /^[ \t]*from[ \t]+([\w.]{1,200})[ \t]+import[ \t]+\(?[ \t]*([\w]{1,100})/gim;

/** npm packages (or their scopes) and Python modules whose import makes a file worth parsing. */
const SDK_PACKAGES = ['openai', 'anthropic', 'ai', 'litellm', 'langchain'];
const SDK_SCOPES = ['@anthropic-ai/', '@ai-sdk/', '@langchain/', '@google/genai'];

/** Is this module (an npm specifier or a Python dotted path) an SDK Burnrate reads calls of? */
export function isSdkModule(module: string, pythonName?: string): boolean {
  const m = module.trim().toLowerCase();
  if (SDK_SCOPES.some((scope) => m.startsWith(scope))) return true;
  if (m === 'google.genai' || m.startsWith('google.genai.')) return true;
  if (m === 'google' && pythonName?.toLowerCase() === 'genai') return true;
  const head = /^[^/.]*/.exec(m)![0];
  return SDK_PACKAGES.includes(head) || head.startsWith('langchain_') || head.startsWith('langchain-');
}

/** Does the text import or require an SDK package (OpenAI, Anthropic, Google GenAI, AI SDK, LangChain, LiteLLM)? */
export function importsAnSdk(text: string): boolean {
  for (const match of text.matchAll(JS_MODULE)) if (isSdkModule(match[1]!)) return true;
  for (const match of text.matchAll(PY_FROM)) if (isSdkModule(match[1]!, match[2])) return true;
  for (const match of text.matchAll(PY_IMPORT))
    for (const piece of match[1]!.split(',')) if (isSdkModule(piece.trim().split(/[ \t]/)[0] ?? '')) return true;
  return false;
}

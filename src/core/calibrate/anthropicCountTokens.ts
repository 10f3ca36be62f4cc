// Anthropic's token counting endpoint (POST /v1/messages/count_tokens, free, rate-limited): the exact Claude count of
// a text, asked only by the commands that say they send texts (`burnrate calibrate --claude`, "Burnrate: Check Claude
// Counts"). What is sent: the model id and one user message whose content is the text; the key in `x-api-key`.
export const ANTHROPIC_API_BASE = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';
/**
 * The only way to point count_tokens elsewhere (a fake server in tests, a proxy): the environment of the process,
 * never a file or workspace setting, so a repository cannot send the user's key to an address of its choosing.
 */
export const ANTHROPIC_BASE_URL_ENV = 'BURNRATE_ANTHROPIC_BASE_URL';

export function anthropicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[ANTHROPIC_BASE_URL_ENV]?.trim() || ANTHROPIC_API_BASE;
}

export function countTokensUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/v1/messages/count_tokens`;
}

export interface CountTokensOptions {
  apiKey: string;
  /** Overridable for tests (a local fake server); the default is Anthropic's API. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** Counts one text as a user message; the endpoint's answer includes the message's framing (see `textTokens`). */
export type MessageCounter = (model: string, text: string) => Promise<number>;

export function anthropicMessageCounter(options: CountTokensOptions): MessageCounter {
  const url = countTokensUrl(options.baseUrl ?? ANTHROPIC_API_BASE);
  const send = options.fetch ?? fetch;
  return async (model, text) => {
    const response = await send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': options.apiKey,
        'anthropic-version': ANTHROPIC_VERSION,
      },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: text }] }),
    });
    const body = (await response.json().catch(() => undefined)) as
      { input_tokens?: unknown; error?: { message?: unknown } } | undefined;
    if (!response.ok) {
      const detail = typeof body?.error?.message === 'string' ? `: ${body.error.message.slice(0, 300)}` : '';
      throw new Error(`count_tokens answered HTTP ${response.status}${detail}`);
    }
    const tokens = body?.input_tokens;
    if (typeof tokens !== 'number' || !Number.isSafeInteger(tokens) || tokens < 0)
      throw new Error('count_tokens answered without input_tokens');
    return tokens;
  };
}

// The framing of one user message is measured once per model by counting a one-token text ("." is one token in
// every Claude tokenizer measured), and taken off every count: what remains is the text's own tokens, the figure
// Burnrate's estimates are of (message framing is added separately, estimate/messageOverhead.ts).
const PROBE = '.';

export async function messageFraming(counter: MessageCounter, model: string): Promise<number> {
  return Math.max(0, (await counter(model, PROBE)) - 1);
}

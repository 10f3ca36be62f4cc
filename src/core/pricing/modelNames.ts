// Turning the model spellings found in real files into catalog ids. Every rewrite says what it did, so the user sees
// why a model was chosen ("alias", "provider prefix", ...).

export interface NameCandidate {
  id: string;
  providerHint?: string;
  /** Steps taken from the written name to this candidate, e.g. ["provider prefix googleai/"]. */
  steps: string[];
}

// Prefixes seen in Genkit (googleai/, vertexai/), LiteLLM and CrewAI (openai/, anthropic/, bedrock/), promptfoo
// (openai:, anthropic:messages:, bedrock:), OpenRouter (anthropic/...). Values are catalog provider ids. A Map, so a
// written "__proto__:" or "constructor/" is just an unknown prefix.
const PROVIDER_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['openai', 'openai'],
  ['azure', 'openai'],
  ['azureopenai', 'openai'],
  ['azure-openai', 'openai'],
  ['anthropic', 'anthropic'],
  ['claude', 'anthropic'],
  ['googleai', 'google'],
  ['google', 'google'],
  ['gemini', 'google'],
  ['vertexai', 'google'],
  ['vertex', 'google'],
  ['vertex_ai', 'google'],
  ['bedrock', 'aws'],
  ['aws', 'aws'],
  ['mistral', 'mistral'],
  ['mistralai', 'mistral'],
  ['deepseek', 'deepseek'],
  ['groq', 'groq'],
  ['xai', 'x-ai'],
  ['x-ai', 'x-ai'],
  ['openrouter', 'openrouter'],
  ['together', 'together'],
  ['fireworks', 'fireworks'],
  ['cohere', 'cohere'],
]);

// promptfoo and LiteLLM put an API flavour between provider and model ("anthropic:messages:claude-...", "openai:chat:gpt-4o").
const API_FLAVOURS = new Set(['messages', 'chat', 'completion', 'completions', 'responses', 'converse', 'invoke']);

/**
 * Bedrock ids: "anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-sonnet-4-…", "regional.anthropic.…":
 * an optional region, the vendor, the vendor's model id, an optional "-v1:0" version.
 */
export const BEDROCK_ID =
  /^(?:[a-z]{2,8}\.)?(anthropic|meta|mistral|amazon|cohere|deepseek|openai)\.(.+?)(?:-v\d+(?::\d+)?)?$/;

/** Provider-qualified and display spellings reduced to candidate catalog ids, most literal first. */
export function nameCandidates(written: string): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  const add = (id: string, steps: string[], providerHint?: string) => {
    if (!id || candidates.some((c) => c.id === id && c.providerHint === providerHint)) return;
    candidates.push(providerHint ? { id, providerHint, steps } : { id, steps });
  };

  const trimmed = written.trim();
  add(trimmed, []);
  let id = trimmed.toLowerCase();
  const steps: string[] = [];
  if (id !== trimmed) steps.push('lower-cased');

  // "Claude Sonnet 4 (copilot)" → "Claude Sonnet 4"
  const withoutParen = id.replace(/\s*\([^)]*\)\s*$/, '');
  if (withoutParen !== id) {
    steps.push(`dropped "${id.slice(withoutParen.length).trim()}"`);
    id = withoutParen;
  }

  let providerHint: string | undefined;
  for (;;) {
    const match = /^([a-z0-9_-]+)[:/](.+)$/.exec(id);
    if (!match) break;
    const [, prefix, rest] = match as unknown as [string, string, string];
    const providerId = PROVIDER_PREFIXES.get(prefix);
    if (providerId) {
      providerHint ??= providerId;
      steps.push(`provider prefix "${prefix}${id.charAt(prefix.length)}"`);
      id = rest;
    } else if (API_FLAVOURS.has(prefix)) {
      steps.push(`API flavour "${prefix}${id.charAt(prefix.length)}"`);
      id = rest;
    } else {
      break;
    }
  }
  add(id, [...steps], providerHint);

  // Display names: "claude sonnet 4.5" → "claude-sonnet-4-5"; "gpt 4.1 mini" → "gpt-4.1-mini".
  if (/\s/.test(id)) {
    const hyphenated = id.replace(/\s+/g, '-');
    add(hyphenated, [...steps, 'display name'], providerHint);
    id = hyphenated;
  }
  // Claude ids use hyphens for versions ("claude-sonnet-4-5") where OpenRouter and display names use dots.
  if (/claude/.test(id) && /\d\.\d/.test(id)) {
    const dashed = id.replace(/(\d)\.(\d)/g, '$1-$2');
    add(dashed, [...steps, 'version dots as hyphens'], providerHint);
    id = dashed;
  }
  const bedrock = BEDROCK_ID.exec(id);
  if (bedrock) {
    // Bedrock's own entries first: geographic ids ("us.", "eu.") carry the regional premium in the price data.
    add(id, [...steps, 'Bedrock model id'], 'aws');
    add(
      bedrock[2]!,
      [...steps, 'Bedrock model id'],
      providerHint ?? (bedrock[1] === 'anthropic' ? 'anthropic' : undefined),
    );
    id = bedrock[2]!;
  }
  const undated = id.replace(/-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest|preview)$/, '').replace(/@\d+$/, '');
  if (undated !== id) add(undated, [...steps, 'without date/version suffix'], providerHint);
  return candidates;
}

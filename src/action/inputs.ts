// The action's inputs, as the composite action (action.yml) hands them over: environment variables, all strings.
export interface ActionInputs {
  token: string;
  apiUrl: string;
  /** owner/name */
  repository: string;
  pullRequest: { number: number; baseSha: string; headSha: string };
  /** Folder the diff runs in: the checked-out repository. */
  workspace: string;
  paths: string[];
  failOnIncreaseUsdMonth?: number;
  failOnIncreasePercent?: number;
  /** The comment is posted only when the monthly cost moves at least this many USD (either way) or a gate trips. */
  commentMinUsdMonth: number;
  /** …and, when set, at least this many percent. */
  commentMinPercent?: number;
  stepSummary?: string;
}

export class InputError extends Error {}

type Env = Record<string, string | undefined>;

export function readInputs(env: Env, readEvent: (file: string) => string): ActionInputs {
  const eventPath = required(env, 'GITHUB_EVENT_PATH');
  let event: unknown;
  try {
    event = JSON.parse(readEvent(eventPath));
  } catch (error) {
    throw new InputError(`cannot read the event file ${eventPath}: ${(error as Error).message}`);
  }
  const pr = (event as { pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } })
    .pull_request;
  if (!pr || typeof pr.number !== 'number' || typeof pr.base?.sha !== 'string' || typeof pr.head?.sha !== 'string') {
    throw new InputError(
      'this action runs on pull_request events (the event has no pull_request with base and head commits)',
    );
  }
  const inputs: ActionInputs = {
    token: required(env, 'GITHUB_TOKEN'),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    repository: required(env, 'GITHUB_REPOSITORY'),
    pullRequest: { number: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha },
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    paths: (env.BURNRATE_PATHS ?? '').split(/\s+/).filter((p) => p !== ''),
    commentMinUsdMonth: number(env, 'BURNRATE_COMMENT_MIN_USD_MONTH') ?? 0,
  };
  if (!/^[\w.-]+\/[\w.-]+$/.test(inputs.repository))
    throw new InputError(`GITHUB_REPOSITORY is not owner/name: ${inputs.repository}`);
  const usd = number(env, 'BURNRATE_FAIL_ON_INCREASE_USD_MONTH');
  const percent = number(env, 'BURNRATE_FAIL_ON_INCREASE_PERCENT');
  const minPercent = number(env, 'BURNRATE_COMMENT_MIN_PERCENT');
  if (usd !== undefined) inputs.failOnIncreaseUsdMonth = usd;
  if (percent !== undefined) inputs.failOnIncreasePercent = percent;
  if (minPercent !== undefined) inputs.commentMinPercent = minPercent;
  if (env.GITHUB_STEP_SUMMARY) inputs.stepSummary = env.GITHUB_STEP_SUMMARY;
  return inputs;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new InputError(`${name} is not set`);
  return value;
}

/** An optional non-negative number; empty means unset. */
function number(env: Env, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InputError(`${name} needs a non-negative number, got "${text}"`);
  return value;
}

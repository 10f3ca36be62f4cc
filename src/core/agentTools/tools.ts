// The tools Burnrate offers to coding agents: one definition each (name, what the model is told, input schema),
// served by `burnrate mcp` and, with the same schemas, as VS Code language-model tools. Read-only, no network.
import { err, ok, type Result } from '../result';

export interface AgentToolDefinition {
  name: 'burnrate_estimate' | 'burnrate_diff' | 'burnrate_context';
  title: string;
  /** What the calling model reads to decide when to use the tool. */
  description: string;
  inputSchema: {
    type: 'object';
    properties: Record<string, { type: 'string' | 'array'; description: string; items?: { type: 'string' } }>;
    additionalProperties: false;
  };
}

export const AGENT_TOOLS: readonly AgentToolDefinition[] = [
  {
    name: 'burnrate_estimate',
    title: 'Estimate prompt cost',
    description:
      'Counts the tokens of a prompt or agent file (or every such file in a folder), or of a prompt text you pass, and ' +
      "prices it: input tokens, $ per call (or per session for multi-turn agents), $ per month at the workspace's " +
      'volume from .burnrate.yaml, the model used and whether the count is exact or an estimate with an error band. ' +
      'Use it after writing or editing a prompt, CLAUDE.md, AGENTS.md, a rule, a skill or a subagent to see what it costs. ' +
      "Give `path` (workspace-relative file or folder) or `text`; `model` prices on that model instead of the file's.",
    inputSchema: {
      type: 'object',
      properties: {
        path: {
          type: 'string',
          description: 'A file or folder inside the workspace, relative to its root (default: the whole workspace).',
        },
        text: { type: 'string', description: 'A prompt text to price as a plain prompt (instead of a path).' },
        model: {
          type: 'string',
          description:
            "Model to price on, e.g. claude-sonnet-4-5 or gpt-4o (default: the file's own model or the workspace default).",
        },
      },
      additionalProperties: false,
    },
  },
  {
    name: 'burnrate_diff',
    title: 'Cost change of uncommitted prompt edits',
    description:
      'Compares the working tree (staged, unstaged and untracked files) with git HEAD and returns, per changed prompt or ' +
      'agent file and unit, the tokens and $ per month before and after and the change. Use it before committing prompt ' +
      'changes to see what they do to the bill. `paths` limits the comparison to those workspace-relative files or folders.',
    inputSchema: {
      type: 'object',
      properties: {
        paths: {
          type: 'array',
          items: { type: 'string' },
          description: 'Workspace-relative files or folders to compare (default: all).',
        },
      },
      additionalProperties: false,
    },
  },
  {
    name: 'burnrate_context',
    title: "An agent runtime's per-request overhead",
    description:
      'Says what each agent runtime the workspace uses (Claude Code, Copilot, Cursor, Codex, Gemini CLI, Cline, Roo, ' +
      'Windsurf, Continue) sends on every request before any user message: its own system prompt and tool schemas, each ' +
      'always-on file (CLAUDE.md, AGENTS.md, rules) with the files it imports, skill and subagent listings — tokens each ' +
      "(exact or estimated with a band and a source), $ per request on the runtime's model and $ per month — then the " +
      'scoped and on-demand files with their rule. Use it to see what a change to an instruction file costs every request. ' +
      '`runtime` limits it to one runtime id (claude-code, copilot, cursor, codex, gemini-cli, cline, roo, windsurf, continue).',
    inputSchema: {
      type: 'object',
      properties: {
        runtime: {
          type: 'string',
          description: 'One runtime id, e.g. claude-code or copilot (default: every runtime the workspace uses).',
        },
      },
      additionalProperties: false,
    },
  },
];

/** The call's arguments, or what is wrong with them. */
export type ToolInput = Result<Record<string, string | string[]>>;

/** Checks a call's arguments against the tool's schema (strings and string lists only); never throws. */
export function checkToolInput(tool: AgentToolDefinition, input: unknown): ToolInput {
  if (input === undefined || input === null) return ok({});
  if (typeof input !== 'object' || Array.isArray(input)) return err('the arguments must be an object');
  const value: Record<string, string | string[]> = {};
  for (const [key, given] of Object.entries(input)) {
    const property = tool.inputSchema.properties[key];
    if (!property)
      return err(`unknown argument "${key}" (known: ${Object.keys(tool.inputSchema.properties).join(', ')})`);
    if (property.type === 'string') {
      if (typeof given !== 'string' || given.length === 0) return err(`"${key}" must be a non-empty string`);
      value[key] = given;
    } else {
      if (!Array.isArray(given) || !given.every((g) => typeof g === 'string' && g.length > 0)) {
        return err(`"${key}" must be a list of non-empty strings`);
      }
      value[key] = given as string[];
    }
  }
  return ok(value);
}

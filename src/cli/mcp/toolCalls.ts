// What each agent tool does, on the CLI's engine: the same in-process commands `burnrate estimate --json` and
// `burnrate diff --json` and `burnrate context --json` run, so an agent sees what a user sees. Paths are confined to the workspace.
import { err, ok, type Result } from '../../core/result';
import * as fs from 'fs';
import * as path from 'path';
import { AGENT_TOOLS, checkToolInput } from '../../core/agentTools/tools';
import { estimateSource } from '../../core/estimate/estimateSource';
import type { CliIO, Command } from '../command';
import { contextCommand } from '../commands/context';
import { diffCommand } from '../commands/diff';
import { estimateCommand } from '../commands/estimate';
import { unitJson } from '../../core/present/unitJson';
import { loadUsageFile } from '../workspace';

/** The tool's JSON document, or its error text. */
export type ToolResult = Result<unknown>;

export async function callTool(root: string, name: string, input: unknown): Promise<ToolResult> {
  const tool = AGENT_TOOLS.find((t) => t.name === name);
  if (!tool) return err(`unknown tool "${name}" (tools: ${AGENT_TOOLS.map((t) => t.name).join(', ')})`);
  const checked = checkToolInput(tool, input);
  if (!checked.ok) return checked;
  const args = checked.value;
  if (tool.name === 'burnrate_estimate') {
    if (typeof args.text === 'string') {
      if (args.path !== undefined) return err('give either "path" or "text", not both');
      return estimateText(root, args.text, typeof args.model === 'string' ? args.model : undefined);
    }
    const target = confine(root, typeof args.path === 'string' ? args.path : '.');
    if (!target.ok) return target;
    return runJson(estimateCommand, root, [
      '--json',
      ...(typeof args.model === 'string' ? ['--model', args.model] : []),
      '--',
      target.value,
    ]);
  }
  if (tool.name === 'burnrate_context') {
    return runJson(contextCommand, root, [
      '--json',
      ...(typeof args.runtime === 'string' ? ['--runtime', args.runtime] : []),
      '--',
      '.',
    ]);
  }
  const paths: string[] = [];
  for (const given of Array.isArray(args.paths) ? args.paths : []) {
    const target = confine(root, given);
    if (!target.ok) return target;
    paths.push(target.value);
  }
  return runJson(diffCommand, root, ['--json', ...(paths.length ? ['--', ...paths] : [])]);
}

/** Resolves a workspace-relative path through symlinks; anything that lands outside the workspace is refused. */
function confine(root: string, given: string): Result<string> {
  const realRoot = fs.realpathSync(root);
  const absolute = path.resolve(realRoot, given);
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    return err(`no such file or folder in the workspace: ${given}`);
  }
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    return err(`${given} is outside the workspace (${realRoot}); only workspace files are read`);
  return ok(relative === '' ? '.' : relative);
}

function estimateText(root: string, text: string, model: string | undefined): ToolResult {
  const usage = loadUsageFile(root);
  const result = estimateSource('(text)', text, {
    relativePath: '(text)',
    namedByUser: true,
    usage: usage.config,
    flags: model ? { model } : {},
  });
  if (!result.ok) return err(result.skipped.reason);
  return ok({ units: result.estimate.units.map((u) => unitJson(u, undefined)), problems: result.estimate.problems });
}

/** Runs a CLI command in-process with `--json` and returns its document, or its error text. */
async function runJson(command: Command, cwd: string, args: string[]): Promise<ToolResult> {
  let out = '';
  let errText = '';
  const io: CliIO = { out: (text) => void (out += text), err: (text) => void (errText += text), cwd };
  let code: number;
  try {
    code = await command.run(args, io);
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  if (code === 2 || out.trim() === '') return err(errText.trim() || `burnrate ${command.name} failed (exit ${code})`);
  try {
    return ok(JSON.parse(out) as unknown);
  } catch {
    return err(`burnrate ${command.name} printed no JSON`);
  }
}

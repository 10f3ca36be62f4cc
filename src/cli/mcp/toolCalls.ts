// What each agent tool does, on the CLI's engine: the same in-process commands `burnrate estimate --json` and
// `burnrate diff --json` and `burnrate context --json` run, so an agent sees what a user sees. Paths are confined to the workspace.
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

export type ToolResult = { ok: true; json: unknown } | { ok: false; message: string };

export async function callTool(root: string, name: string, input: unknown): Promise<ToolResult> {
  const tool = AGENT_TOOLS.find((t) => t.name === name);
  if (!tool)
    return { ok: false, message: `unknown tool "${name}" (tools: ${AGENT_TOOLS.map((t) => t.name).join(', ')})` };
  const checked = checkToolInput(tool, input);
  if (!checked.ok) return checked;
  const args = checked.value;
  if (tool.name === 'burnrate_estimate') {
    if (typeof args.text === 'string') {
      if (args.path !== undefined) return { ok: false, message: 'give either "path" or "text", not both' };
      return estimateText(root, args.text, typeof args.model === 'string' ? args.model : undefined);
    }
    const target = confine(root, typeof args.path === 'string' ? args.path : '.');
    if (!target.ok) return target;
    return runJson(estimateCommand, root, [
      '--json',
      ...(typeof args.model === 'string' ? ['--model', args.model] : []),
      '--',
      target.relative,
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
    paths.push(target.relative);
  }
  return runJson(diffCommand, root, ['--json', ...(paths.length ? ['--', ...paths] : [])]);
}

/** Resolves a workspace-relative path through symlinks; anything that lands outside the workspace is refused. */
function confine(root: string, given: string): { ok: true; relative: string } | { ok: false; message: string } {
  const realRoot = fs.realpathSync(root);
  const absolute = path.resolve(realRoot, given);
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    return { ok: false, message: `no such file or folder in the workspace: ${given}` };
  }
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    return { ok: false, message: `${given} is outside the workspace (${realRoot}); only workspace files are read` };
  return { ok: true, relative: relative === '' ? '.' : relative };
}

function estimateText(root: string, text: string, model: string | undefined): ToolResult {
  const usage = loadUsageFile(root);
  const result = estimateSource('(text)', text, {
    relativePath: '(text)',
    namedByUser: true,
    usage: usage.config,
    flags: model ? { model } : {},
  });
  if (!result.ok) return { ok: false, message: result.skipped.reason };
  return {
    ok: true,
    json: { units: result.estimate.units.map((u) => unitJson(u, undefined)), problems: result.estimate.problems },
  };
}

/** Runs a CLI command in-process with `--json` and returns its document, or its error text. */
async function runJson(command: Command, cwd: string, args: string[]): Promise<ToolResult> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (text) => void (out += text), err: (text) => void (err += text), cwd };
  let code: number;
  try {
    code = await command.run(args, io);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (code === 2 || out.trim() === '')
    return { ok: false, message: err.trim() || `burnrate ${command.name} failed (exit ${code})` };
  try {
    return { ok: true, json: JSON.parse(out) };
  } catch {
    return { ok: false, message: `burnrate ${command.name} printed no JSON` };
  }
}

// `burnrate context`: what each agent runtime the workspace uses sends on every request, and what loads only sometimes.
import * as path from 'path';
import { isRuntimeId, RUNTIME_IDS, type RuntimeId } from '../../core/runtimes/profile';
import { contextJson } from '../../core/present/contextJson';
import { contextSummaryLine, perRequestText, runtimeRows } from '../../core/present/contextText';
import { PRICE_DATA } from '../../core/pricing/catalog';
import { defineCommand, EXIT_OK, UsageError } from '../command';
import type { FlagTable } from '../flags';
import { renderTable } from '../table';
import { findWorkspaceRoot, loadUsageFile } from '../workspace';
import { diskRuntimeEnvironment } from '../../host/runtimeEnvironment';

const FLAGS = {
  runtime: { type: 'string', value: 'ID', help: `only these runtimes (comma-separated): ${RUNTIME_IDS.join(', ')}` },
  config: { type: 'string', value: 'FILE', help: 'usage file to use instead of the nearest .burnrate.yaml' },
  'max-bytes': { type: 'number', value: 'N', min: 1, help: 'skip files larger than N bytes (default 5 MB)' },
  json: { type: 'boolean', help: 'print one JSON document instead of tables' },
} as const satisfies FlagTable;

export const contextCommand = defineCommand({
  name: 'context',
  summary: 'what each agent runtime sends on every request: its own prompt and tools, and the files it loads',
  usage: 'burnrate context [path] [options]',
  description: `For each agent runtime the workspace uses (Claude Code, Copilot, Cursor, Codex, Gemini CLI, Cline, Roo,
Windsurf, Continue — by default the ones its files imply, or runtimes.use in .burnrate.yaml): the runtime's system
prompt and tool schemas, each always-on file with the files it imports, skill and subagent listings — tokens each, $ per
request on the runtime's model and $/month — then scoped and on-demand files with their rule, and agent sessions.`,
  flags: FLAGS,
  footer: `Runtime figures (system prompts, tool schemas) are published measurements or Burnrate's estimates, shown with ≈ and
a band and their source; override any of them under runtimes: in .burnrate.yaml.
Prices: ${PRICE_DATA.package} ${PRICE_DATA.version} (as of ${PRICE_DATA.asOf}).`,
  async run({ flags, positionals }, io) {
    if (positionals.length > 1) throw new UsageError('give one workspace folder');
    const start = path.resolve(io.cwd, positionals[0] ?? '.');
    const root = findWorkspaceRoot(start);
    const usage = loadUsageFile(root, flags.config);
    const only = flags.runtime
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
    for (const id of only ?? [])
      if (!isRuntimeId(id))
        throw new UsageError(`--runtime: unknown runtime "${id}" (known: ${RUNTIME_IDS.join(', ')})`);
    const { context } = diskRuntimeEnvironment(root, usage.config, {
      ...(only ? { only: only as RuntimeId[] } : {}),
      ...(flags['max-bytes'] !== undefined ? { maxBytes: flags['max-bytes'] } : {}),
    });

    if (flags.json) {
      io.out(
        JSON.stringify(
          contextJson(context, {
            priceData: PRICE_DATA,
            workspaceRoot: root,
            usageFile: usage.file ?? null,
            usageFileProblems: usage.problems,
          }),
          null,
          2,
        ) + '\n',
      );
      return EXIT_OK;
    }
    for (const problem of usage.problems) io.err(`warning: ${problem.message}\n`);
    if (context.runtimes.length === 0) {
      io.out(
        'No agent runtime files found (CLAUDE.md, .github/copilot-instructions.md, .cursor/rules, AGENTS.md, GEMINI.md, …).\n',
      );
      io.out('Name the runtimes you use with --runtime or runtimes.use in .burnrate.yaml.\n');
    }
    const columns = [
      { title: 'kind' },
      { title: 'what' },
      { title: 'tokens', align: 'right' as const },
      { title: 'rule · source' },
    ];
    for (const runtime of context.runtimes) {
      const model = runtime.pricing.ok ? runtime.pricing.rates.modelId : `${runtime.model.value} (no price)`;
      io.out(
        `\n${runtime.name} (${runtime.id}${runtime.mode !== 'default' ? `, ${runtime.mode} mode` : ''}) — ${model} · ${runtime.why}\n`,
      );
      io.out(`  model: ${runtime.model.detail}\n`);
      io.out(`Every request: ${perRequestText(runtime)}\n`);
      const rows = runtimeRows(runtime);
      io.out(renderTable(columns, rows.everyRequest));
      if (rows.sometimes.length > 0) {
        io.out('Scoped, on demand and per use:\n');
        io.out(renderTable(columns, rows.sometimes));
      }
      if (rows.sessions.length > 0) {
        io.out('Agent sessions (each its own context, per session):\n');
        io.out(renderTable(columns, rows.sessions));
      }
      for (const source of rows.sources) io.out(`  ${source}\n`);
      for (const problem of runtime.problems) io.out(`  ! ${problem.message.split('\n')[0]}\n`);
      if (runtime.note) io.out(`  Note: ${runtime.note}\n`);
    }
    io.out(`\n${contextSummaryLine(context)}\n`);
    if (context.skipped.length > 0) {
      io.out(`Skipped ${context.skipped.length} file${context.skipped.length === 1 ? '' : 's'}:\n`);
      for (const s of context.skipped) io.out(`  ${s.path}: ${s.reason}\n`);
    }
    return EXIT_OK;
  },
});

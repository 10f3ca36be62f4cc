import * as fs from 'fs';
import * as path from 'path';
import { defineCommand, EXIT_OK, UsageError } from '../command';
import type { FlagTable } from '../flags';

const FLAGS = {
  root: {
    type: 'string',
    value: 'DIR',
    help: 'the workspace the tools read (default: the current folder); nothing outside it is read',
  },
} as const satisfies FlagTable;

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: 'serve the estimate, diff and context tools to coding agents over MCP (stdio)',
  usage: 'burnrate mcp [options]',
  description: `Speaks the Model Context Protocol on standard input and output, offering three read-only tools:
burnrate_estimate (tokens, $/call, $/month of a file, folder or text), burnrate_diff (the working tree's prompt
cost changes against HEAD) and burnrate_context (what each agent runtime sends on every request). No network, no writes; paths are confined to the workspace.`,
  flags: FLAGS,
  footer: `Add it to an agent:
  Claude Code:  claude mcp add burnrate -- npx burnrate mcp
  Cursor:       .cursor/mcp.json  {"mcpServers": {"burnrate": {"command": "npx", "args": ["burnrate", "mcp"]}}}
  Codex:        ~/.codex/config.toml  [mcp_servers.burnrate]  command = "npx"  args = ["burnrate", "mcp"]`,
  async run({ flags, positionals }, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const root = path.resolve(io.cwd, flags.root ?? '.');
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory())
      throw new UsageError(`--root ${flags.root}: not a folder`);
    // A runtime path, so esbuild leaves the server (and the MCP SDK) in its own bundle, out/mcp.js.
    const bundle = path.join(__dirname, 'mcp.js');
    const server = require(bundle) as typeof import('../mcp/server');
    await server.serveMcp(root);
    return EXIT_OK;
  },
});

// `burnrate mcp`: the agent tools over the Model Context Protocol on stdio, for Claude Code, Cursor, Codex and any
// other MCP client. Its own bundle (out/mcp.js), loaded only by that command, so other commands start without the SDK.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS } from '../../core/agentTools/tools';
import { callTool } from './toolCalls';

export const SERVER_VERSION = '0.1.0';

export async function serveMcp(root: string): Promise<void> {
  const server = new Server(
    { name: 'burnrate', version: SERVER_VERSION },
    {
      capabilities: { tools: {} },
      instructions:
        'Burnrate prices prompt and agent files offline: call burnrate_estimate after editing a prompt, burnrate_diff before committing, burnrate_context for what a runtime sends on every request.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: AGENT_TOOLS.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const result = await callTool(root, request.params.name, request.params.arguments);
    if (!result.ok) return { isError: true, content: [{ type: 'text', text: result.error }] };
    return {
      content: [{ type: 'text', text: JSON.stringify(result.value, null, 2) }],
      structuredContent: result.value as Record<string, unknown>,
    };
  });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  await server.connect(transport);
  await closed;
}

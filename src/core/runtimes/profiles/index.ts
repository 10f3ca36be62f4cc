// Every runtime profile, in the order the CLI and the Agent Context view list them.
import type { RuntimeId, RuntimeProfile } from '../profile';
import { claudeCode } from './claudeCode';
import { cline } from './cline';
import { codex } from './codex';
import { continueDev } from './continueDev';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { geminiCli } from './geminiCli';
import { roo } from './roo';
import { windsurf } from './windsurf';

export const RUNTIME_PROFILES: Readonly<Record<RuntimeId, RuntimeProfile>> = {
  'claude-code': claudeCode,
  copilot,
  cursor,
  codex,
  'gemini-cli': geminiCli,
  cline,
  roo,
  windsurf,
  continue: continueDev,
};

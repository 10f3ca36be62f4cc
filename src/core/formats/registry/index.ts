// The format registry: every prompt-file family Burnrate reads, one module each, in detection order (the first
// family whose `detect` accepts a path owns it, so the more specific places come first). Everything else about
// formats — ids, labels, editor globs, activation events, frontmatter edits, companions, the README table — is
// derived from this list. Adding a family is one module here plus its tests.
import { agentSkill } from './agentSkill';
import { agenticWorkflow } from './agenticWorkflow';
import { alwaysOn } from './alwaysOn';
import { claudeAgent } from './claudeAgent';
import { claudeCommand } from './claudeCommand';
import { clineRule } from './clineRule';
import { continueAgent, continuePrompt, continueRule } from './continueFiles';
import { crewAgents, crewTasks } from './crewai';
import { cursorRule } from './cursorRule';
import { dotprompt } from './dotprompt';
import { geminiCommand } from './geminiCommand';
import { geminiContext } from './geminiContext';
import { githubModels } from './githubModels';
import { messagesJson } from './messagesJson';
import { plainPrompt } from './plainPrompt';
import { promptfoo } from './promptfoo';
import { prompty } from './prompty';
import { rooModes } from './rooModes';
import { rooRule } from './rooRule';
import { semanticKernel } from './semanticKernel';
import { sourceCall } from './sourceCall';
import type { FormatSpec } from './spec';
import { vscodeAgent } from './vscodeAgent';
import { vscodeInstructions } from './vscodeInstructions';
import { vscodePrompt } from './vscodePrompt';
import { windsurfRule } from './windsurfRule';

export const FORMATS = [
  vscodePrompt,
  githubModels,
  vscodeInstructions,
  vscodeAgent,
  agenticWorkflow,
  agentSkill,
  claudeCommand,
  claudeAgent,
  geminiCommand,
  alwaysOn,
  geminiContext,
  cursorRule,
  clineRule,
  windsurfRule,
  rooRule,
  rooModes,
  continueRule,
  continuePrompt,
  continueAgent,
  semanticKernel,
  prompty,
  dotprompt,
  crewAgents,
  crewTasks,
  promptfoo,
  messagesJson,
  sourceCall,
  plainPrompt,
] as const;

export type FormatId = (typeof FORMATS)[number]['id'];

const BY_ID = new Map<string, FormatSpec>(FORMATS.map((spec) => [spec.id, spec]));

export function formatSpec(id: FormatId): FormatSpec<FormatId> {
  return BY_ID.get(id)! as FormatSpec<FormatId>;
}

export const FORMAT_IDS: readonly FormatId[] = FORMATS.map((spec) => spec.id);

export const FORMAT_LABELS: Readonly<Record<FormatId, string>> = Object.fromEntries(
  FORMATS.map((spec) => [spec.id, spec.label]),
) as Record<FormatId, string>;

export type { CompanionReader, FormatSpec, FrontmatterEdit, LoadingKind } from './spec';
export { LOADING_KINDS } from './spec';

// A file's own `burnrate:` block: usage assumptions written next to the prompt, e.g.
//   burnrate: { model: gpt-4.1-mini, callsPerDay: 2000, outputTokens: 400 }
import type { FileUsageHints } from '../types';
import { isServiceTier, SERVICE_TIERS } from '../pricing/serviceTiers';
import { describe, isDict, nonEmptyString, type FieldReader } from './values';

const KNOWN = ['model', 'callsPerDay', 'outputTokens', 'serviceTier'];

/** Reads `burnrate` at the top of `fields` (frontmatter, or the top level of a YAML/JSON config). */
export function readUsageHints(fields: FieldReader): FileUsageHints | undefined {
  const block = fields.value(['burnrate']);
  if (block === undefined || block === null) return undefined;
  if (!isDict(block)) {
    fields.warn(
      ['burnrate'],
      `burnrate: should hold model, callsPerDay and/or outputTokens, found ${describe(block)}: ignored`,
    );
    return undefined;
  }
  const hints: FileUsageHints = {};
  const line = fields.positions.lineAt(['burnrate']);
  if (line !== undefined) hints.line = line;

  const model = block['model'];
  if (model !== undefined) {
    const name = nonEmptyString(model);
    if (name) hints.model = name;
    else fields.warn(['burnrate', 'model'], `burnrate.model should be a model name, found ${describe(model)}: ignored`);
  }
  const calls = block['callsPerDay'];
  if (calls !== undefined) {
    if (typeof calls === 'number' && Number.isFinite(calls) && calls >= 0) hints.callsPerDay = calls;
    else
      fields.warn(
        ['burnrate', 'callsPerDay'],
        `burnrate.callsPerDay should be a number ≥ 0, found ${describe(calls)}: ignored`,
      );
  }
  const output = block['outputTokens'];
  if (output !== undefined) {
    if (typeof output === 'number' && Number.isInteger(output) && output >= 0) hints.outputTokens = output;
    else
      fields.warn(
        ['burnrate', 'outputTokens'],
        `burnrate.outputTokens should be a whole number ≥ 0, found ${describe(output)}: ignored`,
      );
  }
  const tier = block['serviceTier'];
  if (tier !== undefined) {
    if (isServiceTier(tier)) hints.serviceTier = tier;
    else
      fields.warn(
        ['burnrate', 'serviceTier'],
        `burnrate.serviceTier should be one of ${SERVICE_TIERS.join(', ')}, found ${describe(tier)}: ignored`,
      );
  }
  for (const key of Object.keys(block)) {
    if (!KNOWN.includes(key))
      fields.warn(['burnrate', key], `burnrate.${key} is not a known setting (${KNOWN.join(', ')}): ignored`);
  }
  return hints;
}

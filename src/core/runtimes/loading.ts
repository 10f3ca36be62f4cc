// Which of a runtime's rules a file falls under, and — for rules its own frontmatter decides (Cursor alwaysApply and
// globs, Copilot applyTo, Windsurf trigger, Cline / Claude paths, Continue alwaysApply) — how it loads.
import { matchWholePath } from '../glob';
import type { FieldReader } from '../formats/values';
import { RUNTIME_IDS, type FileRule, type RuntimeProfile } from './profile';
import { RUNTIME_PROFILES } from './profiles';

/** The whole workspace-relative path must match (so `CLAUDE.md` is the root file, `**\/CLAUDE.md` any). */
export function matchesPath(glob: string, path: string): boolean {
  return matchWholePath(glob, path);
}

/** Could any runtime load this file, or does it say which runtime the workspace uses? (Walkers keep only these.) */
export function isRuntimePath(path: string): boolean {
  return RUNTIME_IDS.some((id) => {
    const profile = RUNTIME_PROFILES[id];
    return (
      profile.reads.some((rule) => rule.paths.some((glob) => matchesPath(glob, path))) ||
      profile.implies.some((glob) => matchesPath(glob, path))
    );
  });
}

/** The first rule of the profile that reads this path, honouring `unless` (checked against every workspace path). */
export function ruleFor(profile: RuntimeProfile, path: string, allPaths: readonly string[]): FileRule | undefined {
  for (const rule of profile.reads) {
    if (!rule.paths.some((glob) => matchesPath(glob, path))) continue;
    if (rule.unless && allPaths.some((other) => rule.unless!.some((glob) => matchesPath(glob, other)))) continue;
    return rule;
  }
  return undefined;
}

export type FileLoading =
  | { kind: 'always' }
  | { kind: 'scoped'; scope: string }
  | { kind: 'description'; description: string }
  | { kind: 'invocation'; why: string };

const BROAD = new Set(['**', '**/*', '*']);

/**
 * How a rule file loads by its own fields. `unmarked` is what the runtime does with a file that sets none of them:
 * Cursor's .mdc is then manual, Copilot's .instructions.md is only listed, the others apply always.
 */
export function frontmatterLoading(fields: FieldReader | undefined, path: string): FileLoading {
  const description = text(fields?.value(['description']));
  const trigger = text(fields?.value(['trigger']))?.toLowerCase();
  const globs = globsOf(fields);
  if (trigger) {
    if (trigger === 'always_on') return { kind: 'always' };
    if (trigger === 'glob')
      return globs ? scopedOrAlways(globs) : { kind: 'invocation', why: 'trigger: glob without globs' };
    if (trigger === 'model_decision')
      return description
        ? { kind: 'description', description }
        : { kind: 'invocation', why: 'trigger: model_decision without a description' };
    return { kind: 'invocation', why: `trigger: ${trigger} (@-mention)` };
  }
  const always = fields?.value(['alwaysApply']);
  if (always === true || always === 'true') return { kind: 'always' };
  if (globs) return scopedOrAlways(globs);
  const cursor = path.toLowerCase().endsWith('.mdc');
  const copilotInstructions = path.toLowerCase().endsWith('.instructions.md');
  if (always === false || always === 'false' || cursor || copilotInstructions) {
    if (description) return { kind: 'description', description };
    return {
      kind: 'invocation',
      why: cursor
        ? 'no alwaysApply, globs or description: applied only when @-mentioned'
        : 'no applyTo: attached only by hand',
    };
  }
  return { kind: 'always' };
}

function scopedOrAlways(globs: string[]): FileLoading {
  return globs.every((g) => BROAD.has(g)) ? { kind: 'always' } : { kind: 'scoped', scope: globs.join(', ') };
}

function globsOf(fields: FieldReader | undefined): string[] | undefined {
  for (const key of ['applyTo', 'globs', 'paths']) {
    const raw = fields?.value([key]);
    const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
    const globs = list
      ?.filter((g): g is string => typeof g === 'string')
      .map((g) => g.trim())
      .filter((g) => g.length > 0);
    if (globs && globs.length > 0) return globs;
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

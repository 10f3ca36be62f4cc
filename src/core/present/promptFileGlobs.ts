// Glob patterns that cover every path `isPromptPath` accepts, for editors that need to know up front which files to
// ask about (VS Code document selectors, `workspaceContains:` activation). They may match more than `isPromptPath`
// (every `*.json`, for instance): the editor still checks `isPromptPath` before reading a file. A unit test holds the
// two together. Format detection ignores case, so the patterns do too.
import { FORMATS, type FormatSpec } from '../formats/registry';

/** Readable, lower-case patterns, relative to any folder: every format's `globs`, in registry order, without repeats. */
export const PROMPT_FILE_GLOBS: readonly string[] = [
  ...new Set(FORMATS.flatMap((spec: FormatSpec) => (spec.onRequest ? [] : spec.globs))),
];

/**
 * Families read only when asked (SDK calls in source code): their files are many and mostly not prompts, so they are
 * no activation event; the editor registers for them and reads a document only when it is shown and passes the
 * family's pre-check.
 */
export const ON_REQUEST_FILE_GLOBS: readonly string[] = [
  ...new Set(FORMATS.flatMap((spec: FormatSpec) => (spec.onRequest ? spec.globs : []))),
];

/** The patterns to match real paths with: letters become `[xX]` classes, the user's extra globs are added as given. */
export function promptFileMatchGlobs(extraGlobs: readonly string[] = []): string[] {
  const extra = extraGlobs
    .map((glob) =>
      glob
        .trim()
        .replace(/\\/g, '/')
        .replace(/^\.?\/+/, ''),
    )
    .filter((glob) => glob.length > 0)
    .map((glob) => (glob.startsWith('**/') ? glob : `**/${glob}`));
  return [...PROMPT_FILE_GLOBS.map(anyCase), ...extra];
}

/** `**\/claude.md` → `**\/[cC][lL][aA][uU][dD][eE].[mM][dD]` (letters inside an existing `[...]` are left alone). */
export function anyCase(glob: string): string {
  let out = '';
  let inClass = false;
  for (const c of glob) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    out += !inClass && lower !== upper ? `[${lower}${upper}]` : c;
  }
  return out;
}

// Control characters from a repository's text (an escape sequence in a model name, a carriage return in a path, a
// right-to-left override in a title) shown as `\u001b` — also a valid escape inside a JSON string — instead of acting
// on the terminal or reordering what is read. Tab and line feed stay: output is made of lines.

// C0 except tab and line feed, DEL, C1, and the bidirectional embeddings, overrides and isolates (Trojan Source).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

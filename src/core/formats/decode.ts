// Bytes → text for parsing: size limit, binary sniffing, UTF-8 (or UTF-16 with a BOM) decoding, newline
// normalisation. Everything after this works on `\n`-separated text whose line numbers match the editor's.
import type { Problem } from '../types';
import type { Skip } from '../problems/skips';
import { firstInvalidUtf8, lineOfByte } from './utf8';
import { isLfsPointer } from '../files/lfsPointer';
import { err, ok, type Result } from '../result';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type Decoded = Result<{ text: string; problems: Problem[] }, Skip>;

const SNIFF_BYTES = 8192;
// Share of control characters above which a NUL-free file is still treated as binary.
const CONTROL_RATIO_LIMIT = 0.1;

export function decodeText(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return err({ code: 'too-large', limitBytes: maxBytes, sizeBytes: bytes.length });
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    return ok({
      text: normalizeNewlines(text),
      problems: [{ severity: 'info', message: `decoded as ${utf16.toUpperCase()} (byte order mark)` }],
    });
  }
  if (looksBinary(bytes)) return err({ code: 'binary' });
  if (isLfsPointer(bytes)) return err({ code: 'lfs-pointer' });

  const problems: Problem[] = [];
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = lineOfByte(bytes, bad);
    problems.push({
      severity: 'warning',
      message: `not valid UTF-8 (first bad byte on line ${line + 1}): decoded with replacement characters, counts may be slightly off`,
      line,
    });
  }
  // TextDecoder drops a leading UTF-8 BOM by default (ignoreBOM: false).
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return ok({ text: normalizeNewlines(text), problems });
}

/** Text an editor already decoded: the same size limit (in UTF-8 bytes) and newline handling as for bytes. */
export function acceptText(text: string, maxBytes: number = DEFAULT_MAX_BYTES): Decoded {
  // UTF-8 takes 1 to 3 bytes per UTF-16 unit: measure exactly only when the bounds don't settle it.
  const size = text.length > maxBytes || text.length * 3 <= maxBytes ? text.length : utf8Length(text);
  if (size > maxBytes) return err({ code: 'too-large', limitBytes: maxBytes, sizeBytes: utf8Length(text) });
  return ok({ text: normalizeNewlines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), problems: [] });
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** CRLF and lone CR both end a line in VS Code, so turning each into one LF keeps every line number. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export function formatSize(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${trimDecimal(bytes / mb)} MB`;
  if (bytes >= 1024) return `${trimDecimal(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trimDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && !isTextControl(b)) || b === 0x7f) control++;
  }
  return control / sample.length > CONTROL_RATIO_LIMIT;
}

// Tab, LF, VT, FF, CR and ESC (ANSI colours in pasted terminal output) are normal in text files.
function isTextControl(b: number): boolean {
  return b === 0x09 || b === 0x0a || b === 0x0b || b === 0x0c || b === 0x0d || b === 0x1b;
}

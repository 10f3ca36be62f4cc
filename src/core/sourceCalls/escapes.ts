// The value of one escape sequence in a JS or Python string literal (`\n`, `\x41`, `\u{1F600}`, `\N{…}` kept as is).
const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', a: '\x07' };

export function decodeEscape(raw: string): string {
  const body = raw.slice(1);
  if (body.startsWith('\n') || body.startsWith('\r')) return ''; // a line continuation
  const head = body[0] ?? '';
  if (head === 'x' || head === 'u' || head === 'U') {
    const hex = body.slice(1).replace(/[{}]/g, '');
    const code = Number.parseInt(hex, 16);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : raw;
  }
  if (/^[0-7]{2,3}$/.test(body)) return String.fromCharCode(Number.parseInt(body, 8));
  if (head in SIMPLE && body.length === 1) return SIMPLE[head]!;
  return body.length === 1 ? body : raw;
}

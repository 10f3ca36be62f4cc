// Node 20's JSON.parse errors often give no position ("Unexpected token '}', ... is not valid JSON"), so this scanner
// finds where a JSON text first goes wrong. It only validates; values come from JSON.parse.

/** Offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.pos < text.length) throw new SyntaxError();
    return -1;
  } catch {
    return Math.min(scanner.pos, text.length);
  }
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  value(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!number) throw new SyntaxError();
    this.pos += number[0].length;
  }

  private object(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') throw new SyntaxError();
      this.string();
      this.space();
      this.expect(':');
      this.value();
      this.space();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}');
      return;
    }
  }

  private array(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(']');
      return;
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n' || c < ' ') throw new SyntaxError();
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const escape = this.text[this.pos + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) throw new SyntaxError();
          this.pos += 6;
        } else if ('"\\/bfnrt'.includes(escape) && escape !== '') this.pos += 2;
        else throw new SyntaxError();
      } else this.pos++;
    }
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) throw new SyntaxError();
    this.pos++;
  }
}

// Deterministic prompt-like text for the benchmark: markdown prose, lists, tables, code blocks, YAML/JSON snippets,
// some CJK and emoji. Identifiers and numbers are composed at random so that, as in real files, a good share of the
// pieces is unseen (a count that only ever met " the" would flatter every memo).

const WORDS = (
  'the a an and or but if then when while for to of in on at by with from into over under about after before ' +
  'you your we our they their it its this that these those is are was were be been being have has had do does did ' +
  'not no yes all any each every some many much more most few less least only also just very really always never ' +
  'answer question user assistant model prompt token tokens cost budget context window system message tool tools ' +
  'call calls function result results output input data file files code test tests review change changes commit ' +
  'branch merge request error errors warning log logs value values field fields type types name names list item ' +
  'items table row rows column columns query database index cache memory time date day days month year price ' +
  'customer order orders invoice payment account service server client network request response status ' +
  'write read update delete create return explain summarise describe check verify include ensure avoid keep use ' +
  'clear short concise detailed formal friendly polite helpful accurate safe secure private public internal ' +
  'example examples step steps section sections guideline guidelines rule rules format json yaml markdown ' +
  'first second third last next previous final best good bad new old small large fast slow simple complex'
).split(' ');

const CJK = ['请用中文回答这个问题。', '日本語で簡潔に説明してください。', '사용자의 질문에 정확하게 답하세요.'];
const EMOJI = ['✅', '⚠️', '🚀', '👉', '📌', '🔒'];

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private readonly parts: string[] = [];
  length = 0;
  constructor(readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
  text(): string {
    return this.parts.join('');
  }

  word(): string {
    return this.pick(WORDS);
  }
  identifier(): string {
    const words = [this.word(), this.word(), ...(this.chance(0.4) ? [this.word()] : [])];
    if (this.chance(0.5))
      return (
        words.map((w, k) => (k === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('') +
        (this.chance(0.2) ? this.int(100) : '')
      );
    return words.join('_');
  }
  sentence(): string {
    const n = 6 + this.int(18);
    const words: string[] = [];
    for (let k = 0; k < n; k++) {
      let w = this.word();
      const roll = this.random();
      if (roll < 0.04) w = `\`${this.identifier()}\``;
      else if (roll < 0.07) w = String(this.int(100000));
      else if (roll < 0.09) w = `**${w}**`;
      else if (roll < 0.11) w += "'s";
      else if (roll < 0.12) w = "don't";
      else if (roll < 0.14) w += ',';
      words.push(w);
    }
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    return words.join(' ') + this.pick(['.', '.', '.', '?', '!', ':']);
  }
}

function paragraph(w: Writer): void {
  const sentences: string[] = [];
  for (let k = 1 + w.int(5); k > 0; k--) sentences.push(w.sentence());
  if (w.chance(0.05)) sentences.push(w.pick(CJK));
  w.push(sentences.join(' ') + '\n\n');
}

function list(w: Writer): void {
  const numbered = w.chance(0.4);
  for (let k = 1; k <= 2 + w.int(6); k++) {
    const bullet = numbered ? `${k}. ` : w.chance(0.1) ? `- ${w.pick(EMOJI)} ` : '- ';
    w.push(`${w.chance(0.2) ? '  ' : ''}${bullet}${w.sentence()}\n`);
  }
  w.push('\n');
}

function table(w: Writer): void {
  const columns = 2 + w.int(3);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  w.push(row(Array.from({ length: columns }, () => w.word())));
  w.push(row(Array.from({ length: columns }, () => '---')));
  for (let r = 2 + w.int(5); r > 0; r--)
    w.push(row(Array.from({ length: columns }, () => (w.chance(0.4) ? (w.random() * 1000).toFixed(2) : w.word()))));
  w.push('\n');
}

function code(w: Writer): void {
  const python = w.chance(0.4);
  w.push(python ? '```python\n' : '```ts\n');
  let depth = 0;
  for (let k = 4 + w.int(20); k > 0; k--) {
    const indent = (python ? '    ' : '  ').repeat(depth);
    const name = w.identifier();
    const roll = w.random();
    if (roll < 0.15 && depth < 3) {
      w.push(
        python
          ? `${indent}def ${name}(${w.identifier()}, ${w.identifier()}=None):\n`
          : `${indent}export function ${name}(${w.identifier()}: ${w.pick(['string', 'number', 'Item[]', 'Record<string, unknown>'])}) {\n`,
      );
      depth++;
    } else if (roll < 0.25 && depth > 0) {
      depth--;
      if (!python) w.push(`${'  '.repeat(depth)}}\n`);
    } else if (roll < 0.35) {
      w.push(`${indent}${python ? '#' : '//'} ${w.sentence()}\n`);
    } else if (roll < 0.45) {
      w.push(`${indent}${python ? '' : 'const '}${name} = "${w.sentence()}"${python ? '' : ';'}\n`);
    } else {
      w.push(
        `${indent}${python ? '' : 'const '}${name} = ${w.identifier()}(${w.int(1000)}, ${w.identifier()}.${w.identifier()})${python ? '' : ';'}\n`,
      );
    }
  }
  while (!python && depth-- > 0) w.push(`${'  '.repeat(depth)}}\n`);
  w.push('```\n\n');
}

function config(w: Writer): void {
  if (w.chance(0.5)) {
    w.push('```yaml\n');
    for (let k = 2 + w.int(8); k > 0; k--)
      w.push(`${w.chance(0.3) ? '  ' : ''}${w.identifier()}: ${w.chance(0.5) ? w.int(10000) : w.sentence()}\n`);
  } else {
    const entries = Array.from(
      { length: 2 + w.int(6) },
      () => `  "${w.identifier()}": ${w.chance(0.5) ? w.int(10000) : JSON.stringify(w.sentence())}`,
    );
    w.push('```json\n{\n' + entries.join(',\n') + '\n}\n');
  }
  w.push('```\n\n');
}

/** About `size` UTF-16 units of mixed markdown, code and prose; the same text for the same seed. */
export function mixedPromptText(size: number, seed = 1): string {
  const w = new Writer(rng(seed));
  w.push(`---\nmode: agent\nmodel: gpt-4o\ndescription: ${w.sentence()}\n---\n\n`);
  while (w.length < size) {
    w.push(`${'#'.repeat(1 + w.int(3))} ${w.sentence().replace(/[.?!:]$/, '')}\n\n`);
    for (let k = 1 + w.int(4); k > 0; k--) {
      const roll = w.random();
      if (roll < 0.45) paragraph(w);
      else if (roll < 0.65) list(w);
      else if (roll < 0.8) code(w);
      else if (roll < 0.9) config(w);
      else table(w);
    }
  }
  return w.text().slice(0, size);
}

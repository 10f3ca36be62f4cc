// The benchmark's output: one table, a row per figure, with the goal it is held to where there is one.

export interface Row {
  measure: string;
  value: string;
  /** What the value is compared with, e.g. "js-tiktoken encode 1834 ms". */
  reference?: string;
  ratio?: string;
  goal?: string;
  /** Whether the goal is met; undefined when the row has no goal. */
  met?: boolean;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
}

export function renderRows(rows: readonly Row[]): string {
  const header = ['measure', 'value', 'reference', 'ratio', 'goal', 'met'];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.reference ?? '',
    r.ratio ?? '',
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, k) => v.padEnd(widths[k]!))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n') + '\n';
}

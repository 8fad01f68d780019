/** The readable half of the bench output: one aligned row per figure. */

export interface Row {
  readonly key: string;
  readonly value: number | string | boolean | null;
  /** The target, e.g. "<= 20"; empty when the figure has none. */
  readonly target: string;
  /** Whether the target holds; null when there is no target or no figure. */
  readonly holds: boolean | null;
  readonly note: string;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** Prints the rows to stdout under a title line; a null value reads "n/a". */
export function printTable(rows: readonly Row[], title: string): void {
  const cells = rows.map((r) => [
    r.key,
    r.value === null ? 'n/a' : String(r.value),
    r.target,
    r.holds === null ? '' : r.holds ? 'yes' : 'NO',
    r.note,
  ]);
  const header = ['figure', 'value', 'target', 'holds', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  // The note column is last and left ragged.
  const line = (c: readonly string[]): string =>
    c
      .map((x, i) => (i === c.length - 1 ? x : pad(x, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [
    title,
    line(header),
    line(widths.map((w, i) => (i === widths.length - 1 ? '-'.repeat(4) : '-'.repeat(w)))),
    ...cells.map(line),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

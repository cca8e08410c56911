import { FIGURE_KEYS, type FigureKey, type InfoRow, type Values } from './figure.ts';
import { type Status, statusOf, TARGETS } from './targets.ts';

const fmt = (n: number | null | undefined) =>
  n == null ? '—' : Math.abs(n) >= 100 ? String(Math.round(n)) : String(Math.round(n * 100) / 100);

/** The table `npm run bench` prints: figure, value, target, ratio to its baseline, status. */
export function renderTable(opts: {
  values: Values;
  ran: Set<FigureKey>;
  info: InfoRow[];
  missing: Map<FigureKey, string>;
  db: string;
}): { text: string; statuses: Map<FigureKey, Status> } {
  const statuses = new Map<FigureKey, Status>();
  const rows: string[][] = [['figure', 'value', 'target', 'vs baseline', 'status']];
  for (const key of FIGURE_KEYS) {
    const t = TARGETS[key];
    const status = statusOf(key, opts.values, opts.ran.has(key));
    statuses.set(key, status);
    const r = t.ratio?.(opts.values);
    const shown =
      status === 'NOT MEASURED' ? `${status}: ${opts.missing.get(key) ?? 'not measured yet'}` : status;
    rows.push([
      key,
      `${fmt(opts.values[key])} ${opts.values[key] == null ? '' : t.unit}`.trim(),
      t.text,
      r == null ? '—' : `${fmt(r)}×`,
      shown,
    ]);
  }
  for (const i of opts.info) {
    rows.push([
      `  ${i.figure}`,
      `${fmt(i.value)} ${i.value == null ? '' : i.unit}`.trim(),
      '—',
      '—',
      i.note ?? 'INFO',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const text = [
    `database: ${opts.db}`,
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
  return { text, statuses };
}

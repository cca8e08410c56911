import type { DbKind } from './lib/bench-database.ts';

/** The figures `--out` writes, exactly these keys, in this order (issue 7). */
export const FIGURE_KEYS = [
  'relay_p99_ms',
  'e2e_p50_ms',
  'e2e_p99_ms',
  'ingest_events_per_s',
  'raw_insert_per_s',
  'search_p95_ms',
  'search_fulltext_p95_ms',
  'snapshot_ms',
  'push_ms',
  'rss_mb_1000_ws',
  'content_script_gzip_bytes',
  'sidebar_ready_ms',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A measured value, or null when the figure could not be measured (never a made-up number). */
export type Values = Partial<Record<FigureKey, number | null>>;

/** A line of the printed table that is not one of the keys: context such as PGlite's RSS beside PostgreSQL's. */
export interface InfoRow {
  figure: string;
  value: number | null;
  unit: string;
  note?: string;
}

export interface BenchContext {
  db: DbKind;
  /** Logs and profiles of this run. */
  runDir: string;
  /** Kept between runs (.bench-cache/): generated data sets. */
  cacheDir: string;
  /** Scales the timed phases down for quick iterations (BENCH_SCALE, 1 = the figures). */
  scale: number;
  /** Figures measured so far in this run (the e2e figure reads the relay's). */
  values: Values;
  log(line: string): void;
}

export interface FigureResult {
  values: Values;
  info?: InfoRow[];
  /** Why a figure is null, shown in the table ("not measured yet", "no Chromium"...). */
  missing?: string;
}

/** One module per figure (or per figure and its baseline), so the remaining ones plug in one file each. */
export interface Figure {
  name: string;
  keys: FigureKey[];
  /** Other figures this one's target is a ratio to: they run first even under --only. */
  needs?: string[];
  run(ctx: BenchContext): Promise<FigureResult>;
}

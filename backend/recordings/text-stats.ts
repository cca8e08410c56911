import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';

/** A text column's statistics as ANALYZE left them: most common values and the histogram. */
interface ColumnStats {
  common: [value: string, frequency: number][];
  histogram: string[];
  /** The share of rows the histogram stands for (not null, not a common value). */
  histogramShare: number;
}

/** How long the statistics are used before being read again (ANALYZE changes them rarely). */
export const TEXT_STATS_TTL_MS = 10 * 60_000;

/** A share of messages from which a text is common without counting (see `surelyCommon`). */
export const COMMON_SHARE = 0.05;

const kept = new WeakMap<object, { at: number; stats: Promise<ColumnStats[]> }>();

/**
 * Whether the statistics PostgreSQL keeps for the planner (pg_stats, from ANALYZE) already show
 * a substring in at least COMMON_SHARE of the messages of a table — judged as the planner judges a
 * pattern, on the most common values and the histogram's sample. Such a text is common for
 * `text-candidates.ts` beyond doubt (a text under its cap of 1,000 matches in a million messages
 * shows in 5 % of a 100-value sample with a probability under 10⁻⁶), and counting its first
 * thousand matches reads ~500 pages, most of a common word's search. Without statistics (a fresh
 * database: PGlite has no autovacuum to analyze it) the answer is no, and counting decides.
 */
export async function surelyCommon(db: Database, q: string, now = Date.now()): Promise<boolean> {
  let entry = kept.get(db);
  if (!entry || now - entry.at > TEXT_STATS_TTL_MS) {
    entry = { at: now, stats: readStats(db) };
    kept.set(db, entry);
    // A failed read is tried again at the next search.
    entry.stats.catch(() => kept.delete(db));
  }
  const needle = q.toLowerCase();
  return (await entry.stats).some((s) => share(s, needle) >= COMMON_SHARE);
}

function share(stats: ColumnStats, needle: string): number {
  let common = 0;
  for (const [value, frequency] of stats.common)
    if (value.toLowerCase().includes(needle)) common += frequency;
  if (stats.histogram.length < 50) return common;
  let matched = 0;
  for (const value of stats.histogram) if (value.toLowerCase().includes(needle)) matched += 1;
  return common + (matched / stats.histogram.length) * stats.histogramShare;
}

interface Row {
  common_values: string[] | string | null;
  common_freqs: number[] | string | null;
  histogram: string[] | string | null;
  null_frac: number | string;
}

async function readStats(db: Database): Promise<ColumnStats[]> {
  const result = await db.execute(sql`
    select s.most_common_vals::text::text[] as common_values, s.most_common_freqs as common_freqs,
      s.histogram_bounds::text::text[] as histogram, s.null_frac
    from pg_stats s
    where s.schemaname = current_schema()
      and ((s.tablename = 'comments' and s.attname = 'message')
        or (s.tablename = 'messenger_messages' and s.attname = 'text'))`);
  return (result as unknown as { rows: Row[] }).rows.map((r) => {
    const values = textArray(r.common_values);
    const freqs = textArray(r.common_freqs).map(Number);
    const common = values.map((v, i): [string, number] => [v, freqs[i] ?? 0]);
    const commonTotal = common.reduce((sum, [, f]) => sum + f, 0);
    return {
      common,
      histogram: textArray(r.histogram),
      histogramShare: Math.max(0, 1 - Number(r.null_frac) - commonTotal),
    };
  });
}

/** An array as the driver gives it: parsed, or PostgreSQL's text form from drivers that do not parse it. */
function textArray(value: unknown[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  const out: string[] = [];
  // {a,"b c","d \"e\""}: quoted items may hold commas, quotes and backslashes escaped.
  const re = /"((?:[^"\\]|\\.)*)"|([^,{}]+)/g;
  for (const m of value.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

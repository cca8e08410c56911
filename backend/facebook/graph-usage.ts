/**
 * Reads Graph's rate-limit headers (FACEBOOK-PLATFORM.md §5.3). Each is a JSON string of
 * percentages of the budget used:
 * - `X-App-Usage` and the older `X-Page-Usage`: `{call_count, total_cputime, total_time}`;
 * - `X-Business-Use-Case-Usage`: `{"<id>":[{type, call_count, total_cputime, total_time,
 *   estimated_time_to_regain_access}]}`, the last in minutes.
 * Facebook throttles once any value reaches 100. A malformed header is skipped: usage is advice,
 * and a broken hint must never fail the call that carried it.
 */

export interface GraphUsage {
  /** The highest percentage in any readable header; undefined when none was readable. */
  maxPercent?: number;
  /** How long to hold calls: Facebook's own estimate, or a default once a budget is spent. */
  backoffMs?: number;
  /** True from 80 %: pace calls down before Facebook starts refusing them. */
  slowDown: boolean;
}

export const USAGE_HEADERS = ['x-app-usage', 'x-page-usage', 'x-business-use-case-usage'] as const;

/** Wait when a budget is spent but Facebook gave no estimate; limits are rolling, so a minute lets some recover. */
export const EXHAUSTED_BACKOFF_MS = 60_000;
const SLOW_DOWN_PERCENT = 80;
const PERCENT_FIELDS = ['call_count', 'total_cputime', 'total_time'] as const;

interface HeaderSource {
  get(name: string): string | null;
}

export function readGraphUsage(headers: HeaderSource): GraphUsage {
  const entries = USAGE_HEADERS.flatMap((name) => usageEntries(headers.get(name)));
  let maxPercent: number | undefined;
  let regainMinutes = 0;
  for (const entry of entries) {
    for (const field of PERCENT_FIELDS) {
      const value = finiteNumber(entry[field]);
      if (value !== undefined) maxPercent = Math.max(maxPercent ?? 0, value);
    }
    regainMinutes = Math.max(regainMinutes, finiteNumber(entry.estimated_time_to_regain_access) ?? 0);
  }
  const usage: GraphUsage = { slowDown: maxPercent !== undefined && maxPercent >= SLOW_DOWN_PERCENT };
  if (maxPercent !== undefined) usage.maxPercent = maxPercent;
  if (regainMinutes > 0) usage.backoffMs = regainMinutes * 60_000;
  else if (maxPercent !== undefined && maxPercent >= 100) usage.backoffMs = EXHAUSTED_BACKOFF_MS;
  return usage;
}

/** The usage objects in one header: the object itself, or every object listed under a BUC id. */
function usageEntries(header: string | null): Record<string, unknown>[] {
  if (!header) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  const values = Object.values(parsed);
  const isBusinessUseCase = values.length > 0 && values.every(Array.isArray);
  if (!isBusinessUseCase) return [parsed];
  return values.flat().filter(isRecord);
}

function finiteNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

import { type SQL, sql } from 'drizzle-orm';
import type { RecordingsFilter } from '../../shared/api/recordings.ts';
import type { CampaignScope } from '../supervision/scope.ts';

/** Whose recordings a user may read: admins all, supervisors their campaigns, agents their own. */
export type RecordingScope =
  | { kind: 'all' }
  | { kind: 'campaigns'; ids: readonly string[] }
  | { kind: 'agent'; id: string };

export function recordingScope(user: { id: string; role: string }, campaigns: CampaignScope): RecordingScope {
  if (user.role === 'agent') return { kind: 'agent', id: user.id };
  return campaigns === 'all' ? { kind: 'all' } : { kind: 'campaigns', ids: campaigns };
}

/** `2025-03-01` is UTC midnight; a date-time carries its own offset (see shared/api/recordings.ts). */
export function instant(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** ILIKE pattern for a literal substring: `%`, `_` and `\` match themselves. */
export function substringPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE conditions on `interactions i` for the scope and the filters (not `q`), each served by
 * an index: (campaign_id | agent_id, first_queued_at, id), or (first_queued_at, id) for dates alone.
 * Null when the scope is empty: nothing can match.
 */
export function filterConditions(scope: RecordingScope, f: RecordingsFilter): SQL[] | null {
  const where: SQL[] = [];
  if (scope.kind === 'agent') where.push(sql`i.agent_id = ${scope.id}::uuid`);
  if (scope.kind === 'campaigns') {
    if (scope.ids.length === 0) return null;
    where.push(
      sql`i.campaign_id in (${sql.join(
        scope.ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (f.campaignId) where.push(sql`i.campaign_id = ${f.campaignId}::uuid`);
  if (f.agentId) where.push(sql`i.agent_id = ${f.agentId}::uuid`);
  if (f.channel) where.push(sql`i.channel = ${f.channel}`);
  if (f.from) where.push(sql`i.first_queued_at >= ${instant(f.from).toISOString()}::timestamptz`);
  if (f.to) where.push(sql`i.first_queued_at < ${instant(f.to).toISOString()}::timestamptz`);
  return where;
}

/**
 * The stretch of its conversation an interaction owns: from its start (or the beginning, for the
 * conversation's first interaction) until the next interaction of the same chat or thread starts.
 * `lo` and `hi` of `interactions i`, from ONE index-only read of the thread's interactions in
 * interactions_thread_time_idx (each mention of a table costs planning a look at its 13 indexes,
 * and PGlite a system call for each).
 */
const SPAN_BOUNDS = sql`(
  select
    case when min(t.first_queued_at) filter (where t.first_queued_at < i.first_queued_at) is not null
      then i.first_queued_at else '-infinity'::timestamptz end as lo,
    coalesce(min(t.first_queued_at) filter (where t.first_queued_at > i.first_queued_at),
      'infinity'::timestamptz) as hi
  from interactions t
  where t.page_id = i.page_id and t.thread_key = i.thread_key
)`;

/** SPAN_BOUNDS as `span.lo` and `span.hi` for `interactions i`. */
export const SPAN = sql`cross join lateral ${SPAN_BOUNDS} span`;

/** The messages inside `span` of `i`, by channel; `m` is the message row. */
export const FB_MESSAGES = sql`comments m
  where i.channel = 'facebook' and m.thread_id = i.thread_key
    and coalesce(m.created_at, '-infinity'::timestamptz) >= span.lo
    and coalesce(m.created_at, '-infinity'::timestamptz) < span.hi`;
export const CHAT_MESSAGES = sql`messenger_messages m
  where i.channel = 'messenger' and m.page_id = i.page_id and m.psid = i.thread_key
    and m.sent_at >= span.lo and m.sent_at < span.hi`;

/** `q` checked from the interaction's side: its customer's name, or any message it owns. */
export function matchesFromInteraction(pattern: string): SQL {
  return sql`(i.customer_name ilike ${pattern}
    or exists (select 1 from ${FB_MESSAGES} and m.message ilike ${pattern})
    or exists (select 1 from ${CHAT_MESSAGES} and m.text ilike ${pattern}))`;
}

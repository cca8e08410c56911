import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';

/**
 * How many matching messages (per table) and names a rare text may have before the search stops
 * listing them: past this the text is common, and checking the newest interactions one by one
 * finds a page sooner than collecting every match (see `search-recordings.ts`).
 */
export const CANDIDATE_CAP = 1_000;

/**
 * The interactions that own a message matching the pattern, or whose customer's name matches —
 * found from the trigram indexes (comments_message_trgm_idx, messenger_messages_text_trgm_idx,
 * interactions_customer_name_trgm_idx). Each message belongs to the latest interaction of its chat
 * or thread that started at or before it (or, before any, to the first). `null` when any list
 * reached the cap: the text is too common to list this way.
 */
export async function textCandidates(
  db: Database,
  pattern: string,
  cap = CANDIDATE_CAP,
): Promise<string[] | null> {
  const result = await db.execute(sql`
    with fb as (
      select m.page_id, m.thread_id as key, coalesce(m.created_at, '-infinity'::timestamptz) as at
      from comments m where m.message ilike ${pattern} limit ${cap}
    ), chat as (
      select m.page_id, m.psid as key, m.sent_at as at
      from messenger_messages m where m.text ilike ${pattern} limit ${cap}
    ), named as (
      select i.id from interactions i where i.customer_name ilike ${pattern} limit ${cap}
    ), capped as (
      select (select count(*) from fb) >= ${cap} or (select count(*) from chat) >= ${cap}
        or (select count(*) from named) >= ${cap} as yes
    ), owners as (
      -- Skipped (a one-time filter) when the text is common: the ids would not be used.
      select o.id from (select * from fb union all select * from chat) h
      cross join lateral (
        select j.id from interactions j
        where j.page_id = h.page_id and j.thread_key = h.key
        order by (j.first_queued_at <= h.at) desc,
          case when j.first_queued_at <= h.at then j.first_queued_at end desc,
          j.first_queued_at
        limit 1
      ) o
      where not (select yes from capped)
    )
    select (select yes from capped) as capped,
      array(select id::text from owners
            union select id::text from named where not (select yes from capped)) as ids`);
  const [row] = (result as unknown as { rows: { capped: boolean; ids: string[] | string }[] }).rows;
  if (!row) return [];
  if (row.capped) return null;
  return typeof row.ids === 'string' ? parsePgArray(row.ids) : row.ids;
}

/** `{a,b}` as some drivers return a text[] they do not parse. */
function parsePgArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';

/**
 * How many matching messages (per table) and names a rare text may have before the search stops
 * listing them: past this the text is common, and checking the newest interactions one by one
 * finds a page sooner than collecting every match (see `search-recordings.ts`).
 */
export const CANDIDATE_CAP = 1_000;

/**
 * What the trigram indexes say about a text (comments_message_trgm_idx,
 * messenger_messages_text_trgm_idx, interactions_customer_name_trgm_idx):
 * - `messages: 'common'` when a message table has `cap` matches or more: each interaction must
 *   then be checked (names too, which costs nothing beside its messages);
 * - else `ownerIds`, the interactions that own a matching message (each message belongs to the
 *   latest interaction of its chat or thread that started at or before it, or, before any, to the
 *   first), and `names`: the ids whose customer's name matches, or `'common'` when `cap` or more
 *   do — a name is then checked on each interaction, which is cheap: only messages cost reading.
 */
export type TextCandidates =
  | { messages: 'common' }
  | { messages: 'listed'; ownerIds: string[]; names: 'common' | string[] };

/** CANDIDATE_CAP, or other caps for messages and names (tests take each path with a few rows). */
export type CandidateCaps = number | { messages: number; names: number };

export async function textCandidates(
  db: Database,
  pattern: string,
  caps: CandidateCaps = CANDIDATE_CAP,
): Promise<TextCandidates> {
  const { messages: cap, names: nameCap } = typeof caps === 'number' ? { messages: caps, names: caps } : caps;
  const result = await db.execute(sql`
    with fb as (
      select m.page_id, m.thread_id as key, coalesce(m.created_at, '-infinity'::timestamptz) as at
      from comments m where m.message ilike ${pattern} limit ${cap}
    ), chat as (
      select m.page_id, m.psid as key, m.sent_at as at
      from messenger_messages m where m.text ilike ${pattern} limit ${cap}
    ), named as (
      select i.id from interactions i where i.customer_name ilike ${namePattern(pattern)} limit ${nameCap}
    ), capped as (
      select (select count(*) from fb) >= ${cap} or (select count(*) from chat) >= ${cap} as messages
    ), owners as (
      -- Skipped (a one-time filter) when the messages are common: the ids would not be used.
      select o.id from (select * from fb union all select * from chat) h
      cross join lateral (
        select j.id from interactions j
        where j.page_id = h.page_id and j.thread_key = h.key
        order by (j.first_queued_at <= h.at) desc,
          case when j.first_queued_at <= h.at then j.first_queued_at end desc,
          j.first_queued_at
        limit 1
      ) o
      where not (select messages from capped)
    ), names as (
      -- Names are read only when the messages are not common (CASE evaluates lazily).
      select case when (select messages from capped) then null
        else (select count(*) from named) >= ${nameCap} end as common
    )
    select (select messages from capped) as messages_capped,
      (select common from names) as names_capped,
      array(select distinct id::text from owners) as owner_ids,
      array(select id::text from named where not (select common from names)) as name_ids`);
  const [row] = (
    result as unknown as {
      rows: {
        messages_capped: boolean;
        names_capped: boolean | null;
        owner_ids: string[] | string;
        name_ids: string[] | string;
      }[];
    }
  ).rows;
  if (!row || row.messages_capped) return { messages: 'common' };
  return {
    messages: 'listed',
    ownerIds: textArray(row.owner_ids),
    names: row.names_capped ? 'common' : textArray(row.name_ids),
  };
}

/**
 * The pattern as the names' condition gets it. A common name is cheap to count from
 * interactions_customer_name_trgm_idx (a bitmap of at most one entry per interaction), but seeing
 * the pattern the planner counts it by reading interactions until `cap` match, which is slow
 * whenever those rows are not spread evenly over the table (a campaign's customers, a season's
 * names). Given as a sub-select, the pattern is unknown when planning and the trigram index is
 * used — when the text has trigrams at all: one without three letters or digits in a row would
 * scan the whole index, and reading the rows is better then.
 */
function namePattern(pattern: string) {
  return /[\p{L}\p{N}]{3}/u.test(pattern) ? sql`(select ${pattern}::text)` : sql`${pattern}`;
}

/** A text[] as an array; `{a,b}` as some drivers return one they do not parse. */
function textArray(value: string[] | string): string[] {
  if (typeof value !== 'string') return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

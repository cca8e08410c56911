import { type SQL, sql } from 'drizzle-orm';
import type { Recording, RecordingMessage, RecordingsFilter } from '../../shared/api/recordings.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../http/cursor.ts';
import type { Database } from '../store/database.ts';
import {
  CHAT_MESSAGES,
  FB_MESSAGES,
  filterConditions,
  matchesFromInteraction,
  type RecordingScope,
  SPAN,
  substringPattern,
} from './recording-filter.ts';
import { CANDIDATE_CAP, type CandidateCaps, textCandidates } from './text-candidates.ts';
import { surelyCommon } from './text-stats.ts';

export interface SearchOptions {
  cursor?: string | undefined;
  limit: number;
  /** Messages carried per result (oldest first). */
  messageCap: number;
  /** Only this interaction (the transcript). */
  interactionId?: string;
  /** The Facebook post each result hangs on (the transcript shows it; lists do not). */
  withPost?: boolean;
}

export interface SearchPage {
  /** `post` is null unless asked for (`withPost`). */
  results: (Recording & { post: { id: string; message: string; photoUrl: string | null } | null })[];
  nextCursor: string | null;
}

/**
 * The WHERE of a search: scope, filters, and `q` (see `text-candidates.ts`) — from the candidates
 * the trigram indexes list when the text is rare enough (one indexed lookup), else checked per
 * interaction in the page order, where a common text matches within the first rows scanned: the
 * whole check (name and messages) when messages are common, the name alone beside the listed
 * messages' owners when only names are. Null: nothing matches.
 */
export interface Conditions {
  where: SQL[];
  /** The per-interaction text check reads `span` (see SPAN), so the scan must compute it. */
  span: boolean;
  /** How `q` is matched: not at all (no q), from listed ids, by name per row, or all per row. */
  text: 'none' | 'listed' | 'names' | 'checked';
}

export async function searchConditions(
  db: Database,
  scope: RecordingScope,
  filter: RecordingsFilter,
  candidateCaps: CandidateCaps = CANDIDATE_CAP,
): Promise<Conditions | null> {
  const where = filterConditions(scope, filter);
  if (!where) return null;
  if (!filter.q) return { where, span: false, text: 'none' };
  const pattern = substringPattern(filter.q);
  // Statistics showing the text in 5 % of messages make counting its matches pointless.
  const found = (await surelyCommon(db, filter.q))
    ? ({ messages: 'common' } as const)
    : await textCandidates(db, pattern, candidateCaps);
  if (found.messages === 'common')
    return { where: [...where, matchesFromInteraction(pattern)], span: true, text: 'checked' };
  const idList = (list: readonly string[]) =>
    sql`i.id in (${sql.join(
      list.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
  if (found.names === 'common') {
    const name = sql`i.customer_name ilike ${pattern}`;
    const text = found.ownerIds.length ? sql`(${name} or ${idList(found.ownerIds)})` : name;
    return { where: [...where, text], span: false, text: 'names' };
  }
  const ids = [...new Set([...found.ownerIds, ...found.names])];
  if (ids.length === 0) return null;
  return { where: [...where, idList(ids)], span: false, text: 'listed' };
}

function whereOf(conditions: Conditions, extra: SQL[] = []): SQL {
  const all = [...conditions.where, ...extra];
  const span = conditions.span ? SPAN : sql``;
  return all.length ? sql`${span} where ${sql.join(all, sql` and `)}` : span;
}

/**
 * A comment of `i` as a message of a result (`sort_at`: a comment without a time sorts first). The
 * author's name: our agent's, else Facebook's.
 */
const FB_COLUMNS = sql`m.id, coalesce(m.created_at, '-infinity'::timestamptz) as sort_at,
  case when m.agent_id is not null then 'agent' when m.from_page then 'page' else 'customer' end as kind,
  coalesce(m.agent_name, m.from_name) as name, m.agent_id, m.message as text,
  (case when m.photo_url is not null then jsonb_build_array(jsonb_build_object('type', 'image', 'url', m.photo_url)) else '[]'::jsonb end
   || case when m.video_url is not null then jsonb_build_array(jsonb_build_object('type', 'video', 'url', m.video_url)) else '[]'::jsonb end)
    as attachments,
  m.created_at as at, m.removed_at is not null as removed`;

interface Row {
  id: string;
  campaign_id: string;
  campaign_name: string;
  page_id: string;
  page_name: string;
  channel: 'facebook' | 'messenger';
  thread_key: string;
  customer_id: string | null;
  customer_name: string | null;
  state: Recording['interaction']['state'];
  agent_id: string | null;
  agent_name: string | null;
  first_queued_at: Date | string;
  assigned_at: Date | string | null;
  answered_at: Date | string | null;
  ended_at: Date | string | null;
  last_customer_at: Date | string | null;
  messages: RawMessage[] | string | null;
  message_count: number | string;
  post: { id: string; message: string; photo_url: string | null } | string | null;
}

interface RawMessage {
  id: string;
  kind: 'customer' | 'agent' | 'page';
  name: string | null;
  agent_id: string | null;
  text: string | null;
  attachments: { type: string; url?: string }[] | null;
  at: string | null;
  removed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const parsed = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * One page of recordings, newest first on (first_queued_at, id) with a keyset cursor, each with up
 * to `messageCap` of its messages, their count, names and the Facebook post, in ONE query after the
 * text lookup. Shaped for the planner as much as for the executor: the page's interactions come
 * from the filters' index (`page`), each one's span is computed once (`found`, materialized), and
 * everything per result is a scalar subquery of that page rather than a lateral join — eight
 * lateral joins cost PostgreSQL more to plan (join orders) than to run. Names are joined to the
 * page's rows (a scalar sub-select per row would scan each small table once per row: on PGlite
 * every scan asks the file's size, a system call), messages come from the one table of the
 * result's channel, the count is read only when the messages reached the cap (else it is their
 * number), and the post only when asked for.
 */
export async function searchRecordings(
  db: Database,
  scope: RecordingScope,
  filter: RecordingsFilter,
  opts: SearchOptions,
  conditions?: Conditions | null,
): Promise<SearchPage> {
  const found = conditions === undefined ? await searchConditions(db, scope, filter) : conditions;
  if (!found) return { results: [], nextCursor: null };
  const extra: SQL[] = [];
  if (opts.interactionId) extra.push(sql`i.id = ${opts.interactionId}::uuid`);
  if (opts.cursor) {
    const [at, id] = decodeCursor(opts.cursor, ['string', 'string'] as const);
    if (!UUID.test(id) || Number.isNaN(Date.parse(at))) invalidCursor();
    extra.push(sql`(i.first_queued_at, i.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const cap = opts.messageCap;
  if (!Number.isInteger(cap) || cap < 1) throw new Error(`searchRecordings: messageCap ${cap}`);
  // The cap as a literal: FETCH FIRST … WITH TIES takes it so (a parameter needs a cast and parens).
  const firstN = sql.raw(String(cap));
  const result = await db.execute(sql`
    with page as (
      select i.id, i.campaign_id, i.page_id, i.channel, i.thread_key, i.customer_id, i.customer_name,
        i.state, i.agent_id, i.first_queued_at, i.assigned_at, i.answered_at, i.ended_at, i.last_customer_at
      from interactions i
      ${whereOf(found, extra)}
      order by i.first_queued_at desc, i.id desc
      limit ${opts.limit + 1}
    ), found as materialized (
      select i.*, span.lo, span.hi from page i ${SPAN}
    ), listed as materialized (
      select i.*,
        case when i.channel = 'facebook' then (
          select json_agg(x order by x.sort_at, x.id) from (
            select * from (
              (select ${FB_COLUMNS} from comments m
                where m.thread_id = i.thread_key and m.created_at is null and span.lo = '-infinity'::timestamptz
                order by m.id limit ${cap})
              union all
              (select ${FB_COLUMNS} from comments m
                where m.thread_id = i.thread_key and m.created_at >= span.lo and m.created_at < span.hi
                order by m.created_at fetch first ${firstN} rows with ties)
            ) u order by u.sort_at, u.id limit ${cap}) x)
        else (
          select json_agg(x order by x.sort_at, x.id) from (select * from (
            select m.mid as id, m.sent_at as sort_at,
              case when m.direction = 'in' then 'customer' when m.agent_id is not null then 'agent' else 'page' end as kind,
              case when m.direction = 'in' then i.customer_name else m.agent_name end as name, m.agent_id, m.text,
              m.attachments, m.sent_at as at, false as removed
            from ${CHAT_MESSAGES}
            order by m.sent_at fetch first ${firstN} rows with ties
          ) x order by x.sort_at, x.id limit ${cap}) x)
        end as messages
      from found i
      cross join lateral (select i.lo, i.hi) span
    )
    select i.id, i.campaign_id, c.name as campaign_name, i.page_id, p.name as page_name, i.channel,
      i.thread_key, i.customer_id, i.customer_name, i.state, i.agent_id, u.name as agent_name,
      i.first_queued_at, i.assigned_at, i.answered_at, i.ended_at, i.last_customer_at, i.messages,
      case when coalesce(json_array_length(i.messages), 0) < ${cap} then coalesce(json_array_length(i.messages), 0)
        when i.channel = 'facebook' then (select count(*) from ${FB_MESSAGES})
        else (select count(*) from ${CHAT_MESSAGES}) end as message_count,
      ${
        opts.withPost
          ? sql`case when i.channel = 'facebook' then (
        select json_build_object('id', po.id, 'message', po.message, 'photo_url', po.photo_url)
        from comments tc join posts po on po.id = tc.post_id
        where tc.id = i.thread_key
        limit 1) end`
          : sql`null::json`
      } as post
    from listed i
    left join campaigns c on c.id = i.campaign_id
    left join pages p on p.id = i.page_id
    left join users u on u.id = i.agent_id
    cross join lateral (select i.lo, i.hi) span
    order by i.first_queued_at desc, i.id desc`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    results: page.map((r) => toRecording(r)),
    nextCursor:
      rows.length > opts.limit && last
        ? encodeCursor([new Date(last.first_queued_at).toISOString(), last.id])
        : null,
  };
}

function toRecording(r: Row): SearchPage['results'][number] {
  const messages = (parsed<RawMessage[]>(r.messages) ?? []).map(
    (m): RecordingMessage => ({
      id: m.id,
      author: { kind: m.kind, name: m.name, agentId: m.agent_id },
      text: m.text ?? '',
      attachments: (m.attachments ?? []).map((a) => ({ type: a.type, ...(a.url ? { url: a.url } : {}) })),
      at: iso(m.at),
      removed: m.removed,
    }),
  );
  const count = Number(r.message_count);
  const post = parsed<{ id: string; message: string; photo_url: string | null }>(r.post);
  return {
    interaction: {
      id: r.id,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      pageId: r.page_id,
      pageName: r.page_name,
      channel: r.channel,
      threadKey: r.thread_key,
      customerId: r.customer_id,
      customerName: r.customer_name,
      state: r.state,
      agentId: r.agent_id,
      queuedAt: iso(r.first_queued_at)!,
      assignedAt: iso(r.assigned_at),
      answeredAt: iso(r.answered_at),
      endedAt: iso(r.ended_at),
      lastCustomerAt: iso(r.last_customer_at),
    },
    agentName: r.agent_name,
    messages,
    messageCount: count,
    messagesTruncated: count > messages.length,
    post: post ? { id: post.id, message: post.message, photoUrl: post.photo_url } : null,
  };
}

/** How many interactions match (for the export's progress). */
export async function countRecordings(db: Database, conditions: Conditions | null): Promise<number> {
  if (!conditions) return 0;
  const result = await db.execute(sql`select count(*)::int as n from interactions i ${whereOf(conditions)}`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

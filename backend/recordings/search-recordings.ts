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
import { CANDIDATE_CAP, textCandidates } from './text-candidates.ts';

export interface SearchOptions {
  cursor?: string | undefined;
  limit: number;
  /** Messages carried per result (oldest first). */
  messageCap: number;
  /** Only this interaction (the transcript). */
  interactionId?: string;
}

export interface SearchPage {
  results: (Recording & { post: { id: string; message: string; photoUrl: string | null } | null })[];
  nextCursor: string | null;
}

/**
 * The WHERE of a search: scope, filters, and `q` — from the trigram-found candidates when the text
 * is rare enough to list them all (one indexed lookup), else checked per interaction in the page
 * order (a common text matches within the first few interactions scanned). Null: nothing matches.
 */
export interface Conditions {
  where: SQL[];
  /** The per-interaction text check reads `span` (see SPAN), so the scan must compute it. */
  span: boolean;
}

export async function searchConditions(
  db: Database,
  scope: RecordingScope,
  filter: RecordingsFilter,
  candidateCap = CANDIDATE_CAP,
): Promise<Conditions | null> {
  const where = filterConditions(scope, filter);
  if (!where) return null;
  if (!filter.q) return { where, span: false };
  const pattern = substringPattern(filter.q);
  const candidates = await textCandidates(db, pattern, candidateCap);
  if (candidates === null) return { where: [...where, matchesFromInteraction(pattern)], span: true };
  if (candidates.length === 0) return null;
  const ids = sql.join(
    candidates.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return { where: [...where, sql`i.id in (${ids})`], span: false };
}

function whereOf(conditions: Conditions, extra: SQL[] = []): SQL {
  const all = [...conditions.where, ...extra];
  const span = conditions.span ? SPAN : sql``;
  return all.length ? sql`${span} where ${sql.join(all, sql` and `)}` : span;
}

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
 * text lookup: the page's interactions come from the filters' index, then per result a few index
 * probes (its span, its first messages, its count).
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
  const result = await db.execute(sql`
    with found as (
      select i.* from interactions i
      ${whereOf(found, extra)}
      order by i.first_queued_at desc, i.id desc
      limit ${opts.limit + 1}
    )
    select i.id, i.campaign_id, c.name as campaign_name, i.page_id, p.name as page_name, i.channel,
      i.thread_key, i.customer_id, i.customer_name, i.state, i.agent_id, u.name as agent_name,
      i.first_queued_at, i.assigned_at, i.answered_at, i.ended_at, i.last_customer_at,
      msgs.list as messages, counted.n as message_count, post.post
    from found i
    join campaigns c on c.id = i.campaign_id
    join pages p on p.id = i.page_id
    left join users u on u.id = i.agent_id
    ${SPAN}
    cross join lateral (
      select json_agg(x order by x.sort_at, x.id) as list from (
        (select m.id, coalesce(m.created_at, '-infinity'::timestamptz) as sort_at,
            case when m.agent_id is not null then 'agent' when m.from_page then 'page' else 'customer' end as kind,
            coalesce(m.agent_name, m.from_name) as name, m.agent_id, m.message as text,
            (case when m.photo_url is not null then jsonb_build_array(jsonb_build_object('type', 'image', 'url', m.photo_url)) else '[]'::jsonb end
             || case when m.video_url is not null then jsonb_build_array(jsonb_build_object('type', 'video', 'url', m.video_url)) else '[]'::jsonb end)
              as attachments,
            m.created_at as at, m.removed_at is not null as removed
          from ${FB_MESSAGES}
          order by coalesce(m.created_at, '-infinity'::timestamptz), m.id limit ${opts.messageCap})
        union all
        (select m.mid, m.sent_at,
            case when m.direction = 'in' then 'customer' when m.agent_id is not null then 'agent' else 'page' end,
            case when m.direction = 'in' then i.customer_name else m.agent_name end, m.agent_id, m.text,
            m.attachments, m.sent_at, false
          from ${CHAT_MESSAGES}
          order by m.sent_at, m.mid limit ${opts.messageCap})
      ) x
    ) msgs
    cross join lateral (
      select (select count(*) from ${FB_MESSAGES}) + (select count(*) from ${CHAT_MESSAGES}) as n
    ) counted
    left join lateral (
      select json_build_object('id', po.id, 'message', po.message, 'photo_url', po.photo_url) as post
      from comments tc join posts po on po.id = tc.post_id
      where i.channel = 'facebook' and tc.id = i.thread_key
      limit 1
    ) post on true
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

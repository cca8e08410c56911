import { sql } from 'drizzle-orm';
import { summarizeInteraction } from '../domain/stats/summarize.ts';
import type { InteractionState, InteractionSummary, Transition } from '../domain/stats/types.ts';
import type { Database } from '../store/database.ts';
import { uuidArray } from './uuid-array.ts';

/** An interaction the board counts: what a row of the queue shows, and its summary for the metrics. */
export interface DayInteraction {
  id: string;
  campaignId: string;
  channel: 'facebook' | 'messenger';
  state: InteractionState;
  agentId: string | null;
  customerId: string | null;
  customerName: string | null;
  /** `ended_at`: with the state, what decides whether it still belongs to a day (see below). */
  endedAt: number | null;
  summary: InteractionSummary;
}

interface Row {
  id: string;
  campaign_id: string;
  channel: 'facebook' | 'messenger';
  state: InteractionState;
  agent_id: string | null;
  customer_id: string | null;
  customer_name: string | null;
  first_queued_at: Date | string;
  ended_at: Date | string | null;
  /** [state, epoch ms, agent id] in time order (json_agg). */
  transitions: [InteractionState, number | string, string | null][] | string | null;
}

/**
 * Everything a day's metrics can need, for several campaigns in ONE query: the interactions open
 * now (whenever they started: the queue and the chats) and those that ended since `since` (the
 * earliest of the campaigns' local midnights), each with its transitions. An interaction that
 * counts today either is still open or ended today — answered, abandoned and completed all write
 * `ended_at` or leave it open — so nothing older is read. The two halves use the open-thread
 * index and (campaign_id, ended_at).
 */
export async function loadDayInteractions(
  db: Database,
  campaignIds: readonly string[],
  since: Date,
): Promise<Map<string, DayInteraction[]>> {
  const byCampaign = new Map<string, DayInteraction[]>(campaignIds.map((id) => [id, []]));
  if (campaignIds.length === 0) return byCampaign;
  const ids = uuidArray(campaignIds);
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(${FIELDS})), '[]') as rows from (
      select ${COLUMNS}
      from interactions i
      where i.campaign_id = any(${ids}::uuid[])
        and i.state in ('queued', 'offered', 'assigned', 'answered')
      union all
      select ${COLUMNS}
      from interactions i
      where i.campaign_id = any(${ids}::uuid[])
        and i.state not in ('queued', 'offered', 'assigned', 'answered')
        and i.ended_at >= ${since}
    ) d`);
  for (const r of jsonRows(result)) byCampaign.get(r.campaign_id)?.push(dayInteraction(r));
  return byCampaign;
}

/** Some interactions by id, whatever their state and time (an event named them). */
export async function loadInteractionsById(db: Database, ids: readonly string[]): Promise<DayInteraction[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(${FIELDS})), '[]') as rows from (
      select ${COLUMNS} from interactions i where i.id = any(${uuidArray(ids)}::uuid[])
    ) d`);
  return jsonRows(result).map(dayInteraction);
}

/** Whether an interaction counts for a day that began at `since`: open now, or ended since. */
export function inDay(i: DayInteraction, since: number): boolean {
  return OPEN_STATES.has(i.state) || (i.endedAt !== null && i.endedAt >= since);
}

const OPEN_STATES: ReadonlySet<InteractionState> = new Set(['queued', 'offered', 'assigned', 'answered']);

/**
 * The rows come as ONE JSON value: on PGlite every field of every row costs the driver a buffer
 * copy, and a day of 10,000 interactions as rows took ~1 s of the event loop (as JSON, ~0.1 s).
 */
const FIELDS = sql`d.id, d.campaign_id, d.channel, d.state, d.agent_id, d.customer_id, d.customer_name,
  d.first_queued_at, d.ended_at, d.transitions`;

type JsonRow = [
  id: string,
  campaignId: string,
  channel: Row['channel'],
  state: InteractionState,
  agentId: string | null,
  customerId: string | null,
  customerName: string | null,
  firstQueuedAt: string,
  endedAt: string | null,
  transitions: Row['transitions'],
];

function jsonRows(result: unknown): Row[] {
  const [first] = (result as { rows: { rows: JsonRow[] | string }[] }).rows;
  const rows = typeof first?.rows === 'string' ? (JSON.parse(first.rows) as JsonRow[]) : (first?.rows ?? []);
  return rows.map(
    ([
      id,
      campaignId,
      channel,
      state,
      agentId,
      customerId,
      customerName,
      firstQueuedAt,
      endedAt,
      transitions,
    ]) => ({
      id,
      campaign_id: campaignId,
      channel,
      state,
      agent_id: agentId,
      customer_id: customerId,
      customer_name: customerName,
      first_queued_at: firstQueuedAt,
      ended_at: endedAt,
      transitions,
    }),
  );
}

const COLUMNS = sql`i.id, i.campaign_id, i.channel, i.state, i.agent_id, i.customer_id, i.customer_name,
      i.first_queued_at, i.ended_at,
      (select json_agg(json_build_array(t.state, floor(extract(epoch from t.at) * 1000)::bigint, t.agent_id)
                       order by t.at, t.id)
         from interaction_transitions t where t.interaction_id = i.id) as transitions`;

function dayInteraction(r: Row): DayInteraction {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    channel: r.channel,
    state: r.state,
    agentId: r.agent_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    endedAt: r.ended_at === null ? null : new Date(r.ended_at).getTime(),
    summary: summarize(r),
  };
}

function summarize(r: Row): InteractionSummary {
  const raw = typeof r.transitions === 'string' ? JSON.parse(r.transitions) : r.transitions;
  const rows = (raw ?? []) as [InteractionState, number | string, string | null][];
  const transitions: Transition[] = rows.map(([state, at, agentId]) => ({
    interactionId: r.id,
    state,
    at: Number(at),
    agentId,
  }));
  // Every interaction is opened with a `queued` row; should one be missing, it was queued on arrival.
  if (transitions.length === 0)
    transitions.push({ interactionId: r.id, state: 'queued', at: new Date(r.first_queued_at).getTime() });
  return summarizeInteraction(transitions, r.channel);
}

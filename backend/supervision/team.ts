import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';

/** A member of a watched campaign, with the status they set and what they hold anywhere. */
export interface TeamMember {
  campaignId: string;
  agentId: string;
  name: string;
  status: 'offline' | 'available' | 'break';
  breakReason: string | null;
  statusSince: Date | null;
  loginAt: Date | null;
  /** Assigned or answered interactions held now, in any campaign: "busy" is about the agent. */
  heldAnywhere: number;
}

interface Row {
  campaign_id: string;
  user_id: string;
  name: string;
  status: TeamMember['status'] | null;
  break_reason: string | null;
  status_since: Date | string | null;
  login_at: Date | string | null;
  held: number | string;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * The active members of the campaigns with their presence, in one query. What each holds comes
 * from the agent index (interactions_agent_idx on agent_id, state), once per distinct agent.
 */
export async function loadTeam(db: Database, campaignIds: readonly string[]): Promise<TeamMember[]> {
  if (campaignIds.length === 0) return [];
  const ids = sql.join(
    campaignIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with team as (
      select m.campaign_id, m.user_id from campaign_members m where m.campaign_id in (${ids})
    ),
    held as (
      select i.agent_id, count(*)::int as held from interactions i
      where i.agent_id in (select distinct user_id from team) and i.state in ('assigned', 'answered')
      group by i.agent_id
    )
    select t.campaign_id, t.user_id, u.name, p.status, p.break_reason, p.status_since, p.login_at,
      coalesce(h.held, 0) as held
    from team t
    join users u on u.id = t.user_id and u.active
    left join agent_presence p on p.user_id = t.user_id
    left join held h on h.agent_id = t.user_id
    order by u.name, t.user_id`);
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    campaignId: r.campaign_id,
    agentId: r.user_id,
    name: r.name,
    status: r.status ?? 'offline',
    breakReason: r.break_reason,
    statusSince: date(r.status_since),
    loginAt: date(r.login_at),
    heldAnywhere: Number(r.held),
  }));
}

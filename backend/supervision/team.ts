import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { uuidArray } from './uuid-array.ts';

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
 * The active members of the campaigns with their presence and what each holds now, in one query:
 * the held count is one probe of interactions_agent_idx (agent_id, state) per member.
 */
export async function loadTeam(db: Database, campaignIds: readonly string[]): Promise<TeamMember[]> {
  if (campaignIds.length === 0) return [];
  const result = await db.execute(sql`
    select m.campaign_id, m.user_id, u.name, p.status, p.break_reason, p.status_since, p.login_at,
      (select count(*) from interactions i
        where i.agent_id = m.user_id and i.state in ('assigned', 'answered'))::int as held
    from campaign_members m
    join users u on u.id = m.user_id and u.active
    left join agent_presence p on p.user_id = m.user_id
    where m.campaign_id = any(${uuidArray(campaignIds)}::uuid[])
    order by u.name, m.user_id`);
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

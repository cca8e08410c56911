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
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * The active members of the campaigns with their presence (one query), and what each holds now in
 * any campaign (another, over the open interactions only: the open-thread partial index). Both
 * run at once on PostgreSQL's pool.
 */
export async function loadTeam(db: Database, campaignIds: readonly string[]): Promise<TeamMember[]> {
  if (campaignIds.length === 0) return [];
  const [members, held] = await Promise.all([
    db.execute(sql`
      select m.campaign_id, m.user_id, u.name, p.status, p.break_reason, p.status_since, p.login_at
      from campaign_members m
      join users u on u.id = m.user_id and u.active
      left join agent_presence p on p.user_id = m.user_id
      where m.campaign_id = any(${uuidArray(campaignIds)}::uuid[])
      order by u.name, m.user_id`),
    db.execute(sql`
      select i.agent_id, count(*)::int as n from interactions i
      where i.state in ('queued', 'offered', 'assigned', 'answered')
        and i.state in ('assigned', 'answered') and i.agent_id is not null
      group by i.agent_id`),
  ]);
  const heldBy = new Map(
    (held as unknown as { rows: { agent_id: string; n: number }[] }).rows.map((r) => [
      r.agent_id,
      Number(r.n),
    ]),
  );
  return (members as unknown as { rows: Row[] }).rows.map((r) => ({
    campaignId: r.campaign_id,
    agentId: r.user_id,
    name: r.name,
    status: r.status ?? 'offline',
    breakReason: r.break_reason,
    statusSince: date(r.status_since),
    loginAt: date(r.login_at),
    heldAnywhere: heldBy.get(r.user_id) ?? 0,
  }));
}

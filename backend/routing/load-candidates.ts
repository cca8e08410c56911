import { sql } from 'drizzle-orm';
import type { Candidate } from '../domain/routing/types.ts';
import type { Database } from '../store/database.ts';

interface Row {
  user_id: string;
  penalty: number;
  position: number;
  status: string | null;
  active: number;
  last_ended: Date | string | null;
  completed_today: number;
}

/**
 * The campaign's members as routing sees them. `active` counts what occupies the agent in this
 * campaign: assigned and answered interactions, and open ringall offers (an agent being offered one
 * must not get another beyond capacity if they accept).
 */
export async function loadCandidates(db: Database, campaignId: string, dayStart: Date): Promise<Candidate[]> {
  const result = await db.execute(sql`
    select m.user_id, m.penalty, m.position, p.status,
      (select count(*) from interactions i
         where i.campaign_id = ${campaignId} and i.agent_id = m.user_id and i.state in ('assigned', 'answered'))::int
      + (select count(*) from interaction_offers o join interactions i on i.id = o.interaction_id
         where o.agent_id = m.user_id and i.campaign_id = ${campaignId})::int as active,
      (select max(i.ended_at) from interactions i
         where i.campaign_id = ${campaignId} and i.agent_id = m.user_id and i.state = 'completed') as last_ended,
      (select count(*) from interactions i
         where i.campaign_id = ${campaignId} and i.agent_id = m.user_id and i.state = 'completed'
           and i.ended_at >= ${dayStart})::int as completed_today
    from campaign_members m
    join users u on u.id = m.user_id and u.active
    left join agent_presence p on p.user_id = m.user_id
    where m.campaign_id = ${campaignId}`);
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    agentId: r.user_id,
    penalty: r.penalty,
    position: r.position,
    loggedIn: r.status === 'available' || r.status === 'break',
    onBreak: r.status === 'break',
    active: Number(r.active),
    lastEndedAt: r.last_ended ? new Date(r.last_ended).getTime() : null,
    completedToday: Number(r.completed_today),
  }));
}

import { sql } from 'drizzle-orm';
import { HISTORY_READ } from '../domain/routing/strategies.ts';
import type { Candidate, StrategyName } from '../domain/routing/types.ts';
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
 * must not get another beyond capacity if they accept) — counted over the campaign's open work
 * once, not per member. A member's past work (`lastEndedAt`, `completedToday`) is read only when
 * the strategy reads it (HISTORY_READ); otherwise it is left null / 0.
 */
export async function loadCandidates(
  db: Database,
  campaignId: string,
  dayStart: Date,
  strategy: StrategyName,
): Promise<Candidate[]> {
  const reads = new Set(HISTORY_READ[strategy]);
  const lastEnded = reads.has('lastEndedAt')
    ? sql`(select max(i.ended_at) from interactions i
         where i.campaign_id = m.campaign_id and i.agent_id = m.user_id and i.state = 'completed')`
    : sql`null::timestamptz`;
  const completedToday = reads.has('completedToday')
    ? sql`(select count(*) from interactions i
         where i.campaign_id = m.campaign_id and i.agent_id = m.user_id and i.state = 'completed'
           and i.ended_at >= ${dayStart})::int`
    : sql`0`;
  const result = await db.execute(sql`
    select m.user_id, m.penalty, m.position, p.status, coalesce(busy.n, 0)::int as active,
      ${lastEnded} as last_ended, ${completedToday} as completed_today
    from campaign_members m
    join users u on u.id = m.user_id and u.active
    left join agent_presence p on p.user_id = m.user_id
    left join (
      select agent_id, count(*) as n from (
        select i.agent_id from interactions i
          where i.campaign_id = ${campaignId} and i.state in ('assigned', 'answered')
        union all
        select o.agent_id from interaction_offers o join interactions i on i.id = o.interaction_id
          where i.campaign_id = ${campaignId} and i.state = 'offered'
      ) open_work group by agent_id
    ) busy on busy.agent_id = m.user_id
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

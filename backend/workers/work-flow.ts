import { sql } from 'drizzle-orm';
import { Changes, publishChanges } from '../interactions/changes.ts';
import { sweepTimers } from '../interactions/sweeps.ts';
import type { Logger } from '../log/logger.ts';
import { reapSilentAgents } from '../presence/presence.ts';
import type { Emit } from '../realtime/emit.ts';
import { routeCampaign } from '../routing/route-campaign.ts';
import type { Database } from '../store/database.ts';
import { startWorker, type Worker } from './worker-loop.ts';

export interface WorkFlow {
  /** Publishes what a use case changed and routes the campaigns it touched, at once. */
  settle(changes: Changes): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the queues moving: whenever capacity frees or work arrives the touched campaigns are routed
 * immediately ("nothing waits while a member has room"); a tick also routes every campaign with
 * waiting work (schedule openings, other instances' changes) and runs the lifecycle timers.
 */
export function startWorkFlow(deps: {
  db: Database;
  emit: Emit;
  logger: Logger;
  now: () => Date;
  random: () => number;
  tickMs: number;
}): WorkFlow {
  const pending = new Set<string>();
  let lastTick = 0;
  const route = async (campaignId: string) => {
    const outcomes = await routeCampaign(deps.db, campaignId, deps.now(), deps.random);
    const changes = new Changes();
    for (const o of outcomes) {
      if (o.kind === 'assigned') {
        changes.change(o.interactionId);
        if (o.view) changes.known(o.view);
      } else changes.offered.push({ id: o.interactionId, agentIds: o.agentIds });
    }
    await publishChanges(deps.db, deps.emit, changes);
  };
  const router: Worker = startWorker({
    name: 'routing',
    idleMs: deps.tickMs,
    logger: deps.logger,
    round: async () => {
      // Queues first: freed capacity is used at once, whatever the timers do after.
      const asked = [...pending];
      pending.clear();
      // One look for all of them: most asks follow a completion or a status change with nothing
      // waiting, and need neither a round's lock nor its transaction. Work queued after this look
      // asks for a round of its own.
      for (const id of await withQueuedWork(deps.db, asked)) await route(id);
      const now = deps.now();
      if (now.getTime() - lastTick >= deps.tickMs) {
        lastTick = now.getTime();
        const timers = await sweepTimers(deps.db, now);
        timers.merge(await reapSilentAgents(deps.db, now));
        await publishChanges(deps.db, deps.emit, timers);
        for (const c of timers.route) pending.add(c);
        const waiting = await deps.db.execute(
          sql`select distinct campaign_id from interactions where state = 'queued'`,
        );
        for (const r of (waiting as unknown as { rows: { campaign_id: string }[] }).rows)
          pending.add(r.campaign_id);
      }
      return pending.size > 0;
    },
  });
  return {
    async settle(changes) {
      await publishChanges(deps.db, deps.emit, changes);
      if (changes.route.size) {
        for (const c of changes.route) pending.add(c);
        router.wake();
      }
    },
    stop: () => router.stop(),
  };
}

async function withQueuedWork(db: Database, campaignIds: string[]): Promise<string[]> {
  if (campaignIds.length === 0) return [];
  // One probe of the queue index per campaign, however long its queue.
  const result = await db.execute(
    sql`select c.id as campaign_id from (values ${sql.join(
      campaignIds.map((id) => sql`(${id}::uuid)`),
      sql`, `,
    )}) as c(id) where exists (select 1 from interactions i where i.campaign_id = c.id and i.state = 'queued')`,
  );
  const waiting = new Set(
    (result as unknown as { rows: { campaign_id: string }[] }).rows.map((r) => r.campaign_id),
  );
  return campaignIds.filter((id) => waiting.has(id));
}

import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { AgentStatus } from '../../shared/api/interactions.ts';
import { releaseAgentWork } from '../interactions/agent-actions.ts';
import { Changes } from '../interactions/changes.ts';
import type { Database } from '../store/database.ts';
import { agentPresence, campaignMembers } from '../store/schema.ts';

/** How long an agent may have no open socket before counting as logged out. */
export const GRACE_MS = 60_000;

async function memberCampaigns(db: Database, agentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: campaignMembers.campaignId })
    .from(campaignMembers)
    .where(eq(campaignMembers.userId, agentId));
  return rows.map((r) => r.id);
}

/** Available or on break (with a reason). A break keeps current work but takes no new work. */
export async function setStatus(
  db: Database,
  agentId: string,
  next: { status: Exclude<AgentStatus, 'offline'>; reason?: string },
  now: Date,
  actorId: string | null = agentId,
): Promise<Changes> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const breakReason = next.status === 'break' ? (next.reason ?? 'Break') : null;
    await t
      .insert(agentPresence)
      .values({
        userId: agentId,
        status: next.status,
        breakReason,
        statusSince: now,
        loginAt: now,
        lastSeenAt: now,
      })
      .onConflictDoUpdate({
        target: agentPresence.userId,
        set: {
          status: next.status,
          breakReason,
          statusSince: sql`case when ${agentPresence.status} = ${next.status} then ${agentPresence.statusSince} else ${now} end`,
          loginAt: sql`coalesce(${agentPresence.loginAt}, ${now})`,
          lastSeenAt: now,
        },
      });
    const changes =
      next.status === 'break'
        ? await releaseAgentWork(t, agentId, now, { assigned: false, note: 'agent on break', actorId })
        : new Changes();
    changes.presence.add(agentId);
    if (next.status === 'available') for (const c of await memberCampaigns(t, agentId)) changes.route.add(c);
    return changes;
  });
}

/** An agent's socket authenticated: a logged-out agent logs in as available. */
export async function agentConnected(db: Database, agentId: string, now: Date): Promise<Changes> {
  const [row] = await db.select().from(agentPresence).where(eq(agentPresence.userId, agentId));
  if (row && row.status !== 'offline') {
    await db.update(agentPresence).set({ lastSeenAt: now }).where(eq(agentPresence.userId, agentId));
    return new Changes();
  }
  return setStatus(db, agentId, { status: 'available' }, now);
}

/** Sockets still open on this instance keep their agents present. */
export async function heartbeat(db: Database, agentIds: string[], now: Date): Promise<void> {
  if (agentIds.length === 0) return;
  await db.update(agentPresence).set({ lastSeenAt: now }).where(inArray(agentPresence.userId, agentIds));
}

/** Logout (own or forced) or a disconnect past the grace period: offline, unanswered work re-queued. */
export async function goOffline(
  db: Database,
  agentId: string,
  now: Date,
  note: string,
  actorId: string | null,
): Promise<Changes> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [was] = await t
      .update(agentPresence)
      .set({ status: 'offline', breakReason: null, statusSince: now, loginAt: null })
      .where(and(eq(agentPresence.userId, agentId), ne(agentPresence.status, 'offline')))
      .returning({ userId: agentPresence.userId });
    const changes = await releaseAgentWork(t, agentId, now, { assigned: true, note, actorId });
    if (was) changes.presence.add(agentId);
    return changes;
  });
}

/** Agents silent for longer than the grace period (no socket on any instance) go offline. */
export async function reapSilentAgents(db: Database, now: Date): Promise<Changes> {
  const stale = await db
    .select({ userId: agentPresence.userId })
    .from(agentPresence)
    .where(
      and(
        ne(agentPresence.status, 'offline'),
        lt(agentPresence.lastSeenAt, new Date(now.getTime() - GRACE_MS)),
      ),
    );
  const all = new Changes();
  for (const s of stale)
    all.merge(await goOffline(db, s.userId, now, 'disconnected past the grace period', null));
  return all;
}

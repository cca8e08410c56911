import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transcript } from '../../shared/api/interactions.ts';
import { type AgentInfo, type LogoutResult, PAUSED_BY_SUPERVISOR } from '../../shared/api/supervisor.ts';
import { endAllSessions } from '../accounts/sessions.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import { agentMembers } from '../domain/stats/agent-metrics.ts';
import { averageHandleTimeMs } from '../domain/stats/day-outcomes.ts';
import { isWithinDay } from '../domain/stats/day-window.ts';
import { type Changes, presenceView, readPresence } from '../interactions/changes.ts';
import { viewInteraction, viewInteractions } from '../interactions/interaction-view.ts';
import { transcript } from '../interactions/transcript.ts';
import { goOffline, setStatus } from '../presence/presence.ts';
import type { Database } from '../store/database.ts';
import {
  agentPresence,
  campaignMembers,
  campaigns,
  interactions,
  type UserRow,
  users,
} from '../store/schema.ts';
import { recordAudit } from './audit-log.ts';
import { boardStatus } from './board.ts';
import { loadDayInteractions } from './day-data.ts';
import { campaignScope, inScope, watchesAgent, watchesCampaign } from './scope.ts';

type Viewer = Pick<UserRow, 'id' | 'role'>;
/** Refusals the routes turn into errors; outside the viewer's campaigns is NOT_FOUND, never a hint. */
export type Refusal = { ok: false; code: 'NOT_FOUND' | 'OFFLINE' };
export type Done<T> = { ok: true; value: T; changes?: Changes } | Refusal;

/**
 * Spy: the transcript, read-only (nothing is marked read, no state changes), logged once per
 * opening. Live updates are the campaign's events, which reach the supervisors who watch it.
 */
export async function spy(
  db: Database,
  viewer: Viewer,
  interactionId: string,
  now: Date,
): Promise<Done<Transcript>> {
  const found = await viewInteraction(db, interactionId);
  if (!found || !(await watchesCampaign(db, viewer, found.campaignId)))
    return { ok: false, code: 'NOT_FOUND' };
  const value = await transcript(db, interactionId, now);
  if (!value) return { ok: false, code: 'NOT_FOUND' };
  await recordAudit(db, {
    at: now,
    actorId: viewer.id,
    action: 'spy',
    targetUserId: found.agentId,
    interactionId,
    detail: { campaignId: found.campaignId, state: found.state },
  });
  return { ok: true, value };
}

async function watchedAgent(db: Database, viewer: Viewer, agentId: string): Promise<UserRow | undefined> {
  const [agent] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, agentId), eq(users.role, 'agent')))
    .limit(1);
  if (!agent || !(await watchesAgent(db, viewer, agentId))) return undefined;
  return agent;
}

/** Info: who the agent is, where they work (that the viewer watches), what they hold, their day. */
export async function agentInfo(
  db: Database,
  viewer: Viewer,
  agentId: string,
  now: Date,
): Promise<Done<AgentInfo>> {
  const agent = await watchedAgent(db, viewer, agentId);
  if (!agent) return { ok: false, code: 'NOT_FOUND' };
  const scope = await campaignScope(db, viewer);
  const memberOf = (
    await db
      .select({
        id: campaigns.id,
        name: campaigns.name,
        channel: campaigns.channel,
        timeZone: campaigns.timeZone,
      })
      .from(campaignMembers)
      .innerJoin(campaigns, eq(campaigns.id, campaignMembers.campaignId))
      .where(eq(campaignMembers.userId, agentId))
      .orderBy(asc(campaigns.name))
  ).filter((c) => inScope(scope, c.id));
  const ids = memberOf.map((c) => c.id);
  const [presenceRow] = await db
    .select()
    .from(agentPresence)
    .where(eq(agentPresence.userId, agentId))
    .limit(1);
  const presence = presenceRow ? presenceView(presenceRow) : await readPresence(db, agentId);
  const heldAnywhere = await db
    .select({ id: interactions.id, campaignId: interactions.campaignId })
    .from(interactions)
    .where(and(eq(interactions.agentId, agentId), inArray(interactions.state, ['assigned', 'answered'])));
  const held = await viewInteractions(
    db,
    heldAnywhere.filter((h) => ids.includes(h.campaignId)).map((h) => h.id),
  );
  const dayStarts = new Map(memberOf.map((c) => [c.id, startOfLocalDay(now.getTime(), c.timeZone)]));
  const day = await loadDayInteractions(db, ids, new Date(Math.min(now.getTime(), ...dayStarts.values())));
  const today = memberOf.map((c) => {
    const dayStart = dayStarts.get(c.id)!;
    const own = (day.get(c.id) ?? []).map((i) => i.summary).filter((s) => s.agentId === agentId);
    const members = agentMembers({
      agentId,
      status: 'offline',
      statusSince: now.getTime(),
      interactions: own,
      now: now.getTime(),
      dayStart,
    });
    return {
      campaignId: c.id,
      completed: members.completedToday.length,
      answered: own.filter((s) => isWithinDay(s.answeredAt, dayStart, now.getTime())).length,
      ahtMs: averageHandleTimeMs(members.completedToday.filter((s) => s.firstAssignedAt !== undefined)),
    };
  });
  await recordAudit(db, { at: now, actorId: viewer.id, action: 'info', targetUserId: agentId });
  return {
    ok: true,
    value: {
      agent: { id: agent.id, name: agent.name, email: agent.email, active: agent.active },
      status: boardStatus(presence.status, heldAnywhere.length),
      presence,
      loginAt: presenceRow?.loginAt?.toISOString() ?? null,
      lastSeenAt: presenceRow?.lastSeenAt?.toISOString() ?? null,
      campaigns: memberOf.map(({ id, name, channel }) => ({ id, name, channel })),
      interactions: held.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)),
      today,
    },
  };
}

/**
 * Pause: the agent goes on break "paused by supervisor" — current work stays, no new work, open
 * offers go back. An offline agent cannot be paused (they would look logged in).
 */
export async function pauseAgent(db: Database, viewer: Viewer, agentId: string, now: Date) {
  const agent = await watchedAgent(db, viewer, agentId);
  if (!agent) return { ok: false, code: 'NOT_FOUND' } as const;
  const before = await readPresence(db, agentId);
  if (before.status === 'offline') return { ok: false, code: 'OFFLINE' } as const;
  const changes = await setStatus(
    db,
    agentId,
    { status: 'break', reason: PAUSED_BY_SUPERVISOR },
    now,
    viewer.id,
  );
  await recordAudit(db, {
    at: now,
    actorId: viewer.id,
    action: 'pause',
    targetUserId: agentId,
    detail: { previousStatus: before.status, previousReason: before.breakReason },
  });
  return { ok: true, value: await readPresence(db, agentId), changes } as const;
}

/**
 * Logout: every session of the agent ends (their sockets close once `user.sessions-ended` is out,
 * and no reconnect can log them back in), they go offline, their offers are withdrawn and their
 * assigned-but-unanswered work returns to the queue at its place. Answered work stays theirs (see
 * shared/api/supervisor.ts): the customer is mid-conversation with them.
 */
export async function logoutAgent(db: Database, viewer: Viewer, agentId: string, now: Date) {
  const agent = await watchedAgent(db, viewer, agentId);
  if (!agent) return { ok: false, code: 'NOT_FOUND' } as const;
  await endAllSessions(db, agentId);
  const changes = await goOffline(db, agentId, now, 'logged out by a supervisor', viewer.id);
  const requeued = [...changes.changed].filter(([, previous]) => previous === agentId).map(([id]) => id);
  const kept = (
    await db
      .select({ id: interactions.id })
      .from(interactions)
      .where(and(eq(interactions.agentId, agentId), eq(interactions.state, 'answered')))
  ).map((r) => r.id);
  await recordAudit(db, {
    at: now,
    actorId: viewer.id,
    action: 'logout',
    targetUserId: agentId,
    detail: { requeued, kept },
  });
  const value: LogoutResult = { presence: await readPresence(db, agentId), requeued, kept };
  return { ok: true, value, changes } as const;
}

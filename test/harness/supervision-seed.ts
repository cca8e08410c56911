import { randomUUID } from 'node:crypto';
import type { Database } from '../../backend/store/database.ts';
import {
  agentPresence,
  campaignMembers,
  campaignSupervisors,
  campaigns,
  comments,
  interactions,
  interactionTransitions,
  messengerMessages,
  pages,
} from '../../backend/store/schema.ts';
import type { InteractionState } from '../../shared/api/interactions.ts';

/**
 * Direct inserts for the supervision tests: a Page, campaigns with members and supervisors, and
 * interactions with the transitions and messages a real run would have written, at chosen instants.
 */
let pageCounter = 0;

export async function seedPage(db: Database, name = 'Seed Shop'): Promise<string> {
  pageCounter += 1;
  const id = `${9_000_000 + pageCounter}${process.pid}`;
  await db.insert(pages).values({ id, name, tokenCiphertext: 'x' });
  return id;
}

export async function seedCampaign(
  db: Database,
  input: {
    pageId: string;
    name: string;
    channel?: 'facebook' | 'messenger';
    timeZone?: string;
    thresholds?: { serviceLevel: number; dropout: number; chatTime: number; acd: number };
    agents?: string[];
    supervisors?: string[];
  },
): Promise<string> {
  const [row] = await db
    .insert(campaigns)
    .values({
      name: input.name,
      pageId: input.pageId,
      channel: input.channel ?? 'facebook',
      strategy: 'linear',
      timeZone: input.timeZone ?? 'UTC',
      thresholds: input.thresholds ?? { serviceLevel: 60, dropout: 900, chatTime: 1800, acd: 10 },
    })
    .returning({ id: campaigns.id });
  const id = row!.id;
  const agents = input.agents ?? [];
  if (agents.length)
    await db
      .insert(campaignMembers)
      .values(agents.map((userId, position) => ({ campaignId: id, userId, position })));
  const sups = input.supervisors ?? [];
  if (sups.length)
    await db.insert(campaignSupervisors).values(sups.map((userId) => ({ campaignId: id, userId })));
  return id;
}

export async function seedPresence(
  db: Database,
  userId: string,
  status: 'offline' | 'available' | 'break',
  since: Date,
  breakReason: string | null = null,
) {
  await db
    .insert(agentPresence)
    .values({
      userId,
      status,
      breakReason,
      statusSince: since,
      loginAt: status === 'offline' ? null : since,
      lastSeenAt: since,
    })
    .onConflictDoUpdate({ target: agentPresence.userId, set: { status, breakReason, statusSince: since } });
}

export interface SeedStep {
  state: InteractionState;
  at: Date;
  agentId?: string;
}

/** An interaction whose row agrees with its transitions (the last step decides state and agent). */
export async function seedInteraction(
  db: Database,
  input: {
    campaignId: string;
    pageId: string;
    channel?: 'facebook' | 'messenger';
    threadKey?: string;
    customerId?: string;
    customerName?: string | null;
    steps: SeedStep[];
  },
): Promise<string> {
  const steps = input.steps;
  const last = steps[steps.length - 1]!;
  const first = steps[0]!;
  const find = (s: InteractionState) => steps.findLast((t) => t.state === s)?.at ?? null;
  const ended = ['completed', 'abandoned', 'expired'].includes(last.state) ? last.at : null;
  const holder = steps.findLast((t) => t.agentId)?.agentId ?? null;
  const inQueue = last.state === 'queued' || last.state === 'offered';
  const [row] = await db
    .insert(interactions)
    .values({
      campaignId: input.campaignId,
      pageId: input.pageId,
      channel: input.channel ?? 'facebook',
      threadKey: input.threadKey ?? randomUUID(),
      customerId: input.customerId ?? null,
      customerName: input.customerName ?? null,
      state: last.state,
      agentId: inQueue ? null : holder,
      firstQueuedAt: first.at,
      assignedAt: inQueue ? null : find('assigned'),
      answeredAt: find('answered'),
      endedAt: ended,
      lastCustomerAt: first.at,
    })
    .returning({ id: interactions.id });
  const id = row!.id;
  await db
    .insert(interactionTransitions)
    .values(steps.map((s) => ({ interactionId: id, state: s.state, at: s.at, agentId: s.agentId ?? null })));
  return id;
}

/** A Facebook thread's comments: the first is the top comment (its id is the thread key). */
export async function seedComments(
  db: Database,
  input: {
    pageId: string;
    threadKey: string;
    comments: {
      message: string;
      at: Date;
      fromName?: string;
      agentId?: string;
      agentName?: string;
      photoUrl?: string;
    }[];
  },
) {
  const postId = `${input.pageId}_post`;
  await db.insert(comments).values(
    input.comments.map((c, n) => ({
      id: n === 0 ? input.threadKey : `${input.threadKey}_${n}`,
      pageId: input.pageId,
      postId,
      parentId: n === 0 ? postId : input.threadKey,
      threadId: input.threadKey,
      fromId: c.agentId ? input.pageId : 'customer',
      fromName: c.agentId ? 'Page' : (c.fromName ?? 'Customer'),
      fromPage: Boolean(c.agentId),
      message: c.message,
      photoUrl: c.photoUrl ?? null,
      createdAt: c.at,
      agentId: c.agentId ?? null,
      agentName: c.agentName ?? null,
    })),
  );
}

/** A Messenger chat's messages with one person. */
export async function seedChat(
  db: Database,
  input: {
    pageId: string;
    psid: string;
    messages: {
      text: string;
      at: Date;
      out?: boolean;
      agentId?: string;
      agentName?: string;
      imageUrl?: string;
    }[];
  },
) {
  await db.insert(messengerMessages).values(
    input.messages.map((m) => ({
      mid: `m_${randomUUID()}`,
      pageId: input.pageId,
      psid: input.psid,
      direction: m.out ? ('out' as const) : ('in' as const),
      text: m.text,
      attachments: m.imageUrl ? [{ type: 'image', url: m.imageUrl }] : [],
      sentAt: m.at,
      agentId: m.agentId ?? null,
      agentName: m.agentName ?? null,
    })),
  );
}

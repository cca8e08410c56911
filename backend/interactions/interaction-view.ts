import { eq, inArray } from 'drizzle-orm';
import type { InteractionView } from '../../shared/api/interactions.ts';
import type { Database } from '../store/database.ts';
import { campaigns, interactions, pages } from '../store/schema.ts';

type Row = typeof interactions.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Interactions with their campaign and Page names, as agents and supervisors see them. */
export async function viewInteractions(db: Database, ids: string[]): Promise<InteractionView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ i: interactions, campaignName: campaigns.name, pageName: pages.name })
    .from(interactions)
    .innerJoin(campaigns, eq(campaigns.id, interactions.campaignId))
    .innerJoin(pages, eq(pages.id, interactions.pageId))
    .where(inArray(interactions.id, ids));
  return rows.map((r) => toView(r.i, r.campaignName, r.pageName));
}

export async function viewInteraction(db: Database, id: string): Promise<InteractionView | undefined> {
  return (await viewInteractions(db, [id]))[0];
}

export function toView(i: Row, campaignName: string, pageName: string): InteractionView {
  return {
    id: i.id,
    campaignId: i.campaignId,
    campaignName,
    pageId: i.pageId,
    pageName,
    channel: i.channel,
    threadKey: i.threadKey,
    customerId: i.customerId,
    customerName: i.customerName,
    state: i.state,
    agentId: i.agentId,
    queuedAt: i.firstQueuedAt.toISOString(),
    assignedAt: iso(i.assignedAt),
    answeredAt: iso(i.answeredAt),
    endedAt: iso(i.endedAt),
    lastCustomerAt: iso(i.lastCustomerAt),
  };
}

/** An interactions row as raw SQL returns it (snake_case), with its campaign and Page names. */
export interface InteractionRow {
  id: string;
  campaign_id: string;
  campaign_name: string;
  page_id: string;
  page_name: string;
  channel: 'facebook' | 'messenger';
  thread_key: string;
  customer_id: string | null;
  customer_name: string | null;
  state: Row['state'];
  agent_id: string | null;
  first_queued_at: Date | string;
  assigned_at: Date | string | null;
  answered_at: Date | string | null;
  ended_at: Date | string | null;
  last_customer_at: Date | string | null;
}

const isoOf = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The view of a row read with raw SQL (a statement that changed it and returned it). */
export function viewOfRow(r: InteractionRow): InteractionView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    pageId: r.page_id,
    pageName: r.page_name,
    channel: r.channel,
    threadKey: r.thread_key,
    customerId: r.customer_id,
    customerName: r.customer_name,
    state: r.state,
    agentId: r.agent_id,
    queuedAt: new Date(r.first_queued_at).toISOString(),
    assignedAt: isoOf(r.assigned_at),
    answeredAt: isoOf(r.answered_at),
    endedAt: isoOf(r.ended_at),
    lastCustomerAt: isoOf(r.last_customer_at),
  };
}

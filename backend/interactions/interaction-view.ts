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

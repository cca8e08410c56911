import type { Campaign } from '../../shared/api/campaigns.ts';
import { isOpen } from '../domain/schedule/is-open.ts';
import type { ScheduleRow } from '../domain/schedule/types.ts';
import type { campaigns, pages } from '../store/schema.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
type PageRow = typeof pages.$inferSelect;

export function toCampaign(
  row: CampaignRow,
  page: Pick<PageRow, 'name' | 'health' | 'healthReason'>,
  members: { userId: string; name: string; penalty: number; position: number }[],
  supervisors: { userId: string; name: string }[],
  now: Date,
): Campaign {
  return {
    id: row.id,
    name: row.name,
    pageId: row.pageId,
    pageName: page.name,
    pageHealth: page.health,
    pageHealthReason: page.healthReason,
    channel: row.channel,
    strategy: row.strategy,
    schedule: row.schedule as Campaign['schedule'],
    timeZone: row.timeZone,
    thresholds: row.thresholds,
    maxInteractionsPerAgent: row.maxPerAgent,
    enabled: row.enabled,
    cannedResponses: row.cannedResponses,
    members: [...members].sort((a, b) => a.position - b.position),
    supervisorIds: supervisors.map((s) => s.userId),
    supervisors: supervisors.map(({ userId, name }) => ({ userId, name })),
    openNow: isOpen(row.schedule as ScheduleRow[], row.timeZone, now.getTime()),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

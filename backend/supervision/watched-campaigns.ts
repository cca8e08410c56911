import { asc, eq, inArray } from 'drizzle-orm';
import type { Channel, Thresholds } from '../../shared/api/campaigns.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import type { Database } from '../store/database.ts';
import { campaigns, pages } from '../store/schema.ts';
import type { CampaignScope } from './scope.ts';

export interface WatchedCampaign {
  id: string;
  name: string;
  channel: Channel;
  pageId: string;
  pageName: string;
  pageHealth: 'active' | 'invalid';
  timeZone: string;
  schedule: { weekday: number; from: string; to: string }[];
  thresholds: Thresholds;
  enabled: boolean;
  /** The campaign's local midnight today (DOMAIN: "today" in the campaign's time zone), epoch ms. */
  dayStart: number;
}

/** The campaigns in a scope, by name, each with its "today". */
export async function loadWatchedCampaigns(
  db: Database,
  scope: CampaignScope,
  now: Date,
): Promise<WatchedCampaign[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await db
    .select({ c: campaigns, pageName: pages.name, pageHealth: pages.health })
    .from(campaigns)
    .innerJoin(pages, eq(pages.id, campaigns.pageId))
    .where(scope === 'all' ? undefined : inArray(campaigns.id, [...scope]))
    .orderBy(asc(campaigns.name), asc(campaigns.id));
  return rows.map(({ c, pageName, pageHealth }) => ({
    id: c.id,
    name: c.name,
    channel: c.channel,
    pageId: c.pageId,
    pageName,
    pageHealth,
    timeZone: c.timeZone,
    schedule: c.schedule,
    thresholds: c.thresholds,
    enabled: c.enabled,
    dayStart: startOfLocalDay(now.getTime(), c.timeZone),
  }));
}

/** The earliest "today" of several campaigns: reading from there covers each one's day. */
export function earliestDayStart(watched: readonly WatchedCampaign[], now: Date): Date {
  return new Date(Math.min(now.getTime(), ...watched.map((c) => c.dayStart)));
}

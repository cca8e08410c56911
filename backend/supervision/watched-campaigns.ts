import { sql } from 'drizzle-orm';
import type { Channel, Thresholds } from '../../shared/api/campaigns.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import type { Database } from '../store/database.ts';
import type { CampaignScope } from './scope.ts';
import { uuidArray } from './uuid-array.ts';

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

/**
 * The campaigns in a scope, by name, each with its "today" — only what the board shows, as ONE
 * JSON value (on PGlite every field of every row costs the driver a buffer copy; the board reads
 * these again every few seconds, see day-source.ts).
 */
export async function loadWatchedCampaigns(
  db: Database,
  scope: CampaignScope,
  now: Date,
): Promise<WatchedCampaign[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(c.id, c.name, c.channel, c.page_id, p.name, p.health,
        c.time_zone, c.schedule, c.thresholds, c.enabled) order by c.name, c.id), '[]') as campaigns
    from campaigns c join pages p on p.id = c.page_id
    ${scope === 'all' ? sql`` : sql`where c.id = any(${uuidArray(scope)}::uuid[])`}`);
  const [row] = (result as unknown as { rows: { campaigns: CampaignRow[] | string }[] }).rows;
  const rows =
    typeof row?.campaigns === 'string' ? (JSON.parse(row.campaigns) as CampaignRow[]) : row?.campaigns;
  return (rows ?? []).map(
    ([id, name, channel, pageId, pageName, pageHealth, timeZone, schedule, thresholds, enabled]) => ({
      id,
      name,
      channel,
      pageId,
      pageName,
      pageHealth,
      timeZone,
      schedule,
      thresholds,
      enabled,
      dayStart: startOfLocalDay(now.getTime(), timeZone),
    }),
  );
}

type CampaignRow = [
  id: string,
  name: string,
  channel: Channel,
  pageId: string,
  pageName: string,
  pageHealth: WatchedCampaign['pageHealth'],
  timeZone: string,
  schedule: WatchedCampaign['schedule'],
  thresholds: Thresholds,
  enabled: boolean,
];

/** The earliest "today" of several campaigns: reading from there covers each one's day. */
export function earliestDayStart(watched: readonly WatchedCampaign[], now: Date): Date {
  return new Date(Math.min(now.getTime(), ...watched.map((c) => c.dayStart)));
}

import type { DomainEventType } from '../../shared/events.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import type { Database } from '../store/database.ts';
import { type DayInteraction, loadDayInteractions } from './day-data.ts';
import type { CampaignScope } from './scope.ts';
import { loadTeam, type TeamMember } from './team.ts';
import { earliestDayStart, loadWatchedCampaigns, type WatchedCampaign } from './watched-campaigns.ts';

/** What the board is computed from: the rows, before any clock-dependent number. */
export interface DaySource {
  loadedAt: number;
  campaigns: WatchedCampaign[];
  interactions: Map<string, DayInteraction[]>;
  team: TeamMember[];
}

/** Three queries whatever the number of campaigns and agents (see day-data.ts and team.ts). */
export async function readDaySource(db: Database, scope: CampaignScope, now: Date): Promise<DaySource> {
  const campaigns = await loadWatchedCampaigns(db, scope, now);
  const ids = campaigns.map((c) => c.id);
  const [interactions, team] = await Promise.all([
    loadDayInteractions(db, ids, earliestDayStart(campaigns, now)),
    loadTeam(db, ids),
  ]);
  return { loadedAt: now.getTime(), campaigns, interactions, team };
}

/** Events that cannot change a board: new messages, reply deliveries, who is viewing, a new Page. */
const IRRELEVANT: ReadonlySet<DomainEventType> = new Set([
  'interaction.message',
  'reply.status',
  'interaction.viewer',
  'page.linked',
]);

/** Longest a cached source is used without any event: changes that emit none (a user renamed) show by then. */
export const DAY_SOURCE_TTL_MS = 5_000;

/**
 * The rows of every campaign's day, read once and shared by every supervisor's board until an event
 * says the work changed (any instance's: events travel through NOTIFY) or DAY_SOURCE_TTL_MS
 * passes. Each board still computes its numbers at its own `now`, so times, dropout and chat time
 * stay exact. Concurrent requests share one read, but never one that began before the latest
 * change. Under steady traffic the cache is mostly invalid and boards read as before; when quiet
 * (a wall screen, supervisors connecting) a board costs only its computation.
 */
export class DaySourceCache {
  private generation = 0;
  private cached: { generation: number; source: DaySource } | undefined;
  private reading: { generation: number; promise: Promise<DaySource> } | undefined;

  constructor(bus: EventBus) {
    bus.subscribe((event) => {
      if (!IRRELEVANT.has(event.type)) this.invalidate();
    });
  }

  /** After a write by this process whose event may not have come back yet. */
  invalidate() {
    this.generation += 1;
    this.cached = undefined;
  }

  async get(db: Database, now: Date): Promise<DaySource> {
    const { cached, generation } = this;
    const age = cached ? now.getTime() - cached.source.loadedAt : Number.POSITIVE_INFINITY;
    if (cached && cached.generation === generation && age >= 0 && age < DAY_SOURCE_TTL_MS)
      return cached.source;
    if (this.reading?.generation === generation) return this.reading.promise;
    const promise = readDaySource(db, 'all', now);
    const reading = { generation, promise };
    this.reading = reading;
    try {
      const source = await promise;
      if (this.generation === generation) this.cached = { generation, source };
      return source;
    } finally {
      if (this.reading === reading) this.reading = undefined;
    }
  }
}

const byBus = new WeakMap<EventBus, DaySourceCache>();

/** One cache per event bus, that is per running app (tests run several apps in one process). */
export function daySourceCacheFor(bus: EventBus): DaySourceCache {
  let cache = byBus.get(bus);
  if (!cache) {
    cache = new DaySourceCache(bus);
    byBus.set(bus, cache);
  }
  return cache;
}

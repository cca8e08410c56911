import type { DomainEvent } from '../../shared/events.ts';
import type { InteractionSummary } from '../domain/stats/types.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import type { Database } from '../store/database.ts';
import { type DayInteraction, inDay, loadDayInteractions, loadInteractionsById } from './day-data.ts';
import { type CampaignScope, campaignScope } from './scope.ts';
import { loadMembers, loadPresence, loadTeam, type Member, type TeamMember } from './team.ts';
import { earliestDayStart, loadWatchedCampaigns, type WatchedCampaign } from './watched-campaigns.ts';

/** What the board is computed from: the rows, before any clock-dependent number. */
export interface DaySource {
  loadedAt: number;
  campaigns: WatchedCampaign[];
  interactions: Map<string, DayInteraction[]>;
  /** The summaries of `interactions`, in the same order (built once, not at every board). */
  summaries: Map<string, InteractionSummary[]>;
  team: TeamMember[];
  /** `team` by campaign id. */
  teams: Map<string, TeamMember[]>;
}

/** Three queries whatever the number of campaigns and agents (see day-data.ts and team.ts). */
export async function readDaySource(db: Database, scope: CampaignScope, now: Date): Promise<DaySource> {
  const campaigns = await loadWatchedCampaigns(db, scope, now);
  const ids = campaigns.map((c) => c.id);
  const [interactions, team] = await Promise.all([
    loadDayInteractions(db, ids, earliestDayStart(campaigns, now)),
    loadTeam(db, ids),
  ]);
  return daySource(now.getTime(), campaigns, interactions, team);
}

function daySource(
  loadedAt: number,
  campaigns: WatchedCampaign[],
  interactions: Map<string, DayInteraction[]>,
  team: TeamMember[],
  previous?: DaySource,
): DaySource {
  const summaries = new Map<string, InteractionSummary[]>();
  for (const [id, list] of interactions)
    summaries.set(
      id,
      (previous?.interactions.get(id) === list && previous.summaries.get(id)) || list.map((i) => i.summary),
    );
  const teams = new Map<string, TeamMember[]>();
  for (const t of team) {
    const list = teams.get(t.campaignId);
    if (list) list.push(t);
    else teams.set(t.campaignId, [t]);
  }
  // A campaign's team list is the previous one when all its members are the same objects.
  for (const [id, list] of teams) {
    const was = previous?.teams.get(id);
    if (was && was.length === list.length && was.every((t, i) => t === list[i])) teams.set(id, was);
  }
  return { loadedAt, campaigns, interactions, summaries, team, teams };
}

/** Longest names, memberships and campaign settings are used without a re-read (they change without events). */
export const DAY_SOURCE_TTL_MS = 5_000;

/** How long after a board events are read as they come (see `updateSoon`). */
const WATCHED_MS = 60_000;

/**
 * Events of this long are read together: routing rounds emit offers and assignments in bursts, and
 * one read of their interactions beats one per round (a client refetches ~500 ms after an event).
 */
const EVENT_BATCH_MS = 25;

/** What events and time have made stale since the rows were last brought up to date. */
interface Stale {
  everything: boolean;
  campaigns: boolean;
  members: boolean;
  /** Campaigns whose day is read again whole (a campaign changed). */
  days: Set<string>;
  interactions: Set<string>;
  agents: Set<string>;
}

const nothingStale = (): Stale => ({
  everything: false,
  campaigns: false,
  members: false,
  days: new Set(),
  interactions: new Set(),
  agents: new Set(),
});

/**
 * The day of every campaign, kept in memory for every supervisor's board and brought up to date
 * from the events the bus already carries (any instance's: events travel through NOTIFY), instead
 * of reading every campaign's day again after each change:
 * - `interaction.*` naming an interaction: that interaction is read again (with its transitions);
 * - `agent.status`: that agent's presence is read again;
 * - `campaign.changed`: the campaigns, the members and that campaign's day are read again;
 * - `page.*`: the campaigns (Page names and health); `user.sessions-ended`: the members.
 * Each board waits for what the events before it made stale (one small query per kind, whatever
 * their number), never for what comes after. Names, memberships and campaign settings may also
 * change without an event (a renamed user): they are read again in the background when older than
 * DAY_SOURCE_TTL_MS. What counts "today" moves with each board's `now` (see board.ts); the rows of
 * a day that has passed are dropped from memory when the earliest midnight moves. Code that writes
 * work rows WITHOUT emitting an event (tests seeding the database) must call `invalidate()`.
 *
 * Every update makes a new DaySource (sharing what did not change), so a board computing from one
 * never sees it change underneath.
 */
export class DaySourceCache {
  private source: DaySource | undefined;
  /** Members and their presence (team = these + what each holds, counted from the rows). */
  private members: Member[] = [];
  private membersLoadedAt = 0;
  private stale: Stale = { ...nothingStale(), everything: true };
  /** Bumped by every event that makes something stale; `applied` is what the source covers. */
  private version = 1;
  private applied = 0;
  /** The earliest midnight the rows were read or pruned for: older ended rows are not kept. */
  private since = Number.NEGATIVE_INFINITY;
  private updating: Promise<void> | undefined;
  private refreshing = false;
  /** The last board's database and time; events are read at once within WATCHED_MS of it. */
  private watched: { db: Database; now: Date; at: number } | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;
  private readonly scopes = new Map<string, CampaignScope>();
  private readonly listeners: ((db: Database, now: Date) => void)[] = [];

  constructor(bus: EventBus) {
    bus.subscribe((event) => this.hear(event));
  }

  /**
   * Called after events were read as they came (see `updateSoon`), with the database and an instant
   * no earlier than the last board's: what boards would compute next can be computed now.
   */
  onUpdated(listener: (db: Database, now: Date) => void) {
    this.listeners.push(listener);
  }

  /**
   * The rows as they are, without reading anything: undefined when an event made something stale
   * that is not read yet (a board would wait for it), or while boards are not being asked for.
   */
  current(): { db: Database; now: Date; source: DaySource } | undefined {
    const watched = this.watched;
    if (!watched || !this.source || this.applied < this.version) return undefined;
    if (Date.now() - watched.at > WATCHED_MS) return undefined;
    // The app's clock moved on with the wall clock since the last board (tests set the app's).
    return {
      db: watched.db,
      now: new Date(watched.now.getTime() + (Date.now() - watched.at)),
      source: this.source,
    };
  }

  /** After a write by this process whose event may not have come back yet, or that emits none. */
  invalidate() {
    this.stale.everything = true;
    this.scopes.clear();
    this.version += 1;
  }

  /** The campaigns a viewer watches, kept until a campaign changes (supervisors are set there). */
  async scopeOf(db: Database, viewer: { id: string; role: string }): Promise<CampaignScope> {
    if (viewer.role !== 'supervisor') return campaignScope(db, viewer as { id: string; role: 'admin' });
    const known = this.scopes.get(viewer.id);
    if (known) return known;
    const version = this.version;
    const scope = await campaignScope(db, viewer as { id: string; role: 'supervisor' });
    if (this.version === version) this.scopes.set(viewer.id, scope);
    return scope;
  }

  async get(db: Database, now: Date): Promise<DaySource> {
    this.watched = { db, now, at: Date.now() };
    const needed = this.version;
    while (this.applied < needed) await this.update(db, now);
    const source = this.source!;
    const since = earliestDayStart(source.campaigns, now).getTime();
    if (this.since < since) {
      this.source = pruned(source, since);
      this.since = since;
    }
    if (now.getTime() - this.membersLoadedAt >= DAY_SOURCE_TTL_MS) this.refreshInBackground(db, now);
    return this.source!;
  }

  private hear(event: DomainEvent) {
    const stale = this.stale;
    switch (event.type) {
      case 'interaction.changed':
      case 'interaction.offered':
        stale.interactions.add(event.interaction.id);
        break;
      case 'interaction.withdrawn':
        stale.interactions.add(event.interactionId);
        break;
      case 'agent.status':
        stale.agents.add(event.presence.agentId);
        break;
      case 'campaign.changed':
        stale.campaigns = true;
        stale.members = true;
        stale.days.add(event.campaignId);
        this.scopes.clear();
        break;
      case 'page.linked':
      case 'page.health':
        stale.campaigns = true;
        break;
      case 'user.sessions-ended':
        stale.members = true;
        break;
      // New messages, reply deliveries and who is viewing change no number of the board.
      case 'interaction.message':
      case 'reply.status':
      case 'interaction.viewer':
        return;
    }
    this.version += 1;
    this.updateSoon();
  }

  /**
   * While boards are being asked for, what an event made stale is read at once (the events of
   * EVENT_BATCH_MS together), so the next board — a supervisor's client refetches some 500 ms
   * after an event — finds it done. Without boards nobody reads anything: a busy day with no
   * supervisor costs no query.
   */
  private updateSoon() {
    const watched = this.watched;
    if (this.soon || !watched || Date.now() - watched.at > WATCHED_MS) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      // At the last board's time (the app's clock, which tests set): never later than the next
      // board's, so what is read here is not taken as fresher than it is.
      this.update(watched.db, watched.now).then(
        () => {
          for (const listener of this.listeners) listener(watched.db, watched.now);
        },
        () => {
          // What was stale still is: the next board reads it.
        },
      );
    }, EVENT_BATCH_MS);
  }

  /** Names and settings read again without holding any board (they change without events). */
  private refreshInBackground(db: Database, now: Date) {
    if (this.refreshing) return;
    this.refreshing = true;
    this.scopes.clear();
    this.stale.campaigns = true;
    this.stale.members = true;
    // After the board that noticed it is answered: this read is for the next ones.
    setTimeout(() => {
      this.update(db, now)
        .catch(() => {
          // The next board reads them again (they are still stale).
        })
        .finally(() => {
          this.refreshing = false;
        });
    }, 0);
  }

  /** One update at a time: every board waits for the one under way, then for its own. */
  private update(db: Database, now: Date): Promise<void> {
    if (!this.updating)
      this.updating = this.bringUpToDate(db, now).finally(() => {
        this.updating = undefined;
      });
    return this.updating;
  }

  private async bringUpToDate(db: Database, now: Date): Promise<void> {
    const version = this.version;
    const stale = this.stale;
    if (this.source && isNothing(stale)) {
      this.applied = version;
      return;
    }
    this.stale = nothingStale();
    try {
      this.source =
        stale.everything || !this.source ? await this.readAll(db, now) : await this.patch(db, now, stale);
      this.applied = version;
    } catch (err) {
      // Nothing was applied: what was stale still is.
      this.stale = merge(stale, this.stale);
      throw err;
    }
  }

  private async readAll(db: Database, now: Date): Promise<DaySource> {
    const campaigns = await loadWatchedCampaigns(db, 'all', now);
    const ids = campaigns.map((c) => c.id);
    const since = earliestDayStart(campaigns, now);
    const [interactions, members] = await Promise.all([
      loadDayInteractions(db, ids, since),
      loadMembers(db, ids),
    ]);
    this.members = members;
    this.membersLoadedAt = now.getTime();
    this.since = since.getTime();
    return withTeam(now.getTime(), campaigns, interactions, members);
  }

  private async patch(db: Database, now: Date, stale: Stale): Promise<DaySource> {
    const source = this.source!;
    const campaignsRead = stale.campaigns ? loadWatchedCampaigns(db, 'all', now) : undefined;
    const campaigns = reuse(
      (await campaignsRead) ?? source.campaigns,
      source.campaigns,
      (c) => c.id,
      sameJson,
    );
    const ids = campaigns.map((c) => c.id);
    const since = this.since;
    const days = [...stale.days].filter((id) => ids.includes(id));
    const [membersRead, presence, changed, reread] = await Promise.all([
      stale.members ? loadMembers(db, ids) : undefined,
      stale.agents.size && !stale.members ? loadPresence(db, [...stale.agents]) : undefined,
      loadInteractionsById(db, [...stale.interactions]),
      days.length ? loadDayInteractions(db, days, new Date(since)) : undefined,
    ]);
    if (membersRead) {
      this.members = reuse(membersRead, this.members, memberKey, sameMember);
      this.membersLoadedAt = now.getTime();
    } else if (presence) {
      this.members = this.members.map((m) => {
        const p = presence.get(m.agentId);
        return p && !sameMember(m, { ...m, ...p }) ? { ...m, ...p } : m;
      });
    }
    // Copy-on-write per campaign: unchanged campaigns keep their lists.
    const interactions = new Map<string, DayInteraction[]>();
    for (const id of ids) interactions.set(id, reread?.get(id) ?? source.interactions.get(id) ?? []);
    const byCampaign = new Map<string, DayInteraction[]>();
    for (const i of changed) {
      const list = byCampaign.get(i.campaignId);
      if (list) list.push(i);
      else byCampaign.set(i.campaignId, [i]);
    }
    const changedIds = new Set(stale.interactions);
    // What each agent holds, moved by the rows that changed (not counted again over every row).
    let held = reread ? undefined : heldCounts.get(source.interactions);
    if (held) held = new Map(held);
    const hold = (i: DayInteraction, by: number) => {
      if (held && i.agentId && (i.state === 'assigned' || i.state === 'answered'))
        held.set(i.agentId, (held.get(i.agentId) ?? 0) + by);
    };
    for (const [id, list] of interactions) {
      const fresh = byCampaign.get(id) ?? [];
      if (fresh.length === 0 && !list.some((i) => changedIds.has(i.id))) continue;
      const kept: DayInteraction[] = [];
      for (const i of list) {
        if (changedIds.has(i.id)) hold(i, -1);
        else kept.push(i);
      }
      const added = fresh.filter((i) => inDay(i, since));
      for (const i of added) hold(i, 1);
      interactions.set(id, [...kept, ...added]);
    }
    if (held && sameKeys(interactions, source.interactions)) heldCounts.set(interactions, held);
    return withTeam(now.getTime(), campaigns, interactions, this.members, source);
  }
}

const isNothing = (s: Stale) =>
  !s.everything && !s.campaigns && !s.members && !s.days.size && !s.interactions.size && !s.agents.size;

/** The source without the rows of days that have passed (ended before the earliest midnight). */
function pruned(source: DaySource, since: number): DaySource {
  const interactions = new Map<string, DayInteraction[]>();
  for (const [id, list] of source.interactions)
    interactions.set(
      id,
      list.filter((i) => inDay(i, since)),
    );
  return daySource(source.loadedAt, source.campaigns, interactions, source.team, source);
}

/** The team with what each member holds now anywhere, counted from the open rows. */
function withTeam(
  loadedAt: number,
  campaigns: WatchedCampaign[],
  interactions: Map<string, DayInteraction[]>,
  members: readonly Member[],
  previous?: DaySource,
): DaySource {
  const held = heldBy(interactions, previous);
  const team = members.map((m) => {
    const heldAnywhere = held.get(m.agentId) ?? 0;
    const was = teamMemberOf.get(m);
    if (was && was.heldAnywhere === heldAnywhere) return was;
    const member = { ...m, heldAnywhere };
    teamMemberOf.set(m, member);
    return member;
  });
  return daySource(loadedAt, campaigns, interactions, team, previous);
}

/** What each agent holds now (assigned or answered), counted again only when a row changed. */
function heldBy(interactions: Map<string, DayInteraction[]>, previous?: DaySource): Map<string, number> {
  const known = heldCounts.get(interactions);
  if (known) return known;
  const before = previous && heldCounts.get(previous.interactions);
  if (
    before &&
    previous.interactions.size === interactions.size &&
    [...interactions].every(([id, list]) => previous.interactions.get(id) === list)
  ) {
    heldCounts.set(interactions, before);
    return before;
  }
  const held = new Map<string, number>();
  for (const list of interactions.values())
    for (const i of list)
      if (i.agentId && (i.state === 'assigned' || i.state === 'answered'))
        held.set(i.agentId, (held.get(i.agentId) ?? 0) + 1);
  heldCounts.set(interactions, held);
  return held;
}

const heldCounts = new WeakMap<Map<string, DayInteraction[]>, Map<string, number>>();

function sameKeys(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

/** The team member last made of a member (the same member object is the same person, unchanged). */
const teamMemberOf = new WeakMap<Member, TeamMember>();

/*
 * What did not change keeps its object, so the board can tell an unchanged campaign by identity
 * (board-memo.ts): names and settings are read again every few seconds, mostly the same.
 */

const memberKey = (m: Member) => `${m.campaignId}:${m.agentId}`;
const time = (d: Date | null) => d?.getTime() ?? null;

function sameMember(a: Member, b: Member): boolean {
  return (
    a.name === b.name &&
    a.status === b.status &&
    a.breakReason === b.breakReason &&
    time(a.statusSince) === time(b.statusSince) &&
    time(a.loginAt) === time(b.loginAt)
  );
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `fresh`, with each item replaced by the previous one of the same key when they are the same. */
function reuse<T>(
  fresh: T[],
  previous: readonly T[],
  key: (t: T) => string,
  same: (a: T, b: T) => boolean,
): T[] {
  if (fresh === previous) return fresh;
  const before = new Map(previous.map((p) => [key(p), p]));
  return fresh.map((f) => {
    const p = before.get(key(f));
    return p && same(p, f) ? p : f;
  });
}

function merge(a: Stale, b: Stale): Stale {
  return {
    everything: a.everything || b.everything,
    campaigns: a.campaigns || b.campaigns,
    members: a.members || b.members,
    days: new Set([...a.days, ...b.days]),
    interactions: new Set([...a.interactions, ...b.interactions]),
    agents: new Set([...a.agents, ...b.agents]),
  };
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

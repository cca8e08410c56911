import type {
  Board,
  BoardAgentRow,
  BoardAgentStatus,
  BoardQueueRow,
  CampaignBoard,
} from '../../shared/api/supervisor.ts';
import { isOpen } from '../domain/schedule/is-open.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import type { ScheduleRow } from '../domain/schedule/types.ts';
import { type AgentTally, agentTallies } from '../domain/stats/agent-metrics.ts';
import { campaignMetrics } from '../domain/stats/campaign-metrics.ts';
import {
  abandonedLevel,
  asaLevel,
  chatsOverTimeLevel,
  longestWaitingLevel,
  serviceLevelLevel,
  waitingLevel,
} from '../domain/stats/levels.ts';
import { DEFAULT_BUCKET_MS } from '../domain/stats/series.ts';
import type { InteractionSummary } from '../domain/stats/types.ts';
import { waitingAt } from '../domain/stats/waiting.ts';
import { keepPieces } from '../http/gzip-pieces.ts';
import type { Database } from '../store/database.ts';
import type { UserRow } from '../store/schema.ts';
import { type BoardInputs, type BoardMemo, boardMemoFor, nextTurnOf } from './board-memo.ts';
import { BoardPreparer } from './board-prepare.ts';
import type { DayInteraction } from './day-data.ts';
import { type DaySource, type DaySourceCache, readDaySource } from './day-source.ts';
import { type CampaignScope, campaignScope, inScope } from './scope.ts';
import { type SeriesMemo, seriesMemoFor } from './series-memo.ts';
import type { TeamMember } from './team.ts';
import type { WatchedCampaign } from './watched-campaigns.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The day of the campaigns a user watches, grouped for the board; numbers are computed at `now`. */
export interface WatchedDay {
  now: number;
  campaigns: WatchedCampaign[];
  interactions: Map<string, DayInteraction[]>;
  /** The summaries of `interactions`, in the same order. */
  summaries: Map<string, InteractionSummary[]>;
  team: TeamMember[];
  /** The team by campaign id. */
  teams: Map<string, TeamMember[]>;
  /** Each campaign's `agentMetrics` counts, by agent (completed today is per campaign). */
  tallies: Map<string, Map<string, AgentTally>>;
  /** What each agent holds now by channel, over the whole scope (DOMAIN: busy is about the agent). */
  heldByChannel: Map<string, Record<'facebook' | 'messenger', number>>;
  /** The campaigns as read, before this day's midnight was set on them (see board-memo.ts). */
  read: Map<string, WatchedCampaign>;
  seriesMemo: SeriesMemo;
}

/**
 * Reads the viewer's campaigns' day — from the shared cache when given (every campaign, then kept
 * to the viewer's scope), else straight from the database for the scope only.
 */
export async function loadWatchedDay(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
  cache?: DaySourceCache,
): Promise<WatchedDay> {
  if (cache) {
    const [scope, source] = await Promise.all([cache.scopeOf(db, viewer), cache.get(db, now)]);
    return watchedDay(source, scope, now, seriesMemoFor(db));
  }
  const scope = await campaignScope(db, viewer);
  return watchedDay(await readDaySource(db, scope, now), scope, now, seriesMemoFor(db));
}

export function watchedDay(
  source: DaySource,
  scope: CampaignScope,
  now: Date,
  seriesMemo: SeriesMemo,
): WatchedDay {
  // "Today" is taken at this board's now, whenever the rows were read (they cover it: see day-data.ts).
  const dayStarts = new Map<string, number>();
  const dayStartIn = (timeZone: string) => {
    let start = dayStarts.get(timeZone);
    if (start === undefined) {
      start = startOfLocalDay(now.getTime(), timeZone);
      dayStarts.set(timeZone, start);
    }
    return start;
  };
  const watched = source.campaigns.filter((c) => inScope(scope, c.id));
  const read = new Map(watched.map((c) => [c.id, c]));
  const campaigns = watched.map((c) => ({ ...c, dayStart: dayStartIn(c.timeZone) }));
  const interactions = new Map<string, DayInteraction[]>();
  const summaries = new Map<string, InteractionSummary[]>();
  const teams = new Map<string, TeamMember[]>();
  const tallies = new Map<string, Map<string, AgentTally>>();
  const heldByChannel = new Map<string, Record<'facebook' | 'messenger', number>>();
  for (const c of campaigns) {
    const own = source.summaries.get(c.id) ?? [];
    interactions.set(c.id, source.interactions.get(c.id) ?? []);
    summaries.set(c.id, own);
    teams.set(c.id, source.teams.get(c.id) ?? []);
    const counts = talliesOf(own, c, now.getTime());
    tallies.set(c.id, counts);
    for (const [agentId, tally] of counts) {
      const held = heldByChannel.get(agentId);
      if (held) {
        held.facebook += tally.activeByChannel.facebook;
        held.messenger += tally.activeByChannel.messenger;
      } else heldByChannel.set(agentId, { ...tally.activeByChannel });
    }
  }
  const team = source.team.filter((t) => teams.has(t.campaignId));
  return {
    now: now.getTime(),
    campaigns,
    interactions,
    summaries,
    team,
    teams,
    tallies,
    heldByChannel,
    read,
    seriesMemo,
  };
}

/**
 * A campaign's agent counts, kept with its summaries (a new list when a row changes) until an
 * instant at which one could turn (see board-memo.ts): counting a thousand agents' day at every
 * board is most of a board's work when nothing changed.
 */
function talliesOf(
  summaries: readonly InteractionSummary[],
  campaign: WatchedCampaign,
  now: number,
): Map<string, AgentTally> {
  const kept = keptTallies.get(summaries);
  if (kept && kept.dayStart === campaign.dayStart && now >= kept.from && now < kept.until)
    return kept.tallies;
  const tallies = agentTallies(summaries, now, campaign.dayStart);
  keptTallies.set(summaries, {
    dayStart: campaign.dayStart,
    from: now,
    until: nextTurnOf(summaries, campaign.thresholds, campaign.dayStart, now),
    tallies,
  });
  return tallies;
}

const keptTallies = new WeakMap<
  readonly InteractionSummary[],
  { dayStart: number; from: number; until: number; tallies: Map<string, AgentTally> }
>();

/** Summaries of the whole scope by the agent who holds (or last held) them (for the drill-down). */
export function summariesByAgent(day: WatchedDay): Map<string, InteractionSummary[]> {
  const byAgent = new Map<string, InteractionSummary[]>();
  for (const list of day.summaries.values())
    for (const s of list) {
      if (!s.agentId) continue;
      const own = byAgent.get(s.agentId);
      if (own) own.push(s);
      else byAgent.set(s.agentId, [s]);
    }
  return byAgent;
}

/** GET /api/supervisor/board and the supervisor's snapshot. `only` limits it to one campaign. */
export async function loadBoard(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
  opts: { only?: string | undefined; cache?: DaySourceCache } = {},
): Promise<Board> {
  const { only, cache } = opts;
  const day = await loadWatchedDay(db, viewer, now, cache);
  return boardOf(day, cache ? boardMemoFor(cache) : undefined, only);
}

/**
 * GET /api/supervisor/board as JSON text in pieces: with the shared cache, each campaign's text is
 * written from what the memo kept (see board-memo.ts); the same board as `loadBoard`.
 */
export async function loadBoardJson(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
  opts: { only?: string | undefined; cache?: DaySourceCache } = {},
): Promise<string[]> {
  const { only, cache } = opts;
  if (!cache) return [JSON.stringify(await loadBoard(db, viewer, now, opts))];
  const day = await loadWatchedDay(db, viewer, now, cache);
  preparerFor(cache).seen(await cache.scopeOf(db, viewer));
  return boardJsonOf(day, boardMemoFor(cache), only);
}

const preparers = new WeakMap<DaySourceCache, BoardPreparer>();

/** One preparer per day-source cache: the boards `loadBoardJson` would write next, written ahead. */
function preparerFor(cache: DaySourceCache): BoardPreparer {
  let preparer = preparers.get(cache);
  if (!preparer) {
    preparer = new BoardPreparer(cache, (scope, source, db, now) => {
      const memo = boardMemoFor(cache);
      keepPieces(boardJsonOf(watchedDay(source, scope, now, seriesMemoFor(db)), memo));
      return memo.earliestTurn();
    });
    preparers.set(cache, preparer);
  }
  return preparer;
}

/** `boardOf` as JSON text in pieces, each campaign's from the memo. */
export function boardJsonOf(day: WatchedDay, memo: BoardMemo, only?: string): string[] {
  const out = [`{"generatedAt":${JSON.stringify(iso(day.now))},"campaigns":[`];
  let first = true;
  for (const c of day.campaigns) {
    if (only && c.id !== only) continue;
    if (!first) out.push(',');
    first = false;
    memo.json(boardInputs(day, c), day.now, () => campaignBoard(day, c), out);
  }
  out.push(']}');
  return out;
}

/** The board of a watched day; with a memo, campaigns that cannot have changed are not computed again. */
export function boardOf(day: WatchedDay, memo?: BoardMemo, only?: string): Board {
  return {
    generatedAt: iso(day.now),
    campaigns: day.campaigns
      .filter((c) => !only || c.id === only)
      .map((c) =>
        memo ? memo.board(boardInputs(day, c), day.now, () => campaignBoard(day, c)) : campaignBoard(day, c),
      ),
  };
}

function boardInputs(day: WatchedDay, campaign: WatchedCampaign): BoardInputs {
  const team = day.teams.get(campaign.id) ?? [];
  let held = '';
  for (const t of team) {
    const h = day.heldByChannel.get(t.agentId);
    held += h ? `${h.facebook}/${h.messenger},` : ',';
  }
  return {
    campaign: day.read.get(campaign.id) ?? campaign,
    dayStart: campaign.dayStart,
    interactions: day.interactions.get(campaign.id) ?? [],
    summaries: day.summaries.get(campaign.id) ?? [],
    team,
    held,
  };
}

export function campaignBoard(day: WatchedDay, campaign: WatchedCampaign): CampaignBoard {
  const { now } = day;
  const { dayStart, thresholds } = campaign;
  const list = day.interactions.get(campaign.id) ?? [];
  const summaries = day.summaries.get(campaign.id) ?? [];
  const m = campaignMetrics({ interactions: summaries, thresholds, now, dayStart });
  const waiting = waitingAt(summaries, now, thresholds.dropout);
  const waitingIds = new Set(waiting.map((s) => s.id));
  const rows = new Map(list.filter((i) => waitingIds.has(i.id)).map((i) => [i.id, i]));
  const queue: BoardQueueRow[] = waiting.map((s) => {
    const row = rows.get(s.id)!;
    return {
      interactionId: s.id,
      customerId: row.customerId,
      customerName: row.customerName,
      channel: row.channel,
      state: row.state === 'offered' ? 'offered' : 'queued',
      queuedAt: iso(s.queuedAt),
    };
  });
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      channel: campaign.channel,
      pageId: campaign.pageId,
      pageName: campaign.pageName,
      pageHealth: campaign.pageHealth,
      timeZone: campaign.timeZone,
      thresholds,
      enabled: campaign.enabled,
      openNow: isOpen(campaign.schedule as ScheduleRow[], campaign.timeZone, now),
    },
    dayStart: iso(dayStart),
    tiles: {
      serviceLevel: {
        pct: m.serviceLevelPct,
        formula: m.serviceLevelFormula,
        answered: m.answered,
        answeredWithinSl: m.answeredWithinSl,
        abandoned: m.abandoned,
        level: serviceLevelLevel(m.serviceLevelPct),
      },
      abandoned: { value: m.abandoned, level: abandonedLevel(m.abandoned, m.answered) },
      asa: { ms: m.asaMs, level: asaLevel(m.asaMs, thresholds.serviceLevel) },
      aht: { ms: m.ahtMs, level: 'ok' },
      longestWaiting: {
        ms: m.longestWaitingMs,
        oldestQueuedAt: queue[0]?.queuedAt ?? null,
        level: longestWaitingLevel(m.longestWaitingMs, thresholds.dropout),
      },
      waiting: { value: m.waiting, acd: thresholds.acd, level: waitingLevel(m.waiting, thresholds.acd) },
      chatsOverTime: {
        value: m.chatsOverTime,
        interactionIds: m.chatsOverTimeIds,
        level: chatsOverTimeLevel(m.chatsOverTime),
      },
      answered: { value: m.answered },
      completed: { value: m.completed },
    },
    agents: teamRows(day, campaign, list),
    queue,
    series: {
      bucketMs: DEFAULT_BUCKET_MS,
      points: day.seriesMemo.series(campaign.id, { interactions: summaries, thresholds, now, dayStart }),
    },
  };
}

/** Stored status plus `busy`: available and holding work (DOMAIN: busy is about capacity in use). */
export function boardStatus(status: TeamMember['status'], heldAnywhere: number): BoardAgentStatus {
  return status === 'available' && heldAnywhere > 0 ? 'busy' : status;
}

/** The campaign's members, with what each holds here grouped once (not per row). */
function teamRows(
  day: WatchedDay,
  campaign: WatchedCampaign,
  list: readonly DayInteraction[],
): BoardAgentRow[] {
  const activeHere = new Map<string, string[]>();
  for (const i of list) {
    const agentId = i.summary.agentId;
    if (!agentId || (i.state !== 'assigned' && i.state !== 'answered')) continue;
    const own = activeHere.get(agentId);
    if (own) own.push(i.id);
    else activeHere.set(agentId, [i.id]);
  }
  const tallies = day.tallies.get(campaign.id);
  return (day.teams.get(campaign.id) ?? []).map((t) =>
    agentRow(day, t, tallies?.get(t.agentId)?.completedToday ?? 0, activeHere.get(t.agentId) ?? []),
  );
}

const NOTHING_HELD = { facebook: 0, messenger: 0 };

/** Held by channel across the scope; completed today and active ids in this campaign. */
function agentRow(
  day: WatchedDay,
  t: TeamMember,
  completedToday: number,
  activeHere: string[],
): BoardAgentRow {
  const status = boardStatus(t.status, t.heldAnywhere);
  const held = day.heldByChannel.get(t.agentId) ?? NOTHING_HELD;
  return {
    agentId: t.agentId,
    name: t.name,
    status,
    breakReason: t.status === 'break' ? t.breakReason : null,
    statusSince: t.statusSince?.toISOString() ?? null,
    loginAt: t.loginAt?.toISOString() ?? null,
    channels: (['facebook', 'messenger'] as const).filter((ch) => held[ch] > 0),
    activeByChannel: { facebook: held.facebook, messenger: held.messenger },
    completedToday,
    activeInteractionIds: activeHere,
  };
}

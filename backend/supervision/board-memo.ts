import type { CampaignBoard } from '../../shared/api/supervisor.ts';
import { abandonmentAt } from '../domain/stats/abandonment.ts';
import { chatStartedAt } from '../domain/stats/chat-time.ts';
import { DEFAULT_LONGEST_WAITING_CUTOFFS } from '../domain/stats/levels.ts';
import { DEFAULT_BUCKET_MS } from '../domain/stats/series.ts';
import type { InteractionSummary, Thresholds } from '../domain/stats/types.ts';
import type { DayInteraction } from './day-data.ts';
import type { TeamMember } from './team.ts';
import type { WatchedCampaign } from './watched-campaigns.ts';

/** What a campaign's board is computed from, besides the instant. */
export interface BoardInputs {
  /** The campaign as read (its object changes only when a setting does, see day-source.ts). */
  campaign: WatchedCampaign;
  dayStart: number;
  interactions: readonly DayInteraction[];
  summaries: readonly InteractionSummary[];
  team: readonly TeamMember[];
  /** What its members hold by channel over the viewer's scope (it changes with other campaigns). */
  held: string;
}

interface Entry extends Omit<BoardInputs, 'summaries'> {
  computedAt: number;
  /** The first instant at which a number of the board may differ. */
  validUntil: number;
  board: CampaignBoard;
  /** The oldest waiting interaction's first queuing: its age is the one number that moves. */
  oldestWaiting: number | undefined;
  /** The board's JSON around what moves, once asked for (see `json`). */
  template?: Template;
}

/** JSON text in pieces, with what moves between them: the longest wait's age, the chart's last instant. */
interface Template {
  pieces: string[];
  holes: ('ms' | 'at')[];
}

/**
 * Each campaign's board as last computed, reused for a later board while nothing it was computed
 * from has changed and no instant has come at which a number could: between changes most of a
 * thousand agents' campaigns are the same as a second ago. The numbers are functions of
 * per-interaction conditions at `now` — each turns at one of the interaction's instants (its
 * transitions, its abandonment, dropout and chat time past its queuing or assignment, half of
 * dropout for the longest wait's colour), at a bucket end (the chart gains a point) or at a whole
 * minute (opening hours) — so a board stays right until the earliest of those after it was
 * computed. What moves continuously is set at each board: the longest wait's age and the chart's
 * last instant. Per process, bounded by the number of campaigns.
 */
export class BoardMemo {
  private readonly entries = new Map<string, Entry>();

  board(inputs: BoardInputs, now: number, compute: () => CampaignBoard): CampaignBoard {
    const { entry, fresh } = this.entry(inputs, now, compute);
    return fresh ? entry.board : atInstant(entry, now);
  }

  /**
   * The same board as JSON text, in pieces added to `out`: a kept board's text is written once,
   * then only what moves is written between its pieces (stringifying 500 KB of boards at every
   * request was most of what was left).
   */
  json(inputs: BoardInputs, now: number, compute: () => CampaignBoard, out: string[]): void {
    const { entry } = this.entry(inputs, now, compute);
    entry.template ??= templateOf(entry);
    const { pieces, holes } = entry.template;
    if (pieces.length !== holes.length + 1) {
      out.push(JSON.stringify(atInstant(entry, now)));
      return;
    }
    out.push(pieces[0]!);
    for (let i = 0; i < holes.length; i++) {
      out.push(
        holes[i] === 'ms'
          ? String(longestWaitingAt(entry, now))
          : JSON.stringify(new Date(now).toISOString()),
        pieces[i + 1]!,
      );
    }
  }

  /** When the campaign's kept board was computed (undefined: none kept). */
  computedAt(campaignId: string): number | undefined {
    return this.entries.get(campaignId)?.computedAt;
  }

  /** The first instant at which a kept board may differ (Infinity when none is kept). */
  earliestTurn(): number {
    let earliest = Number.POSITIVE_INFINITY;
    for (const entry of this.entries.values()) earliest = Math.min(earliest, entry.validUntil);
    return earliest;
  }

  private entry(
    inputs: BoardInputs,
    now: number,
    compute: () => CampaignBoard,
  ): { entry: Entry; fresh: boolean } {
    const kept = this.entries.get(inputs.campaign.id);
    if (kept && sameInputs(kept, inputs) && now >= kept.computedAt && now < kept.validUntil)
      return { entry: kept, fresh: false };
    const board = compute();
    const { summaries: _, ...rest } = inputs;
    const oldest = board.tiles.longestWaiting.oldestQueuedAt;
    const entry: Entry = {
      ...rest,
      computedAt: now,
      validUntil: nextTurn(inputs, now),
      board,
      oldestWaiting: oldest === null ? undefined : Date.parse(oldest),
    };
    this.entries.set(inputs.campaign.id, entry);
    return { entry, fresh: true };
  }
}

// Marks for what moves, as JSON writes them (PostgreSQL text never holds U+0000, so no name can).
const MS = '\u0000ms\u0000';
const AT = '\u0000at\u0000';
const HOLE = /"\\u0000(ms|at)\\u0000"/;

function templateOf(entry: Entry): Template {
  const text = JSON.stringify(withMoving(entry.board, MS, AT));
  const parts = text.split(HOLE);
  // split with a group: text, hole, text, hole, text…
  return {
    pieces: parts.filter((_, i) => i % 2 === 0),
    holes: parts.filter((_, i) => i % 2 === 1) as ('ms' | 'at')[],
  };
}

function longestWaitingAt(entry: Entry, now: number): number {
  return entry.oldestWaiting === undefined ? 0 : Math.max(0, now - entry.oldestWaiting);
}

function sameInputs(entry: Entry, inputs: BoardInputs): boolean {
  return (
    entry.campaign === inputs.campaign &&
    entry.dayStart === inputs.dayStart &&
    entry.interactions === inputs.interactions &&
    entry.team === inputs.team &&
    entry.held === inputs.held
  );
}

/** The board computed earlier, at `now`: the longest wait's age and the chart's last instant. */
function atInstant(entry: Entry, now: number): CampaignBoard {
  return withMoving(entry.board, longestWaitingAt(entry, now), new Date(now).toISOString());
}

function withMoving(board: CampaignBoard, ms: number | string, at: string): CampaignBoard {
  const points = board.series.points;
  const last = points[points.length - 1];
  return {
    ...board,
    tiles: { ...board.tiles, longestWaiting: { ...board.tiles.longestWaiting, ms: ms as number } },
    series: { ...board.series, points: last ? [...points.slice(0, -1), { ...last, at }] : points },
  };
}

/** The first instant after `now` at which any condition behind the board may turn (see above). */
export function nextTurn(inputs: BoardInputs, now: number): number {
  return nextTurnOf(inputs.summaries, inputs.campaign.thresholds, inputs.dayStart, now);
}

export function nextTurnOf(
  summaries: readonly InteractionSummary[],
  thresholds: Thresholds,
  dayStart: number,
  now: number,
): number {
  let next = Math.floor(now / 60_000) * 60_000 + 60_000; // opening hours turn at whole minutes
  // Conditions turn at an instant or just after it (`>` against `≥`): both are considered.
  const consider = (instant: number | undefined) => {
    if (instant === undefined) return;
    if (instant > now && instant < next) next = instant;
    else if (instant + 1 > now && instant + 1 < next) next = instant + 1;
  };
  // The chart: its current bucket closes (a point is added just after its end).
  const bucketEnd =
    dayStart + Math.max(1, Math.ceil((now - dayStart) / DEFAULT_BUCKET_MS)) * DEFAULT_BUCKET_MS;
  consider(bucketEnd);
  consider(dayStart);
  for (const s of summaries) for (const instant of turnsOf(s, thresholds)) consider(instant);
  return next;
}

/** Every instant at (or just after) which a condition on this interaction may turn. */
function turnsOf(s: InteractionSummary, thresholds: Thresholds): (number | undefined)[] {
  const dropoutMs = thresholds.dropout * 1000;
  const chat = chatStartedAt(s) + thresholds.chatTime * 1000;
  const warn = dropoutMs * DEFAULT_LONGEST_WAITING_CUTOFFS.warnFromRatio;
  const alarm = dropoutMs * DEFAULT_LONGEST_WAITING_CUTOFFS.alarmFromRatio;
  const instants = [
    s.queuedAt,
    s.firstAssignedAt,
    s.answeredAt,
    s.completedAt,
    s.abandonedAt,
    s.expiredAt,
    abandonmentAt(s, thresholds.dropout),
    s.queuedAt + dropoutMs,
    s.queuedAt + Math.floor(warn),
    s.queuedAt + Math.floor(alarm),
    chat,
  ];
  for (const span of s.waitingSpans) instants.push(span.from, span.to);
  return instants;
}

const byCache = new WeakMap<object, BoardMemo>();

/** One memo per day-source cache: the identities it compares are that cache's. */
export function boardMemoFor(cache: object): BoardMemo {
  let memo = byCache.get(cache);
  if (!memo) {
    memo = new BoardMemo();
    byCache.set(cache, memo);
  }
  return memo;
}

import { computed, signal } from '@preact/signals';
import type { Channel } from '../../shared/api/campaigns.ts';
import type { PresenceView } from '../../shared/api/interactions.ts';
import type { Board, BoardAgentRow, BoardAgentStatus, CampaignBoard } from '../../shared/api/supervisor.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { RealtimeUpdate, RuntimeError } from '../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';
import { alarmsOf } from './board-tiles.ts';

export interface BoardTiming {
  /**
   * Refetches after events start at most this often (shared/api/supervisor.ts: ≈ 500 ms): the
   * first event after a quiet spell refetches at once, the ones that follow within this time join
   * one refetch at its end.
   */
  debounceMs: number;
  /** Tiles that move with time alone (dropout passing, chat time) stay true by this refresh. */
  refreshMs: number;
  tickMs: number;
}
const TIMING: BoardTiming = { debounceMs: 500, refreshMs: 60_000, tickMs: 1_000 };

/** Events after which the board is refetched: what the tiles and the queue are computed from. */
const REFETCH_ON = new Set<DomainEvent['type']>([
  'interaction.changed',
  'interaction.offered',
  'interaction.withdrawn',
  'agent.status',
  'campaign.changed',
]);

/** The board's status for a stored status: available and holding work reads as busy. */
function boardStatus(presence: PresenceView, row: BoardAgentRow): BoardAgentStatus {
  const held = row.activeByChannel.facebook + row.activeByChannel.messenger;
  return presence.status === 'available' && held > 0 ? 'busy' : presence.status;
}

/**
 * The supervisor's live board: every visible campaign with its tiles, agents and queue. It starts
 * from the socket's snapshot (or a fetch), patches an agent's status the moment it changes, and
 * refetches the rest after events — throttled, one request at a time — and every minute, as the
 * contract says (shared/api/supervisor.ts). `now` is the server's clock, ticking every second, so
 * times in status and on hold tick here without asking the server.
 */
export function createBoardModel(
  send: typeof request = request,
  watch: typeof watchRealtime = watchRealtime,
  timing: BoardTiming = TIMING,
) {
  const board = signal<Board | null>(null);
  /** The server's clock minus this browser's, measured when a board arrives. */
  let skewMs = 0;
  const now = signal(Date.now());
  const connected = signal(false);
  const error = signal<RuntimeError | null>(null);
  const channel = signal<Channel>('facebook');
  const selectedId = signal<string | null>(null);

  const ofChannel = computed(
    () => board.value?.campaigns.filter((c) => c.campaign.channel === channel.value) ?? [],
  );
  const selected = computed<CampaignBoard | null>(
    () => ofChannel.value.find((c) => c.campaign.id === selectedId.value) ?? ofChannel.value[0] ?? null,
  );
  /** Every tile in alarm, in every campaign (a wall screen must show the ones not in view too). */
  const alarms = computed(() =>
    (board.value?.campaigns ?? []).flatMap((c) =>
      alarmsOf(c, now.value).map((tile) => ({ campaign: c.campaign, tile })),
    ),
  );

  const tick = () => {
    now.value = Date.now() + skewMs;
  };
  function apply(next: Board) {
    // A board computed before the one shown (a slow answer overtaken by the snapshot) is stale.
    if (board.value && Date.parse(next.generatedAt) < Date.parse(board.value.generatedAt)) return;
    skewMs = Date.parse(next.generatedAt) - Date.now();
    board.value = next;
    tick();
  }
  function patchAgent(presence: PresenceView) {
    const current = board.value;
    if (!current) return;
    board.value = {
      ...current,
      campaigns: current.campaigns.map((c) => ({
        ...c,
        agents: c.agents.map((a) =>
          a.agentId === presence.agentId
            ? {
                ...a,
                status: boardStatus(presence, a),
                breakReason: presence.breakReason,
                statusSince: presence.since,
              }
            : a,
        ),
      })),
    };
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let inFlight = false;
  let again = false;
  let stopped = false;
  async function refetch() {
    clearTimeout(timer);
    timer = undefined;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    lastStart = Date.now();
    const res = await send('supervisor.board', {});
    inFlight = false;
    if (stopped) return;
    if (res.ok) {
      error.value = null;
      apply(res.value);
    } else error.value = res.error;
    if (again) {
      again = false;
      schedule();
    }
  }
  /** One refetch soon: later events join it rather than push it back, so a busy queue still updates. */
  function schedule() {
    if (timer !== undefined || stopped) return;
    const wait = Math.max(0, lastStart + timing.debounceMs - Date.now());
    timer = setTimeout(() => void refetch(), wait);
  }

  function onUpdate(u: RealtimeUpdate) {
    if (u.type === 'connected') connected.value = u.connected;
    else if (u.type === 'snapshot') {
      if (u.snapshot.supervisor) apply(u.snapshot.supervisor.board);
    } else {
      if (u.event.type === 'agent.status') patchAgent(u.event.presence);
      if (REFETCH_ON.has(u.event.type)) schedule();
    }
  }

  return {
    board,
    now,
    connected,
    error,
    channel,
    selectedId,
    ofChannel,
    selected,
    alarms,
    start(abort: AbortSignal) {
      stopped = false;
      watch(onUpdate, abort);
      void refetch();
      const ticking = setInterval(tick, timing.tickMs);
      const refreshing = setInterval(() => void refetch(), timing.refreshMs);
      abort.addEventListener(
        'abort',
        () => {
          stopped = true;
          clearInterval(ticking);
          clearInterval(refreshing);
          clearTimeout(timer);
        },
        { once: true },
      );
    },
    setChannel(next: Channel) {
      channel.value = next;
      selectedId.value = null;
    },
    select(campaignId: string) {
      selectedId.value = campaignId;
    },
    /** How many alarms a channel's campaigns have: shown on its tab. */
    alarmsIn: (c: Channel) => alarms.value.filter((a) => a.campaign.channel === c).length,
    refresh: refetch,
    /** For tests: apply one update as if it came from the socket. */
    receive: onUpdate,
  };
}

export type BoardModel = ReturnType<typeof createBoardModel>;

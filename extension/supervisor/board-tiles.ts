import type { BoardTiles, CampaignBoard, DrillMetric, Level } from '../../shared/api/supervisor.ts';
import { formatDuration } from '../ui/format-duration.ts';
import { t } from '../ui/i18n.ts';

type Translate = (key: string, subs?: string | string[]) => string;

export type TileKey = keyof BoardTiles;

/** One tile as the board shows it: its number (a button to the drill-down), level and explanation. */
export interface TileView {
  key: TileKey;
  /** What the tile's number is made of, for the drill-down. */
  metric: DrillMetric;
  value: string;
  level: Level;
  /** The formula (service level) or the threshold the number is judged against. */
  detail: string | null;
}

const RANK: Record<Level, number> = { ok: 0, warn: 1, alarm: 2 };
const worse = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);

/**
 * Longest waiting against dropout, as the server judges it (backend/domain/stats/levels.ts: warn
 * from half of dropout, alarm from dropout, both inclusive). The tile ticks between refetches, so
 * the client judges the ticking value too and shows the worse of both.
 */
export function longestWaitingLevel(ms: number, dropoutSeconds: number): Level {
  if (ms <= 0) return 'ok';
  if (ms >= dropoutSeconds * 1000) return 'alarm';
  return ms >= dropoutSeconds * 500 ? 'warn' : 'ok';
}

/** How long the oldest customer has waited at `nowMs` (server clock), ticking from `oldestQueuedAt`. */
export function longestWaitingMs(tiles: BoardTiles, nowMs: number): number {
  const since = tiles.longestWaiting.oldestQueuedAt;
  return since === null ? 0 : Math.max(0, nowMs - Date.parse(since));
}

const pct = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} %`);
const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** The tiles of one campaign at `nowMs`, in the order the board shows them. */
export function boardTiles(board: CampaignBoard, nowMs: number, translate: Translate = t): TileView[] {
  const { tiles, campaign } = board;
  const sl = tiles.serviceLevel;
  const waitedMs = longestWaitingMs(tiles, nowMs);
  return [
    {
      key: 'serviceLevel',
      metric: 'serviceLevel',
      value: pct(sl.pct),
      level: sl.level,
      detail: translate('slFormula', [
        String(sl.answeredWithinSl),
        String(campaign.thresholds.serviceLevel),
        String(sl.answered),
        String(sl.abandoned),
        pct(sl.pct),
      ]),
    },
    {
      key: 'abandoned',
      metric: 'abandoned',
      value: String(tiles.abandoned.value),
      level: tiles.abandoned.level,
      detail: translate('abandonedDetail', String(campaign.thresholds.dropout)),
    },
    {
      key: 'asa',
      metric: 'asa',
      value: duration(tiles.asa.ms),
      level: tiles.asa.level,
      detail: translate('asaDetail', String(campaign.thresholds.serviceLevel)),
    },
    {
      key: 'longestWaiting',
      metric: 'longestWaiting',
      value: formatDuration(waitedMs),
      level: worse(tiles.longestWaiting.level, longestWaitingLevel(waitedMs, campaign.thresholds.dropout)),
      detail: translate('longestWaitingDetail', String(campaign.thresholds.dropout)),
    },
    {
      key: 'waiting',
      metric: tiles.waiting.level === 'alarm' ? 'acdAlarm' : 'waiting',
      value: String(tiles.waiting.value),
      level: tiles.waiting.level,
      detail: translate('waitingDetail', String(tiles.waiting.acd)),
    },
    {
      key: 'chatsOverTime',
      metric: 'chatsOverTime',
      value: String(tiles.chatsOverTime.value),
      level: tiles.chatsOverTime.level,
      detail: translate('chatsOverTimeDetail', String(campaign.thresholds.chatTime)),
    },
    { key: 'answered', metric: 'answered', value: String(tiles.answered.value), level: 'ok', detail: null },
    {
      key: 'completed',
      metric: 'completed',
      value: String(tiles.completed.value),
      level: 'ok',
      detail: null,
    },
    { key: 'aht', metric: 'aht', value: duration(tiles.aht.ms), level: tiles.aht.level, detail: null },
  ];
}

/** The tiles in alarm: what the banner at the top counts (no text needed, so none is translated). */
export function alarmsOf(board: CampaignBoard, nowMs: number): TileKey[] {
  return boardTiles(board, nowMs, (key) => key)
    .filter((tile) => tile.level === 'alarm')
    .map((tile) => tile.key);
}

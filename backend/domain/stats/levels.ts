/**
 * Tile colours. DOMAIN.md gives thresholds, not colours, so the cut-offs here are product choices,
 * passed as parameters with the defaults below. `ok` is also the colour of "nothing to judge yet".
 */
export type Level = 'ok' | 'warn' | 'alarm';

/** Service level in percent: ok from `okFromPct`, warn from `warnFromPct`, alarm below. */
export interface ServiceLevelCutoffs {
  okFromPct: number;
  warnFromPct: number;
}
export const DEFAULT_SERVICE_LEVEL_CUTOFFS: ServiceLevelCutoffs = { okFromPct: 80, warnFromPct: 60 };

/**
 * Judges the rounded percentage the tile shows (see `service-level.ts`). Null (nothing answered or
 * abandoned today) is `ok`: no customer has been failed.
 */
export function serviceLevelLevel(
  pct: number | null,
  cutoffs: ServiceLevelCutoffs = DEFAULT_SERVICE_LEVEL_CUTOFFS,
): Level {
  if (pct === null || pct >= cutoffs.okFromPct) return 'ok';
  return pct >= cutoffs.warnFromPct ? 'warn' : 'alarm';
}

/** Longest waiting as fractions of dropout: warn from `warnFromRatio`, alarm from `alarmFromRatio`. */
export interface LongestWaitingCutoffs {
  warnFromRatio: number;
  alarmFromRatio: number;
}
export const DEFAULT_LONGEST_WAITING_CUTOFFS: LongestWaitingCutoffs = {
  warnFromRatio: 0.5,
  alarmFromRatio: 1,
};

/**
 * Longest waiting against dropout: warn at half of it, alarm when it reaches it (both inclusive).
 * Past dropout an unanswered interaction leaves the queue as abandoned (`waiting.ts`), so with the
 * default cut-offs the alarm shows only at the very edge; warn is the early signal, and the alarm
 * ratio can be lowered.
 */
export function longestWaitingLevel(
  longestWaitingMs: number,
  dropoutSeconds: number,
  cutoffs: LongestWaitingCutoffs = DEFAULT_LONGEST_WAITING_CUTOFFS,
): Level {
  // A zero wait (an empty queue) is never a warning, even with a dropout of 0.
  if (longestWaitingMs <= 0) return 'ok';
  const dropoutMs = dropoutSeconds * 1000;
  if (longestWaitingMs >= dropoutMs * cutoffs.alarmFromRatio) return 'alarm';
  return longestWaitingMs >= dropoutMs * cutoffs.warnFromRatio ? 'warn' : 'ok';
}

/** Waiting customers against `acd`: alarm only when over it (exactly `acd` is allowed), as `acdAlarm`. */
export function waitingLevel(waiting: number, acd: number): Level {
  return waiting > acd ? 'alarm' : 'ok';
}

/** DOMAIN.md names the chat time check an alarm: any chat over chat time raises it. */
export function chatsOverTimeLevel(chatsOverTime: number): Level {
  return chatsOverTime > 0 ? 'alarm' : 'ok';
}

/** Abandoned as a share of answered + abandoned: alarm from `alarmFromShare` (inclusive). */
export interface AbandonedCutoffs {
  alarmFromShare: number;
}
export const DEFAULT_ABANDONED_CUTOFFS: AbandonedCutoffs = { alarmFromShare: 0.2 };

/**
 * Abandoned today: none is ok; any is a warning (a customer left unanswered); an alarm once they
 * are a fifth or more of the customers the day has settled (answered + abandoned, the service
 * level's denominator), so one early loss on a quiet morning does not sound like a failing queue.
 */
export function abandonedLevel(
  abandoned: number,
  answered: number,
  cutoffs: AbandonedCutoffs = DEFAULT_ABANDONED_CUTOFFS,
): Level {
  if (abandoned <= 0) return 'ok';
  return abandoned / (abandoned + answered) >= cutoffs.alarmFromShare ? 'alarm' : 'warn';
}

/** ASA against the service level target: warn above it, alarm above `alarmFromRatio` times it. */
export interface AsaCutoffs {
  alarmAboveRatio: number;
}
export const DEFAULT_ASA_CUTOFFS: AsaCutoffs = { alarmAboveRatio: 2 };

/**
 * The average answer meets the target when it is within the service level threshold (equal is
 * within, as for each interaction in `day-outcomes.ts`); warn above it, alarm above twice it. No
 * answer yet (null) is ok.
 */
export function asaLevel(
  asaMs: number | null,
  serviceLevelSeconds: number,
  cutoffs = DEFAULT_ASA_CUTOFFS,
): Level {
  if (asaMs === null) return 'ok';
  const targetMs = serviceLevelSeconds * 1000;
  if (asaMs <= targetMs) return 'ok';
  return asaMs <= targetMs * cutoffs.alarmAboveRatio ? 'warn' : 'alarm';
}

import type { InteractionSummary } from './types.ts';

/**
 * Where an interaction stands at one instant, from its summary alone, so that "now" and any past
 * instant (a chart's bucket end) are judged by the same rule:
 * - `upcoming`: not in the queue yet (the instant is before `queuedAt`);
 * - `ended`: a terminal row (completed, abandoned, expired) at or before the instant;
 * - `waiting`: inside one of its waiting spans (queued or offered, no agent holds it) — dropout is
 *   not applied here, see `waiting.ts`;
 * - `active`: anything else — an agent holds it (assigned, or answered and not yet completed).
 */
export type Phase = 'upcoming' | 'waiting' | 'active' | 'ended';

export function phaseAt(interaction: InteractionSummary, at: number): Phase {
  if (at < interaction.queuedAt) return 'upcoming';
  if (endedAt(interaction) <= at) return 'ended';
  if (interaction.waitingSpans.some((span) => span.from <= at && (span.to === undefined || at < span.to))) {
    return 'waiting';
  }
  return 'active';
}

/** The first terminal instant, or +∞ while it is still open. */
export function endedAt(interaction: InteractionSummary): number {
  return Math.min(
    interaction.completedAt ?? Number.POSITIVE_INFINITY,
    interaction.abandonedAt ?? Number.POSITIVE_INFINITY,
    interaction.expiredAt ?? Number.POSITIVE_INFINITY,
  );
}

import { sortedBy } from './order.ts';
import { phaseAt } from './phase.ts';
import type { InteractionSummary } from './types.ts';

/**
 * Waiting at an instant: in the queue (queued or offered — an offer not yet accepted leaves the
 * customer waiting) and not past dropout. Once an unanswered interaction is older than dropout it
 * has become abandoned (DOMAIN.md lifecycle; see `abandonment.ts`), so it leaves the queue view at
 * the same instant it enters the abandoned count: it is never counted as both. At exactly `dropout`
 * it is still waiting ("older than" is strict).
 */
export function isWaitingAt(interaction: InteractionSummary, at: number, dropoutSeconds: number): boolean {
  if (phaseAt(interaction, at) !== 'waiting') return false;
  // Dropout only removes customers nobody has answered yet (DOMAIN.md: "waited longer than dropout
  // unanswered"); an answered interaction put back in the queue stays in it.
  const answered = interaction.answeredAt !== undefined && interaction.answeredAt <= at;
  return answered || at - interaction.queuedAt <= dropoutSeconds * 1000;
}

/** The interactions waiting at an instant, oldest first (the queue's FIFO order, DOMAIN.md Routing). */
export function waitingAt(
  interactions: readonly InteractionSummary[],
  at: number,
  dropoutSeconds: number,
): InteractionSummary[] {
  return sortedBy(
    interactions.filter((interaction) => isWaitingAt(interaction, at, dropoutSeconds)),
    (interaction) => interaction.queuedAt,
  );
}

/**
 * "Longest waiting = age of the oldest queued interaction" (DOMAIN.md), aged from its FIRST queuing
 * like every other wait; 0 when nobody waits.
 */
export function longestWaitingMs(waiting: readonly InteractionSummary[], at: number): number {
  return waiting.reduce((longest, interaction) => Math.max(longest, at - interaction.queuedAt), 0);
}

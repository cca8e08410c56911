import type { InteractionSummary } from './types.ts';

/**
 * The instant an interaction counts as abandoned, or undefined if it never does.
 *
 * DOMAIN.md: "Abandoned = interactions that waited longer than `dropout` unanswered, or were
 * withdrawn", and in the lifecycle such a waiting interaction BECOMES `abandoned`. So an interaction
 * counts as abandoned from the earlier of:
 * - its `abandoned` row (written by the dropout worker, or when the customer withdrew), and
 * - the first millisecond it sat in the queue, unanswered, while older than dropout — measured from
 *   its FIRST queuing, so a re-queued interaction that comes back already past dropout is abandoned
 *   at the instant it is re-queued. Counting it before the worker writes the row keeps the service
 *   level honest when the worker lags; taking the earlier instant keeps the abandonment in the same
 *   day once the row exists. "Older than" is strict: at exactly `dropout` it is still waiting, so the
 *   instant is `queuedAt + dropout + 1 ms` (at the earliest) and every abandonment lands in exactly
 *   one day, even when `queuedAt + dropout` is the last millisecond before midnight.
 *
 * Only waiting in the queue counts: an assigned but unanswered interaction is in an agent's hands
 * (the chat time alarm watches it), and a wait after the first answer is not a customer left
 * unanswered. Whether the abandonment still stands is decided by `isAbandonedBy`.
 */
export function abandonmentAt(interaction: InteractionSummary, dropoutSeconds: number): number | undefined {
  const overdueFrom = interaction.queuedAt + dropoutSeconds * 1000 + 1;
  const answeredAt = interaction.answeredAt ?? Number.POSITIVE_INFINITY;
  let implicit: number | undefined;
  for (const span of interaction.waitingSpans) {
    if (span.from >= answeredAt) break;
    const first = Math.max(span.from, overdueFrom);
    if (span.to === undefined || first < span.to) {
      implicit = first;
      break;
    }
  }
  const explicit = interaction.abandonedAt;
  if (implicit === undefined) return explicit;
  if (explicit === undefined) return implicit;
  return Math.min(implicit, explicit);
}

/**
 * Abandoned as of `asOf`: the abandonment instant has passed and the customer has not been answered
 * by then. One outcome per interaction: if an agent answers an interaction already counted as
 * abandoned (the worker had not yet removed it from the queue), or the customer deletes a comment
 * after the reply, it counts as answered, not both.
 */
export function isAbandonedBy(
  interaction: InteractionSummary,
  dropoutSeconds: number,
  asOf: number,
): boolean {
  const at = abandonmentAt(interaction, dropoutSeconds);
  if (at === undefined || at > asOf) return false;
  return interaction.answeredAt === undefined || interaction.answeredAt > asOf;
}

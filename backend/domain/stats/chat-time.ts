import { sortedBy } from './order.ts';
import { phaseAt } from './phase.ts';
import type { InteractionSummary } from './types.ts';

/**
 * When a chat's clock starts for the chat time alarm: its FIRST assignment. DOMAIN.md flags "active
 * interactions older than chatTime"; the alarm watches how long agents hold chats, the live side of
 * AHT, which is also measured from the first assignment — the queue wait before it has its own
 * measures (longest waiting, dropout). Without an `assigned` row (a gap in the data) the queuing
 * instant stands in: the chat cannot have started before it.
 */
export function chatStartedAt(interaction: InteractionSummary): number {
  return interaction.firstAssignedAt ?? interaction.queuedAt;
}

/**
 * Active chats over chat time at an instant, oldest first. Active = held by an agent (assigned, or
 * answered and not completed, see `phase.ts`). "Older than" is strict: at exactly `chatTime` a chat
 * is not flagged yet.
 */
export function chatsOverTimeAt(
  interactions: readonly InteractionSummary[],
  at: number,
  chatTimeSeconds: number,
): InteractionSummary[] {
  return sortedBy(
    interactions.filter(
      (interaction) =>
        phaseAt(interaction, at) === 'active' && at - chatStartedAt(interaction) > chatTimeSeconds * 1000,
    ),
    chatStartedAt,
  );
}

import {
  type Channel,
  type InteractionState,
  type InteractionSummary,
  QUEUE_STATES,
  TERMINAL_STATES,
  type Transition,
  type WaitingSpan,
} from './types.ts';

/**
 * Folds one interaction's transitions into the instants the metrics use.
 *
 * - Rows may come in any order: they are sorted by `at`. The sort is stable, so rows with the same
 *   `at` keep the order they were given in (pass them in insertion order).
 * - Terminal states are final (DOMAIN.md: a new message after completion opens a new interaction), so
 *   rows after the first terminal one are ignored rather than allowed to reopen it.
 * - Each `first…At` is the first row of that state: a re-queued interaction keeps its first queuing
 *   (waits count from when the customer started waiting) and its first assignment (AHT starts there).
 * - Missing rows are tolerated: without a `queued` row the interaction counts as queued at its
 *   earliest row (it skipped the queue, e.g. routed straight to an agent); absent states stay absent.
 *
 * Throws when given no rows, or rows of several interactions: both are caller bugs.
 */
export function summarizeInteraction(
  transitions: readonly Transition[],
  channel?: Channel,
): InteractionSummary {
  const first = transitions[0];
  if (first === undefined) throw new RangeError('An interaction summary needs at least one transition.');
  const id = first.interactionId;
  if (transitions.some((t) => t.interactionId !== id)) {
    throw new RangeError(`Transitions of several interactions were given for ${id}.`);
  }

  const sorted = [...transitions].sort((a, b) => a.at - b.at);
  const terminalIndex = sorted.findIndex((t) => TERMINAL_STATES.has(t.state));
  const history = terminalIndex === -1 ? sorted : sorted.slice(0, terminalIndex + 1);

  const firstAt = (state: InteractionState) => history.find((t) => t.state === state)?.at;
  const last = history[history.length - 1]!;
  const agentId = history.findLast((t) => t.agentId != null)?.agentId ?? undefined;

  const summary: InteractionSummary = {
    id,
    queuedAt: firstAt('queued') ?? history[0]!.at,
    state: last.state,
    waitingSpans: waitingSpans(history),
  };
  assignDefined(summary, {
    firstAssignedAt: firstAt('assigned'),
    answeredAt: firstAt('answered'),
    completedAt: firstAt('completed'),
    abandonedAt: firstAt('abandoned'),
    expiredAt: firstAt('expired'),
    agentId,
    channel,
  });
  return summary;
}

/**
 * The stretches in the queue: one opens at a queue state (`queued`, or `offered` when the `queued`
 * row is missing) and closes at the first row that takes it out (assigned, answered or terminal).
 */
function waitingSpans(history: readonly Transition[]): WaitingSpan[] {
  const spans: WaitingSpan[] = [];
  let open: WaitingSpan | undefined;
  for (const t of history) {
    if (QUEUE_STATES.has(t.state)) {
      if (open === undefined) {
        open = { from: t.at };
        spans.push(open);
      }
    } else if (open !== undefined) {
      open.to = t.at;
      open = undefined;
    }
  }
  return spans;
}

/** Copies only the defined values, so a summary never carries `key: undefined`. */
function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}

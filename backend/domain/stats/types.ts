/**
 * The vocabulary of the statistics: what is read (transitions), what is configured (thresholds) and
 * what is derived per interaction (summary). Definitions follow DOMAIN.md, "Interaction lifecycle" and
 * "Metrics".
 */

/** DOMAIN.md lifecycle: queued → offered → assigned → answered → completed | abandoned | expired. */
export type InteractionState =
  | 'queued'
  | 'offered'
  | 'assigned'
  | 'answered'
  | 'completed'
  | 'abandoned'
  | 'expired';

/** The states after which nothing happens to an interaction (a new message opens a new one). */
export const TERMINAL_STATES: ReadonlySet<InteractionState> = new Set(['completed', 'abandoned', 'expired']);

/** The states in which an interaction sits in the campaign's queue, not yet held by an agent. */
export const QUEUE_STATES: ReadonlySet<InteractionState> = new Set(['queued', 'offered']);

export type Channel = 'facebook' | 'messenger';

/**
 * One stored lifecycle row. An interaction's history is its transitions in time order; it may be
 * re-queued (queued → assigned → queued when the agent logs out → assigned → answered …). The FIRST
 * `queued` is when it entered the queue; `answered` is the first agent reply, not the assignment.
 */
export interface Transition {
  interactionId: string;
  state: InteractionState;
  /** Epoch milliseconds. */
  at: number;
  /** The agent the row names (who was assigned, answered, completed), if any. */
  agentId?: string | null;
}

/**
 * A campaign's thresholds as configured (DOMAIN.md, "Campaign"). `serviceLevel`, `dropout` and
 * `chatTime` are seconds; `acd` is a COUNT of waiting customers (DOMAIN.md lists it with the
 * thresholds "in seconds", but defines it as the "maximum number of customers waiting").
 */
export interface Thresholds {
  /** Target answer time, seconds: answered within this counts for the service level. */
  serviceLevel: number;
  /** Seconds: a waiting interaction older than this counts as abandoned. */
  dropout: number;
  /** Seconds: an active chat older than this is flagged. */
  chatTime: number;
  /** Customers: more waiting than this raises the queue alarm. */
  acd: number;
}

/** A stretch of time the interaction sat in the queue: `from` inclusive, `to` exclusive (open if absent). */
export interface WaitingSpan {
  from: number;
  to?: number;
}

/** What the metrics need to know about one interaction, derived from its transitions. */
export interface InteractionSummary {
  id: string;
  /** When it FIRST entered the queue: waits (ASA, service level, dropout) count from here. */
  queuedAt: number;
  firstAssignedAt?: number;
  /** First agent reply. */
  answeredAt?: number;
  completedAt?: number;
  /** When an `abandoned` row was written (dropout passed, or the customer withdrew). */
  abandonedAt?: number;
  expiredAt?: number;
  /** The current state: the first terminal state reached, else the latest state. */
  state: InteractionState;
  /** The current agent, or the last one who held it. */
  agentId?: string;
  channel?: Channel;
  /**
   * Every stretch spent in the queue, in time order. Needed because a re-queued interaction is back
   * in the queue after its first assignment, which `queuedAt` and `firstAssignedAt` cannot show.
   */
  waitingSpans: readonly WaitingSpan[];
}

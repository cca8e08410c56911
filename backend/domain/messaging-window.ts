export const STANDARD_WINDOW_MS = 24 * 3600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;

export type MessagingPolicy =
  | { send: 'RESPONSE'; closesAt: number }
  | { send: 'HUMAN_AGENT'; closesAt: number }
  | { send: 'closed'; reason: string };

/**
 * Meta's Messenger windows: a reply within 24 h of the person's last message is a RESPONSE; a human
 * agent may answer up to 7 days with the HUMAN_AGENT tag when the Page is allowed to; after that
 * nothing may be sent until the person writes again. `pageWrote`: the Page already wrote to someone
 * who never wrote back (a private reply opened the chat), which changes only what the reason says.
 */
export function messagingPolicy(
  lastInboundMs: number | null,
  nowMs: number,
  humanAgentAllowed: boolean,
  pageWrote = false,
): MessagingPolicy {
  if (lastInboundMs === null) {
    return {
      send: 'closed',
      reason: pageWrote
        ? 'The private reply went out: Facebook allows nothing more until the person writes back.'
        : 'This person has not written to the Page: answer their comment privately first.',
    };
  }
  const age = nowMs - lastInboundMs;
  if (age <= STANDARD_WINDOW_MS) return { send: 'RESPONSE', closesAt: lastInboundMs + STANDARD_WINDOW_MS };
  if (humanAgentAllowed && age <= HUMAN_AGENT_WINDOW_MS) {
    return { send: 'HUMAN_AGENT', closesAt: lastInboundMs + HUMAN_AGENT_WINDOW_MS };
  }
  return {
    send: 'closed',
    reason: humanAgentAllowed
      ? 'The Messenger window closed: the person wrote more than 7 days ago.'
      : 'The 24-hour Messenger window closed (the Page does not allow the 7-day human agent tag).',
  };
}

/** A private reply (to a comment) is allowed once per comment, within 7 days of it. */
export function privateReplyAllowed(commentCreatedMs: number | null, alreadySent: boolean, nowMs: number) {
  if (alreadySent) return { ok: false as const, reason: 'This comment already had its private reply.' };
  if (commentCreatedMs !== null && nowMs - commentCreatedMs > HUMAN_AGENT_WINDOW_MS) {
    return {
      ok: false as const,
      reason: 'The comment is older than 7 days: Facebook no longer allows a private reply.',
    };
  }
  return { ok: true as const };
}

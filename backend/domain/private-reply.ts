import { privateReplyAllowed } from './messaging-window.ts';

/** What decides whether a comment may be answered privately in Messenger now. */
export interface PrivateReplyFacts {
  /** A customer wrote it (never the Page or one of our agents). */
  fromCustomer: boolean;
  commentCreatedMs: number | null;
  /** Facebook already took a private reply to it. */
  alreadySent: boolean;
  /** A private reply to it waits in the outbox (pending or held). */
  onItsWay: boolean;
  /** The Page has an enabled Messenger campaign, where the chat it opens is handled. */
  messengerCampaign: boolean;
}

export type PrivateReplyVerdict = { allowed: true; reason: null } | { allowed: false; reason: string };

/**
 * The one rule the sidebar's "Reply via Messenger" button and the reply route share: Meta's (once per
 * comment, within 7 days) plus ours (a chat needs a Messenger campaign to land in).
 */
export function privateReplyVerdict(f: PrivateReplyFacts, nowMs: number): PrivateReplyVerdict {
  if (!f.fromCustomer)
    return { allowed: false, reason: "Only a customer's comment can be answered privately." };
  if (!f.messengerCampaign) {
    return {
      allowed: false,
      reason:
        'No enabled Messenger campaign on this Page: the chat a private reply opens would have nowhere to go.',
    };
  }
  if (f.onItsWay) return { allowed: false, reason: 'A private reply to this comment is already on its way.' };
  const meta = privateReplyAllowed(f.commentCreatedMs, f.alreadySent, nowMs);
  return meta.ok ? { allowed: true, reason: null } : { allowed: false, reason: meta.reason };
}

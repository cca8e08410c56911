/** What an agent asked to send; the sender turns it into the right Graph call. */
export type OutboxPayload =
  | {
      kind: 'comment_reply';
      commentId: string;
      text?: string;
      attachmentUrl?: string;
      agentId: string;
      agentName: string;
    }
  | { kind: 'private_reply'; commentId: string; text: string; agentId: string; agentName: string }
  | {
      kind: 'message';
      psid: string;
      text?: string;
      attachment?: { type: 'image' | 'audio' | 'video' | 'file'; url: string };
      agentId: string;
      agentName: string;
    };

/** Replies in one conversation go out in the order they were written. */
export function conversationKey(pageId: string, p: OutboxPayload): string {
  return p.kind === 'message' ? `messenger:${pageId}:${p.psid}` : commentConversation(p.commentId);
}

/** A comment's replies, public and private, share one conversation. */
export const commentConversation = (commentId: string) => `comment:${commentId}`;

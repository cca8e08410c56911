import { and, asc, eq, or } from 'drizzle-orm';
import type { Transcript, TranscriptMessage } from '../../shared/api/interactions.ts';
import type { Database } from '../store/database.ts';
import { comments, messengerMessages, posts } from '../store/schema.ts';
import { viewInteraction } from './interaction-view.ts';

/**
 * Everything said in an interaction, in order, with its author: for Facebook the post and the
 * thread (the top comment and its replies), for Messenger the chat with this person.
 */
export async function transcript(db: Database, interactionId: string): Promise<Transcript | undefined> {
  const interaction = await viewInteraction(db, interactionId);
  if (!interaction) return undefined;
  if (interaction.channel === 'facebook') {
    const thread = await db
      .select()
      .from(comments)
      .where(or(eq(comments.id, interaction.threadKey), eq(comments.threadId, interaction.threadKey)))
      .orderBy(asc(comments.createdAt), asc(comments.id));
    const postId = thread[0]?.postId;
    const [post] = postId ? await db.select().from(posts).where(eq(posts.id, postId)).limit(1) : [];
    const messages: TranscriptMessage[] = thread.map((c) => ({
      id: c.id,
      author: {
        kind: c.agentId ? 'agent' : c.fromPage ? 'page' : 'customer',
        name: c.agentName ?? c.fromName,
        agentId: c.agentId,
      },
      text: c.message,
      attachments: [
        ...(c.photoUrl ? [{ type: 'image', url: c.photoUrl }] : []),
        ...(c.videoUrl ? [{ type: 'video', url: c.videoUrl }] : []),
      ],
      at: c.createdAt?.toISOString() ?? null,
      parentId: c.id === interaction.threadKey ? null : c.parentId,
      removed: c.removedAt !== null,
      privateReplySent: c.privateReplySentAt !== null,
    }));
    return {
      interaction,
      post: post ? { id: post.id, message: post.message, photoUrl: post.photoUrl } : null,
      messages,
    };
  }
  const chat = await db
    .select()
    .from(messengerMessages)
    .where(
      and(
        eq(messengerMessages.pageId, interaction.pageId),
        eq(messengerMessages.psid, interaction.threadKey),
      ),
    )
    .orderBy(asc(messengerMessages.sentAt), asc(messengerMessages.mid));
  return {
    interaction,
    post: null,
    messages: chat.map((m) => ({
      id: m.mid,
      author: {
        kind: m.direction === 'in' ? 'customer' : m.agentId ? 'agent' : 'page',
        name: m.direction === 'in' ? interaction.customerName : m.agentName,
        agentId: m.agentId,
      },
      text: m.text ?? '',
      attachments: (m.attachments as { type: string; url?: string }[]).map((a) => ({
        type: a.type,
        ...(a.url ? { url: a.url } : {}),
      })),
      at: m.sentAt.toISOString(),
      parentId: null,
      removed: false,
    })),
  };
}

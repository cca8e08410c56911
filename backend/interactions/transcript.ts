import { and, asc, eq, or } from 'drizzle-orm';
import type {
  InteractionContext,
  InteractionView,
  MessengerWindow,
  Transcript,
  TranscriptMessage,
} from '../../shared/api/interactions.ts';
import { messengerPolicy } from '../conversations/messenger-window.ts';
import { outgoingReplies } from '../outbox/outgoing-view.ts';
import { findPage, type PageRow } from '../pages/page-store.ts';
import type { Database } from '../store/database.ts';
import { campaigns, comments, messengerMessages, posts } from '../store/schema.ts';
import { viewInteraction } from './interaction-view.ts';
import { privateReplyJudge } from './private-reply-facts.ts';

/**
 * Everything said in an interaction, in order, with its author: for Facebook the post and the
 * thread (the top comment and its replies), for Messenger the chat with this person. Around it, what
 * the composer needs now: the replies still on their way, the Page's health, the canned responses,
 * where a private reply would go and the Messenger window.
 */
export async function transcript(
  db: Database,
  interactionId: string,
  now: Date,
): Promise<Transcript | undefined> {
  const interaction = await viewInteraction(db, interactionId);
  if (!interaction) return undefined;
  const page = await findPage(db, interaction.pageId);
  if (!page) return undefined;
  const outgoing = await outgoingReplies(db, interactionId);
  if (interaction.channel === 'facebook') {
    const thread = await db
      .select()
      .from(comments)
      .where(or(eq(comments.id, interaction.threadKey), eq(comments.threadId, interaction.threadKey)))
      .orderBy(asc(comments.createdAt), asc(comments.id));
    const postId = thread[0]?.postId;
    const [post] = postId ? await db.select().from(posts).where(eq(posts.id, postId)).limit(1) : [];
    const judge = await privateReplyJudge(
      db,
      page.id,
      thread.map((c) => c.id),
    );
    const messages: TranscriptMessage[] = thread.map((c) => {
      const kind = c.agentId ? 'agent' : c.fromPage ? 'page' : 'customer';
      return {
        id: c.id,
        author: { kind, name: c.agentName ?? c.fromName, agentId: c.agentId },
        text: c.message,
        attachments: [
          ...(c.photoUrl ? [{ type: 'image', url: c.photoUrl }] : []),
          ...(c.videoUrl ? [{ type: 'video', url: c.videoUrl }] : []),
        ],
        at: c.createdAt?.toISOString() ?? null,
        parentId: c.id === interaction.threadKey ? null : c.parentId,
        removed: c.removedAt !== null,
        privateReplySent: c.privateReplySentAt !== null,
        ...(kind === 'customer' ? { privateReply: judge.verdict(c, now) } : {}),
      };
    });
    return {
      interaction,
      post: post ? { id: post.id, message: post.message, photoUrl: post.photoUrl } : null,
      messages,
      outgoing,
      context: await context(db, interaction, page, judge.messengerCampaign, null),
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
  const policy = await messengerPolicy(db, page, interaction.threadKey, now);
  const window: MessengerWindow =
    policy.send === 'closed'
      ? { state: 'closed', reason: policy.reason }
      : { state: 'open', tag: policy.send, closesAt: new Date(policy.closesAt).toISOString() };
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
    outgoing,
    context: await context(db, interaction, page, null, window),
  };
}

async function context(
  db: Database,
  interaction: InteractionView,
  page: PageRow,
  messengerCampaign: { id: string; name: string } | null,
  window: MessengerWindow | null,
): Promise<InteractionContext> {
  const [campaign] = await db
    .select({ canned: campaigns.cannedResponses })
    .from(campaigns)
    .where(eq(campaigns.id, interaction.campaignId))
    .limit(1);
  return {
    page: { id: page.id, name: page.name, health: page.health, healthReason: page.healthReason },
    cannedResponses: (campaign?.canned ?? []).map((r) => ({ title: r.title, text: r.text })),
    messengerCampaign,
    window,
  };
}

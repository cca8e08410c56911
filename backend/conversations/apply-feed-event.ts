import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type {
  CommentAddedEvent,
  CommentEditedEvent,
  CommentRemovedEvent,
  CommentVisibilityEvent,
  PostEvent,
} from '../facebook/webhook-events.ts';
import type { Database } from '../store/database.ts';
import { comments, posts } from '../store/schema.ts';

const at = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

/** The thread a comment belongs to: its top-level comment (Facebook nests one level only). */
const threadOf = (e: { commentId: string; parentId?: string; isReply?: boolean }) =>
  e.isReply && e.parentId ? e.parentId : e.commentId;

/** Makes sure the post a comment hangs on exists, so the thread always has its context row. */
async function ensurePost(db: Database, pageId: string, postId: string) {
  await db.insert(posts).values({ id: postId, pageId }).onConflictDoNothing();
}

/**
 * A comment was added or edited. Feed events have no ordering promise, so both are upserts: an
 * `add` arriving after an `edit` fills what is missing without undoing the edit, and an older
 * edit never overwrites a newer one. Our own replies (sent by the outbox, already stored with the
 * agent's name) only gain what the webhook adds.
 */
export async function applyComment(db: Database, e: CommentAddedEvent | CommentEditedEvent) {
  await ensurePost(db, e.pageId, e.postId);
  const edited = e.kind === 'comment.edited';
  const base = {
    id: e.commentId,
    pageId: e.pageId,
    postId: e.postId,
    parentId: e.parentId,
    threadId: threadOf(e),
    fromId: e.from?.id ?? null,
    fromName: e.from?.name ?? null,
    fromPage: e.fromPage,
    message: e.message,
    photoUrl: e.photoUrl ?? null,
    videoUrl: e.videoUrl ?? null,
  };
  if (!edited) {
    await db
      .insert(comments)
      .values({ ...base, createdAt: at(e.createdAt) })
      .onConflictDoUpdate({
        target: comments.id,
        set: {
          createdAt: sql`coalesce(${comments.createdAt}, excluded.created_at)`,
          fromId: sql`coalesce(${comments.fromId}, excluded.from_id)`,
          fromName: sql`coalesce(${comments.fromName}, excluded.from_name)`,
          parentId: sql`coalesce(${comments.parentId}, excluded.parent_id)`,
        },
      });
    return;
  }
  const editedAt = at(e.createdAt)!;
  await db
    .insert(comments)
    .values({ ...base, editedAt })
    .onConflictDoUpdate({
      target: comments.id,
      set: { message: e.message, photoUrl: base.photoUrl, videoUrl: base.videoUrl, editedAt },
      where: or(isNull(comments.editedAt), lt(comments.editedAt, editedAt)),
    });
}

/** A removal is kept as a mark: the conversation's history stays whole. */
export async function applyCommentRemoved(db: Database, e: CommentRemovedEvent, receivedAt: Date) {
  await ensurePost(db, e.pageId, e.postId);
  const removedAt = at(e.createdAt) ?? receivedAt;
  await db
    .insert(comments)
    .values({
      id: e.commentId,
      pageId: e.pageId,
      postId: e.postId,
      parentId: e.parentId ?? null,
      threadId: e.parentId && e.parentId !== e.postId ? e.parentId : e.commentId,
      fromId: e.from?.id ?? null,
      fromName: e.from?.name ?? null,
      removedAt,
    })
    .onConflictDoUpdate({ target: comments.id, set: { removedAt }, where: isNull(comments.removedAt) });
}

export async function applyCommentVisibility(db: Database, e: CommentVisibilityEvent) {
  await db
    .update(comments)
    .set({ hidden: e.kind === 'comment.hidden' })
    .where(and(eq(comments.id, e.commentId), eq(comments.pageId, e.pageId)));
}

export async function applyPost(db: Database, e: PostEvent, receivedAt: Date) {
  if (e.kind === 'post.removed') {
    await db
      .insert(posts)
      .values({ id: e.postId, pageId: e.pageId, removedAt: receivedAt })
      .onConflictDoUpdate({ target: posts.id, set: { removedAt: receivedAt } });
    return;
  }
  const fields = {
    fromId: e.from?.id ?? null,
    fromName: e.from?.name ?? null,
    message: e.message,
    photoUrl: e.photoUrl ?? null,
    link: e.link ?? null,
  };
  await db
    .insert(posts)
    .values({ id: e.postId, pageId: e.pageId, ...fields, createdAt: at(e.createdAt) })
    .onConflictDoUpdate({
      target: posts.id,
      set: { ...fields, createdAt: sql`coalesce(${posts.createdAt}, excluded.created_at)` },
    });
}

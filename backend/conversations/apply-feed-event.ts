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

/** Makes sure the posts comments hang on exist, so every thread always has its context row. */
async function ensurePosts(db: Database, pageAndPost: { pageId: string; postId: string }[]) {
  const unique = new Map(pageAndPost.map((p) => [p.postId, { id: p.postId, pageId: p.pageId }]));
  if (unique.size === 0) return;
  await db
    .insert(posts)
    .values([...unique.values()])
    .onConflictDoNothing();
}

async function ensurePost(db: Database, pageId: string, postId: string) {
  await ensurePosts(db, [{ pageId, postId }]);
}

/**
 * A comment was added or edited. Feed events have no ordering promise, so both are upserts: an
 * `add` arriving after an `edit` fills what is missing without undoing the edit, and an older
 * edit never overwrites a newer one. Our own replies (sent by the outbox, already stored with the
 * agent's name) only gain what the webhook adds.
 */
export async function applyComment(db: Database, e: CommentAddedEvent | CommentEditedEvent) {
  if (e.kind === 'comment.added') return applyCommentsAdded(db, [e]);
  await ensurePost(db, e.pageId, e.postId);
  const editedAt = at(e.createdAt)!;
  const base = fieldsOf(e);
  await db
    .insert(comments)
    .values({ ...base, editedAt })
    .onConflictDoUpdate({
      target: comments.id,
      set: { message: e.message, photoUrl: base.photoUrl, videoUrl: base.videoUrl, editedAt },
      where: or(isNull(comments.editedAt), lt(comments.editedAt, editedAt)),
    });
}

/**
 * Added comments, a webhook round's at once: their posts in one statement, the comments in one
 * more. A comment named twice splits the statement (one upsert cannot touch a row twice), so each
 * occurrence still fills only what the one before left missing, as one statement each would.
 */
export async function applyCommentsAdded(db: Database, events: CommentAddedEvent[]) {
  if (events.length === 0) return;
  await ensurePosts(db, events);
  for (const run of runsOfDistinct(events, (e) => e.commentId)) {
    await db
      .insert(comments)
      .values(run.map((e) => ({ ...fieldsOf(e), createdAt: at(e.createdAt) })))
      .onConflictDoUpdate({
        target: comments.id,
        set: {
          createdAt: sql`coalesce(${comments.createdAt}, excluded.created_at)`,
          fromId: sql`coalesce(${comments.fromId}, excluded.from_id)`,
          fromName: sql`coalesce(${comments.fromName}, excluded.from_name)`,
          parentId: sql`coalesce(${comments.parentId}, excluded.parent_id)`,
        },
      });
  }
}

function fieldsOf(e: CommentAddedEvent | CommentEditedEvent) {
  return {
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
}

/** Consecutive runs in which no key repeats, in order. */
function runsOfDistinct<T>(items: T[], key: (item: T) => string): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let keys = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (keys.has(k)) {
      runs.push(run);
      run = [];
      keys = new Set();
    }
    keys.add(k);
    run.push(item);
  }
  if (run.length) runs.push(run);
  return runs;
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

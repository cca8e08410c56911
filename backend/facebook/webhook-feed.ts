import { createHash } from 'node:crypto';
import type {
  CommentFields,
  IgnoredEvent,
  PostEvent,
  PostItem,
  ReactionEvent,
  WebhookActor,
  WebhookEvent,
} from './webhook-events.ts';
import {
  asRecord,
  at,
  dedupeKey,
  definedOnly,
  describe,
  isAbsent,
  type JsonRecord,
  own,
  quote,
  readArray,
  readId,
  readString,
  readTime,
  readUrl,
  type Site,
  toHttpUrl,
  toId,
} from './webhook-fields.ts';

/**
 * One `feed` change value (`entry[].changes[]` with `field: "feed"`) as a normalized event. Pure.
 * Shapes: FACEBOOK-PLATFORM.md §2.1; current payloads name the author `from{id,name}`, legacy (≈v2.5)
 * ones `sender_id` (a JSON number) + `sender_name`. Times are unix seconds.
 */

export interface FeedSite extends Site {
  pageId: string;
  /** `entry.time` in epoch ms: the fallback when a value has no `created_time` (visitor posts do not). */
  entryTime: number | undefined;
}

export function normalizeFeedValue(raw: unknown, site: FeedSite): WebhookEvent | undefined {
  const value = asRecord(raw);
  if (!value) {
    site.report(site.path, `expected an object, got ${describe(raw)}`);
    return undefined;
  }
  const item = requireString(value, 'item', site);
  const verb = requireString(value, 'verb', site);
  if (item === undefined || verb === undefined) return undefined;
  switch (item) {
    case 'comment':
      return comment(value, verb, site);
    case 'status':
    case 'post':
    case 'photo':
    case 'video':
      return post(value, item, verb, site);
    case 'reaction':
      return reaction(value, verb, site);
    default:
      // share, like (the pre-reactions like), album, event, ...: nothing an agent answers.
      return ignored(site, `item ${quote(item)} is not handled`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Comments

const COMMENT_KINDS = {
  add: 'comment.added',
  edited: 'comment.edited',
  // Comments and posts say `edited`; reactions say `edit`. Accept both rather than drop an edit.
  edit: 'comment.edited',
  remove: 'comment.removed',
  hide: 'comment.hidden',
  unhide: 'comment.unhidden',
} as const;

function comment(value: JsonRecord, verb: string, site: FeedSite): WebhookEvent | undefined {
  const kind = Object.hasOwn(COMMENT_KINDS, verb)
    ? COMMENT_KINDS[verb as keyof typeof COMMENT_KINDS]
    : undefined;
  if (kind === undefined) return ignored(site, `verb ${quote(verb)} on a comment is not handled`);
  const commentId = readId(value, 'comment_id', site, true);
  const postId = readPostId(value, site);
  if (commentId === undefined || postId === undefined) return undefined;
  const createdTime = readTime(value, 'created_time', 's', site);
  const { pageId } = site;

  switch (kind) {
    case 'comment.hidden':
    case 'comment.unhidden': {
      // Hides toggle, so the time is part of the key: hide, unhide, hide again are three facts.
      const when = createdTime ?? site.entryTime;
      return {
        kind,
        pageId,
        dedupeKey: dedupeKey(kind, pageId, commentId, when),
        postId,
        commentId,
        ...definedOnly({ createdAt: when }),
      };
    }
    case 'comment.removed': {
      const from = readActor(value, site);
      return {
        kind,
        pageId,
        // A comment is removed once; retries of that removal share the key whatever their time.
        dedupeKey: dedupeKey(kind, pageId, commentId),
        postId,
        commentId,
        ...definedOnly({
          parentId: readId(value, 'parent_id', site, false),
          from: from ?? undefined,
          createdAt: createdTime ?? site.entryTime,
        }),
      };
    }
    case 'comment.added':
    case 'comment.edited': {
      const createdAt = createdTime ?? site.entryTime;
      if (createdAt === undefined) {
        site.report(site.path, 'skipped: no usable created_time or entry.time');
        return undefined;
      }
      const fields = commentFields(value, site, postId, commentId, createdAt);
      const key =
        kind === 'comment.added'
          ? // Each comment is added once: the id alone identifies the fact.
            dedupeKey(kind, pageId, commentId)
          : // A comment can be edited many times. In the samples an edit's created_time equals
            // entry.time (the edit's time, not the comment's), which Meta does not document, and one
            // second can hold two edits: the new content is part of the key too.
            dedupeKey(
              kind,
              pageId,
              commentId,
              createdAt,
              digest(fields.message, fields.photoUrl, fields.videoUrl),
            );
      return { kind, pageId, dedupeKey: key, ...fields };
    }
  }
}

function commentFields(
  value: JsonRecord,
  site: FeedSite,
  postId: string,
  commentId: string,
  createdAt: number,
): CommentFields {
  const from = readActor(value, site);
  const parentId = readId(value, 'parent_id', site, false) ?? postId;
  return {
    postId,
    commentId,
    parentId,
    isReply: !isThePost(parentId, postId),
    from,
    fromPage: from?.id === site.pageId,
    message: readString(value, 'message', site) ?? '',
    ...definedOnly({ photoUrl: readUrl(value, 'photo', site), videoUrl: readUrl(value, 'video', site) }),
    createdAt,
  };
}

/**
 * A top-level comment's `parent_id` is the post id (`{page}_{post}`). Some payloads give the bare
 * post object id instead, which must not be mistaken for a parent comment (`{post}_{comment}`).
 */
function isThePost(parentId: string, postId: string): boolean {
  return parentId === postId || postId.endsWith(`_${parentId}`);
}

// ---------------------------------------------------------------------------------------------------
// Posts

const POST_KINDS = {
  add: 'post.added',
  edited: 'post.edited',
  edit: 'post.edited',
  remove: 'post.removed',
} as const;

function post(value: JsonRecord, item: PostItem, verb: string, site: FeedSite): WebhookEvent | undefined {
  const kind = Object.hasOwn(POST_KINDS, verb) ? POST_KINDS[verb as keyof typeof POST_KINDS] : undefined;
  // hide/unhide of posts and block/unblock/mute of videos are moderation noise for an inbox.
  if (kind === undefined) return ignored(site, `verb ${quote(verb)} on item ${quote(item)} is not handled`);
  const postId = readPostId(value, site);
  if (postId === undefined) return undefined;
  const createdTime = readTime(value, 'created_time', 's', site);
  const createdAt = createdTime ?? site.entryTime;
  if (createdAt === undefined) {
    site.report(site.path, 'skipped: no usable created_time or entry.time');
    return undefined;
  }
  const from = readActor(value, site);
  // Removals carry no text; whatever else they carry is not the post's content any more.
  const removed = kind === 'post.removed';
  const message = removed ? '' : (readString(value, 'message', site) ?? '');
  const photoUrl = removed ? undefined : readPhotoUrl(value, item, site);
  // For a `photo` item `link` is the photo itself (read above), not a shared link.
  const link = removed || item === 'photo' ? undefined : readUrl(value, 'link', site);
  const { pageId } = site;
  // The item is part of the key: if Meta reports one post under two items (say `photo` and `status`;
  // not seen in samples, not ruled out by the docs), the second may carry what the first lacked.
  // Consumers upsert the post either way.
  const key =
    kind === 'post.edited'
      ? dedupeKey(kind, pageId, postId, item, createdAt, digest(message, photoUrl, link))
      : dedupeKey(kind, pageId, postId, item);
  const event: PostEvent = {
    kind,
    pageId,
    dedupeKey: key,
    item,
    postId,
    from,
    fromPage: from?.id === pageId,
    message,
    ...definedOnly({ photoUrl, link }),
    createdAt,
  };
  return event;
}

/** A `photo` item's `link`, else a `photo` field, else the first of a multi-photo status's `photos[]`. */
function readPhotoUrl(value: JsonRecord, item: PostItem, site: FeedSite): string | undefined {
  const fromLink = item === 'photo' ? readUrl(value, 'link', site) : undefined;
  if (fromLink !== undefined) return fromLink;
  const photo = readUrl(value, 'photo', site);
  if (photo !== undefined) return photo;
  const photos = readArray(value, 'photos', site);
  for (let i = 0; i < photos.length; i++) {
    const url = toHttpUrl(photos[i], at(at(site, 'photos'), i));
    if (url !== undefined) return url;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Reactions

const REACTION_VERBS = { add: 'add', edit: 'edit', edited: 'edit', remove: 'remove' } as const;

function reaction(value: JsonRecord, verb: string, site: FeedSite): WebhookEvent | undefined {
  const normalizedVerb = Object.hasOwn(REACTION_VERBS, verb)
    ? REACTION_VERBS[verb as keyof typeof REACTION_VERBS]
    : undefined;
  if (normalizedVerb === undefined) return ignored(site, `verb ${quote(verb)} on a reaction is not handled`);
  const postId = readPostId(value, site);
  if (postId === undefined) return undefined;
  const commentId = readId(value, 'comment_id', site, false);
  const from = readActor(value, site);
  const reactionType = readString(value, 'reaction_type', site) || undefined;
  const createdAt = readTime(value, 'created_time', 's', site) ?? site.entryTime;
  const { pageId } = site;
  const event: ReactionEvent = {
    kind: 'reaction',
    pageId,
    dedupeKey: dedupeKey(
      'reaction',
      pageId,
      postId,
      commentId,
      from?.id,
      normalizedVerb,
      reactionType,
      createdAt,
    ),
    postId,
    verb: normalizedVerb,
    from,
    ...definedOnly({ commentId, parentId: readId(value, 'parent_id', site, false), reactionType, createdAt }),
  };
  return event;
}

// ---------------------------------------------------------------------------------------------------
// Shared readers

function requireString(value: JsonRecord, key: string, site: Site): string | undefined {
  const text = readString(value, key, site);
  if (text === undefined && isAbsent(own(value, key))) site.report(at(site, key).path, 'missing');
  return text;
}

/** `post_id`, or the `post.id` of the `post{...}` object newer comment payloads add. */
function readPostId(value: JsonRecord, site: Site): string | undefined {
  const direct = readId(value, 'post_id', site, false);
  if (direct !== undefined) return direct;
  const nested = asRecord(own(value, 'post'));
  const fromObject = nested ? toId(own(nested, 'id')) : undefined;
  if (fromObject === undefined && isAbsent(own(value, 'post_id'))) {
    site.report(at(site, 'post_id').path, 'missing');
  }
  return fromObject;
}

/**
 * The author: `from{id,name}` (current), else `sender_id`/`sender_name` (legacy), else null; Meta
 * leaves the author out for some users and access levels, which is not a payload error.
 */
function readActor(value: JsonRecord, site: Site): WebhookActor | null {
  const from = own(value, 'from');
  if (!isAbsent(from)) {
    const record = asRecord(from);
    if (!record) site.report(at(site, 'from').path, `expected an object, got ${describe(from)}`);
    else {
      const id = readId(record, 'id', at(site, 'from'), true);
      if (id !== undefined) return actor(id, readString(record, 'name', at(site, 'from')));
    }
  }
  const senderId = readId(value, 'sender_id', site, false);
  if (senderId !== undefined) return actor(senderId, readString(value, 'sender_name', site));
  return null;
}

function actor(id: string, name: string | undefined): WebhookActor {
  return name ? { id, name } : { id };
}

function ignored(site: FeedSite, reason: string): IgnoredEvent {
  return { kind: 'ignored', pageId: site.pageId, field: 'feed', reason };
}

/** A short fingerprint of new content, so two edits in the same second get different keys. */
function digest(...texts: (string | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 16);
}

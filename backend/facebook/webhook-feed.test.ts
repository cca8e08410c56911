import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_DIR, readOwnJson } from './fixtures/load-fixture.ts';
import type { WebhookEvent } from './webhook-events.ts';
import { normalizeWebhook } from './webhook-normalizer.ts';

const PAGE = '104857600000001';

/** A one-change feed body around `value`, as Meta wraps it. */
function feedBody(value: unknown, entry: Record<string, unknown> = {}): unknown {
  return {
    object: 'page',
    entry: [{ id: PAGE, time: 1767225600, changes: [{ field: 'feed', value }], ...entry }],
  };
}

function only(body: unknown): { event: WebhookEvent; problems: string[] } {
  const { events, problems } = normalizeWebhook(body);
  expect(events).toHaveLength(1);
  return { event: events[0]!, problems };
}

const comment = {
  item: 'comment',
  verb: 'add',
  comment_id: '122100000000000001_1300000000000002',
  post_id: `${PAGE}_122100000000000001`,
  parent_id: `${PAGE}_122100000000000001`,
  from: { id: '7210000000000001', name: 'Ana Costa' },
  created_time: 1767225600,
  message: 'Hello',
};

describe('feed comments', () => {
  it('marks a reply to a comment as a reply, with the parent comment as parentId', () => {
    const { event, problems } = only(readOwnJson('feed-comment-reply.json'));
    expect(problems).toEqual([]);
    expect(event).toEqual({
      kind: 'comment.added',
      pageId: PAGE,
      dedupeKey: `comment.added|${PAGE}|122100000000000001_1300000000000002`,
      postId: `${PAGE}_122100000000000001`,
      commentId: '122100000000000001_1300000000000002',
      parentId: '122100000000000001_1300000000000001',
      isReply: true,
      from: { id: '7210000000000001', name: 'Ana Costa' },
      fromPage: false,
      message: 'Any update on my order? 🙏',
      createdAt: 1767225600000,
    });
  });

  it('keeps the video of a GIF or video comment, with an empty message', () => {
    const { event, problems } = only(readOwnJson('feed-comment-video.json'));
    expect(problems).toEqual([]);
    expect(event).toMatchObject({
      kind: 'comment.added',
      isReply: false,
      message: '',
      videoUrl: 'https://video.xx.fbcdn.net/v/t42.3356-2/clip.mp4?_nc_cat=1&oh=00_abc&oe=6A000000',
    });
    expect(event).not.toHaveProperty('photoUrl');
  });

  it('turns unhide into comment.unhidden with the time it happened', () => {
    const { event } = only(readOwnJson('feed-comment-unhide.json'));
    expect(event).toEqual({
      kind: 'comment.unhidden',
      pageId: PAGE,
      dedupeKey: `comment.unhidden|${PAGE}|122100000000000001_1300000000000002|1767225800000`,
      postId: `${PAGE}_122100000000000001`,
      commentId: '122100000000000001_1300000000000002',
      createdAt: 1767225800000,
    });
  });

  it('reads legacy sender_id/sender_name, keeping a 17-digit numeric id exact', () => {
    const { event, problems } = only(readOwnJson('feed-comment-legacy-sender-fields.json'));
    expect(problems).toEqual([]);
    expect(event).toMatchObject({
      kind: 'comment.added',
      pageId: PAGE,
      from: { id: '10158407654328553', name: 'Chidi Okafor' },
      isReply: true,
      parentId: '122100000000000001_1300000000000002',
    });
  });

  it('reports a numeric id that JSON.parse already rounded, and keeps the comment without an author', () => {
    const text = readFileSync(path.join(OWN_DIR, 'feed-comment-legacy-sender-fields.json'), 'utf8');
    const { event, problems } = only(JSON.parse(text));
    expect(problems).toEqual([
      expect.stringMatching(
        /^entry\[0\]\.changes\[0\]\.value\.sender_id: number 10158407654328552 is too large .*parseGraphJson/,
      ),
    ]);
    expect(event).toMatchObject({ kind: 'comment.added', from: null, fromPage: false });
  });

  it("flags the Page's own comment so an agent's reply does not open a new interaction", () => {
    const { event } = only(feedBody({ ...comment, from: { id: PAGE, name: 'Shop' } }));
    expect(event).toMatchObject({ fromPage: true, from: { id: PAGE } });
  });

  it('treats a bare post object id in parent_id as the post, not as a parent comment', () => {
    const { event } = only(feedBody({ ...comment, parent_id: '122100000000000001' }));
    expect(event).toMatchObject({ isReply: false, parentId: '122100000000000001' });
  });

  it('uses the post id as parent when parent_id is missing, and null when the author is missing', () => {
    const { parent_id: _p, from: _f, ...bare } = comment;
    const { event, problems } = only(feedBody(bare));
    expect(problems).toEqual([]);
    expect(event).toMatchObject({ parentId: comment.post_id, isReply: false, from: null, fromPage: false });
  });

  it('takes the post id from the post{} object when post_id is absent', () => {
    const { post_id: _, ...withoutPostId } = comment;
    const { event } = only(feedBody({ ...withoutPostId, post: { id: comment.post_id } }));
    expect(event).toMatchObject({ postId: comment.post_id });
  });

  it('falls back to entry.time (seconds) when created_time is missing, and accepts ISO created_time', () => {
    const { created_time: _, ...noTime } = comment;
    expect(only(feedBody(noTime, { time: 1767229999 })).event).toMatchObject({ createdAt: 1767229999000 });
    expect(only(feedBody({ ...comment, created_time: '2026-01-01T00:00:00+0000' })).event).toMatchObject({
      createdAt: Date.UTC(2026, 0, 1),
    });
  });

  it('skips a comment with no time at all but still normalizes its neighbours', () => {
    const { created_time: _, ...noTime } = comment;
    const body = {
      object: 'page',
      entry: [
        {
          id: PAGE,
          changes: [
            { field: 'feed', value: noTime },
            { field: 'feed', value: { ...comment, comment_id: 'x_2' } },
          ],
        },
      ],
    };
    const { events, problems } = normalizeWebhook(body);
    expect(events.map((e) => e.kind === 'comment.added' && e.commentId)).toEqual(['x_2']);
    expect(problems).toEqual(['entry[0].changes[0].value: skipped: no usable created_time or entry.time']);
  });

  it('skips a comment without comment_id and says where', () => {
    const { comment_id: _, ...noId } = comment;
    const { events, problems } = normalizeWebhook(feedBody(noId));
    expect(events).toEqual([]);
    expect(problems).toEqual(['entry[0].changes[0].value.comment_id: missing']);
  });

  it('drops a non-http photo URL but keeps the comment', () => {
    const { event, problems } = only(feedBody({ ...comment, photo: 'javascript:alert(1)' }));
    expect(event).not.toHaveProperty('photoUrl');
    expect(problems).toEqual(['entry[0].changes[0].value.photo: "javascript:alert(1)" is not http(s)']);
  });

  it('has no message on removals even if one is sent, and accepts `edit` as a spelling of `edited`', () => {
    const removed = only(feedBody({ ...comment, verb: 'remove' })).event;
    expect(removed).not.toHaveProperty('message');
    expect(only(feedBody({ ...comment, verb: 'edit', message: 'fixed' })).event).toMatchObject({
      kind: 'comment.edited',
      message: 'fixed',
    });
  });

  it('ignores verbs it does not know on comments', () => {
    expect(only(feedBody({ ...comment, verb: 'pin' })).event).toEqual({
      kind: 'ignored',
      pageId: PAGE,
      field: 'feed',
      reason: 'verb "pin" on a comment is not handled',
    });
  });
});

describe('feed dedupe keys', () => {
  const keyOf = (value: unknown, entry?: Record<string, unknown>) =>
    (only(feedBody(value, entry)).event as { dedupeKey: string }).dedupeKey;

  it('gives a retried add the same key, even if the retry has another entry.time', () => {
    expect(keyOf(comment, { time: 1767225600 })).toBe(keyOf(comment, { time: 1767225999 }));
  });

  it('gives two edits of one comment different keys, and a duplicate edit the same key', () => {
    const edit = { ...comment, verb: 'edited', message: 'first edit' };
    const sameSecond = { ...edit, message: 'second edit' };
    expect(keyOf(edit)).not.toBe(keyOf(sameSecond));
    expect(keyOf(edit)).toBe(keyOf({ ...edit }));
    expect(keyOf(edit)).not.toBe(keyOf({ ...edit, created_time: edit.created_time + 60 }));
  });

  it('keeps hide, unhide and hide again as three facts', () => {
    const keys = [
      keyOf({ ...comment, verb: 'hide', created_time: 1767225601 }),
      keyOf({ ...comment, verb: 'unhide', created_time: 1767225602 }),
      keyOf({ ...comment, verb: 'hide', created_time: 1767225603 }),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  it('scopes keys by Page', () => {
    expect(keyOf(comment)).not.toBe(
      (
        normalizeWebhook({
          object: 'page',
          entry: [{ id: '204857600000002', time: 1, changes: [{ field: 'feed', value: comment }] }],
        }).events[0] as { dedupeKey: string }
      ).dedupeKey,
    );
  });
});

describe('feed posts', () => {
  it('normalizes photo, video, multi-photo status, visitor edit and legacy removal', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('feed-posts-photo-video-edit-remove.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        kind: 'post.added',
        pageId: PAGE,
        dedupeKey: `post.added|${PAGE}|${PAGE}_1500000000000001|photo`,
        item: 'photo',
        postId: `${PAGE}_1500000000000001`,
        from: { id: PAGE, name: 'Pagedesk Test Shop' },
        fromPage: true,
        message: 'New arrivals are in',
        // For a photo item, `link` is the photo itself.
        photoUrl: 'https://scontent.xx.fbcdn.net/v/t39.30808-6/new-arrivals.jpg?oh=00_abc&oe=6A000000',
        createdAt: 1767226000000,
      },
      expect.objectContaining({
        kind: 'post.added',
        item: 'video',
        link: 'https://video.xx.fbcdn.net/v/t42.1790-2/unboxing.mp4',
      }),
      expect.objectContaining({
        kind: 'post.added',
        item: 'status',
        photoUrl: 'https://scontent.xx.fbcdn.net/v/first.jpg',
      }),
      expect.objectContaining({
        kind: 'post.edited',
        item: 'post',
        from: { id: '7210000000000003', name: 'Dana Weiss' },
        fromPage: false,
        message: 'Edited: five stars after all',
        link: 'https://example.com/my-review',
      }),
      {
        kind: 'post.removed',
        pageId: PAGE,
        dedupeKey: `post.removed|${PAGE}|${PAGE}_122100000000000003|post`,
        item: 'post',
        postId: `${PAGE}_122100000000000003`,
        from: { id: '7210000000000003' },
        fromPage: false,
        message: '',
        createdAt: 1767226004000,
      },
    ]);
  });
});

describe('feed reactions and skipped items', () => {
  it('keeps a reaction on a comment with its comment and parent ids', () => {
    const { event } = only(
      feedBody({
        item: 'reaction',
        verb: 'remove',
        reaction_type: 'like',
        post_id: comment.post_id,
        comment_id: comment.comment_id,
        parent_id: comment.post_id,
        from: { id: '7210000000000001' },
        created_time: 1767225600,
      }),
    );
    expect(event).toMatchObject({
      kind: 'reaction',
      verb: 'remove',
      reactionType: 'like',
      commentId: comment.comment_id,
      parentId: comment.post_id,
      from: { id: '7210000000000001' },
    });
  });

  it('ignores shares, likes, post hides, video blocks and non-feed change fields', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('feed-ignored-items.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      { kind: 'ignored', pageId: PAGE, field: 'feed', reason: 'item "share" is not handled' },
      { kind: 'ignored', pageId: PAGE, field: 'feed', reason: 'item "like" is not handled' },
      { kind: 'ignored', pageId: PAGE, field: 'feed', reason: 'verb "hide" on item "post" is not handled' },
      { kind: 'ignored', pageId: PAGE, field: 'feed', reason: 'verb "block" on item "video" is not handled' },
      { kind: 'ignored', pageId: PAGE, field: 'mention', reason: 'change field "mention" is not handled' },
    ]);
  });
});

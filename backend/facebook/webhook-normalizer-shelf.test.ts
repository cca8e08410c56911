import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShelfJson, SHELF_DIR } from './fixtures/load-fixture.ts';
import type { NormalizedWebhook, WebhookEventKind } from './webhook-events.ts';
import { normalizeWebhook } from './webhook-normalizer.ts';

/**
 * Every real payload on the shared shelf, with what it must normalize to. A file added to the shelf
 * fails the enumeration test below until someone decides here what it should produce.
 */

interface Expectation {
  kinds: WebhookEventKind[];
  /** One pattern per expected problem line, in order. */
  problems?: RegExp[];
  /** Fields of events[0] (and more) that must match. */
  check?: (result: NormalizedWebhook) => void;
  /** The file is a single `entry`, not a whole body (Meta's docs print it so). */
  singleEntry?: boolean;
}

const WEBHOOK_BODIES: Record<string, Expectation> = {
  'feed-comment-add.json': {
    kinds: ['comment.added'],
    check: ({ events }) =>
      expect(events[0]).toEqual({
        kind: 'comment.added',
        pageId: '1234567890321',
        dedupeKey: 'comment.added|1234567890321|901097836652708_903438993085259',
        postId: '1234567890321_901097836652708',
        commentId: '901097836652708_903438993085259',
        parentId: '1234567890321_901097836652708',
        isReply: false,
        from: { id: '1234567890321', name: 'Tester' },
        // restfb anonymised the author to the Page's own id.
        fromPage: true,
        message: 'and the next one',
        createdAt: 1449135003000,
      }),
  },
  'feed-comment-add-photo.json': {
    kinds: ['comment.added'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        // Legacy shape: sender_id (a number) + sender_name.
        from: { id: '1234567890321', name: 'Tester' },
        photoUrl: expect.stringMatching(/^https:\/\/scontent-fra3-1\.xx\.fbcdn\.net\/.*oe=593B77BB$/),
        message: 'and the next one',
      }),
  },
  'feed-comment-edited.json': {
    kinds: ['comment.edited'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        commentId: '900728623356296_900744590021366',
        message: "Let's see the Webhooks in action :D",
        createdAt: 1448555737000,
        dedupeKey: expect.stringMatching(
          /^comment\.edited\|1234567890321\|900728623356296_900744590021366\|/,
        ),
      }),
  },
  'feed-comment-hide.json': {
    kinds: ['comment.hidden'],
    check: ({ events }) =>
      expect(events[0]).toEqual({
        kind: 'comment.hidden',
        pageId: '1234567890321',
        dedupeKey: 'comment.hidden|1234567890321|900728623356296_900744590021366|1467894562000',
        postId: '1234567890321_901097836652708',
        commentId: '900728623356296_900744590021366',
        createdAt: 1467894562000,
      }),
  },
  'feed-comment-remove.json': {
    kinds: ['comment.removed'],
    check: ({ events }) => {
      expect(events[0]).toEqual({
        kind: 'comment.removed',
        pageId: '1234567890321',
        dedupeKey: 'comment.removed|1234567890321|905578656204626_905579239537901',
        postId: '1234567890321_905578656204626',
        commentId: '905578656204626_905579239537901',
        parentId: '1234567890321_905578656204626',
        from: { id: '1234567890321', name: 'John Doe' },
        // No created_time on removals: entry.time (seconds) stands in.
        createdAt: 1452107182000,
      });
    },
  },
  'feed-post-add-visitor.json': {
    kinds: ['post.added'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        item: 'post',
        postId: '1234567890321_7293787835232',
        from: { id: '8423678347823', name: 'John Doe' },
        fromPage: false,
        message: "Let's check this",
        createdAt: 1454707020000,
      }),
  },
  'feed-reaction-add-post.json': {
    kinds: ['reaction'],
    check: ({ events }) => {
      expect(events[0]).toMatchObject({
        verb: 'add',
        reactionType: 'love',
        postId: '1234567890321_98735342324352',
      });
      expect(events[0]).not.toHaveProperty('commentId');
    },
  },
  'feed-status-add-page-post.json': {
    kinds: ['post.added'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        item: 'status',
        fromPage: true,
        message: 'This is just a short test message',
        createdAt: 1448633038000,
      }),
  },
  'messenger-text.json': {
    kinds: ['message.received'],
    check: ({ events }) =>
      expect(events[0]).toEqual({
        kind: 'message.received',
        pageId: '111899832631525',
        dedupeKey: 'message.received|111899832631525|mid.1480279487147:4388d3b344',
        standby: false,
        psid: '1433960459967306',
        mid: 'mid.1480279487147:4388d3b344',
        text: 'Hi',
        attachments: [],
        timestamp: 1480279487147,
      }),
  },
  'messenger-text-signed-sha1.json': {
    kinds: ['message.received'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        psid: '1256217357730577',
        text: '34wrr3wr',
        timestamp: 1475942721741,
      }),
  },
  'messenger-echo.json': {
    kinds: ['message.echo'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        // The person is the echo's recipient; the Page is its sender.
        psid: 'USER_ID',
        mid: 'mid.1457764197618:41d102a3e1ae206a38',
        appId: '1517776481860111',
        metadata: 'DEVELOPER_DEFINED_METADATA_STRING',
        text: 'hello, text message world!',
        timestamp: 1480114700296,
      }),
  },
  'messenger-postback.json': {
    kinds: ['postback.received'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        pageId: '0',
        psid: '0',
        mid: 'm_1457764197618:41d102a3e1ae206a38',
        title: 'title',
        payload: 'USER_DEFINED_PAYLOAD',
        timestamp: 2222222,
      }),
  },
  'messenger-attachments-image-fallback-location.json': {
    kinds: ['message.received'],
    // The docs' placeholder `<URL_OF_THE_ATTACHMENT>` is not a URL; the attachment stays, without it.
    problems: [/^entry\[0\]\.messaging\[0\]\.message\.attachments\[1\]\.URL: .* is not a URL$/],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        attachments: [
          { type: 'image', url: 'http://image.url' },
          { type: 'fallback', title: '<TITLE_OF_THE_URL_ATTACHMENT>' },
          { type: 'location', coordinates: { lat: 52.3765533, long: 9.7389123 } },
        ],
      }),
  },
  'messenger-attachment-docs-example.json': {
    singleEntry: true,
    kinds: ['message.received'],
    problems: [/^entry\[0\]\.messaging\[0\]\.message\.attachments\[0\]\.payload\.url: .* is not a URL$/],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        pageId: '682498302938465',
        mid: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c',
        attachments: [{ type: 'unknown', rawType: '<image|video|audio|file|reel|ig_reel>' }],
        timestamp: 1518479195308,
      }),
  },
  'messenger-read.json': {
    kinds: ['message.read'],
    check: ({ events }) =>
      expect(events[0]).toEqual({
        kind: 'message.read',
        pageId: 'PAGE_ID',
        dedupeKey: 'message.read|PAGE_ID|USER_ID|1458668856253',
        standby: false,
        psid: 'USER_ID',
        watermark: 1458668856253,
      }),
  },
  'messenger-delivery.json': {
    kinds: ['message.delivered'],
    check: ({ events }) =>
      expect(events[0]).toMatchObject({
        psid: 'USER_ID',
        mids: ['mid.1458668856218:ed81099e15d3f4f233'],
        watermark: 1458668856253,
      }),
  },
};

/** Shelf files that are not webhook bodies: Graph reads, errors and Send API requests/responses. */
const NOT_WEBHOOKS = new Set([
  'attachment-upload-response.json',
  'graph-comment-create-response.json',
  'graph-debug-token.json',
  'graph-error-100-appsecret-proof.json',
  'graph-error-100-missing-permission.json',
  'graph-error-190-460-docs-example.json',
  'graph-me-accounts.json',
  'graph-oauth-long-lived-token.json',
  'graph-post-comments-list.json',
  'private-reply-request-docs-example.json',
  'send-api-request-image-url.json',
  'send-api-response.json',
]);

function normalizeShelfFile(name: string, singleEntry = false): NormalizedWebhook {
  const json = readShelfJson(name);
  return normalizeWebhook(singleEntry ? { object: 'page', entry: [json] } : json);
}

describe('the shared shelf of real payloads', () => {
  it('has an expectation here for every .json file, so a new sample gets looked at', () => {
    const files = readdirSync(SHELF_DIR).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const unclassified = files.filter((name) => !(name in WEBHOOK_BODIES) && !NOT_WEBHOOKS.has(name));
    expect(unclassified).toEqual([]);
    const vanished = [...Object.keys(WEBHOOK_BODIES), ...NOT_WEBHOOKS].filter(
      (name) => !files.includes(name),
    );
    expect(vanished).toEqual([]);
  });

  for (const [name, expected] of Object.entries(WEBHOOK_BODIES)) {
    it(`normalizes ${name} to ${expected.kinds.join(', ')}`, () => {
      const result = normalizeShelfFile(name, expected.singleEntry);
      expect(result.events.map((event) => event.kind)).toEqual(expected.kinds);
      const patterns = expected.problems ?? [];
      expect(result.problems).toHaveLength(patterns.length);
      patterns.forEach((pattern, i) => {
        expect(result.problems[i]).toMatch(pattern);
      });
      expected.check?.(result);
    });
  }

  it('refuses the non-webhook files as bodies instead of inventing events from them', () => {
    for (const name of NOT_WEBHOOKS) {
      const result = normalizeShelfFile(name);
      expect(result.events, name).toEqual([]);
      expect(result.problems, name).toEqual(['object: missing (expected "page")']);
    }
  });
});

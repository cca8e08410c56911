import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import { savePage } from '../../backend/pages/page-store.ts';
import { campaigns } from '../../backend/store/schema.ts';
import { createIngressLoad, FLOOD_BYTES } from '../../backend/webhooks/ingress-load.ts';
import { processDeliveries } from '../../backend/webhooks/process-deliveries.ts';
import { sampleText } from '../harness/graph-samples.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';

let t: TestApp;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_BODY_LIMIT_BYTES: String(256 * 1024) });
  adminId = (await t.userWithSession('admin')).user.id;
  // The pages the shelf's samples belong to.
  for (const [id, name] of [
    ['1234567890321', 'Restfb Page'],
    ['111899832631525', 'Botman Page'],
    ['PAGE_ID', 'Doc Page'],
  ] as const) {
    await savePage(
      t.store.db,
      t.deps.facebook,
      { id, name, token: `token-of-${id}-xxxxxxxxxxxx`, scopes: [], linkedBy: adminId },
      new Date(),
    );
  }
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.withSession((s) =>
    s.exec(
      'truncate webhook_deliveries, processed_events, unrouted_events, comments, posts, messenger_messages',
    ),
  );
});

const sign = (body: string) => signWebhookBody(new TextEncoder().encode(body), TEST_FB_ENV.FB_APP_SECRET);

function deliver(body: string, signature: string | null = sign(body)) {
  return t.app.request('/webhooks/facebook', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
}

async function drain() {
  while ((await processDeliveries(t.store.db, t.deps.logger)).more) {
    // keep going until a round finds less than a full batch
  }
}

const count = async (table: string) =>
  Number(
    (await t.store.withSession((s) => s.query<{ n: number }>(`select count(*)::int as n from ${table}`)))[0]!
      .n,
  );

describe('GET /webhooks/facebook (subscription handshake)', () => {
  it('echoes the challenge for the right verify token', async () => {
    const res = await t.app.request(
      `/webhooks/facebook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${TEST_FB_ENV.FB_VERIFY_TOKEN}`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('answers 403 for a wrong token or mode', async () => {
    for (const q of [
      'hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope',
      `hub.mode=x&hub.challenge=1&hub.verify_token=${TEST_FB_ENV.FB_VERIFY_TOKEN}`,
    ]) {
      expect((await t.app.request(`/webhooks/facebook?${q}`)).status).toBe(403);
    }
  });
});

describe('POST /webhooks/facebook', () => {
  it('stores a correctly signed body before answering 200, and wakes the processor', async () => {
    const body = sampleText('feed-comment-add.json');
    t.wakes.length = 0;
    const res = await deliver(body);
    expect(res.status).toBe(200);
    expect(await count('webhook_deliveries')).toBe(1);
    expect(t.wakes).toEqual(['webhooks']);
    const stored = await t.store.withSession((s) =>
      s.query<{ body: string }>('select body from webhook_deliveries'),
    );
    expect(stored[0]!.body).toBe(body);
  });

  it('refuses bad signatures with 401 and stores nothing', async () => {
    const body = sampleText('messenger-text.json');
    const cases = [
      null,
      'sha256=',
      'sha256=deadbeef',
      `sha1=${'0'.repeat(40)}`,
      sign(`${body} `), // signature of other bytes
      signWebhookBody(new TextEncoder().encode(body), 'ffffffffffffffffffffffffffffffff'), // wrong secret
      sign(JSON.stringify(JSON.parse(body), null, 1)), // re-serialized: not the bytes Meta signed
    ];
    for (const signature of cases) {
      const res = await deliver(body, signature);
      expect(res.status, String(signature)).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
    }
    expect(await count('webhook_deliveries')).toBe(0);
  });

  it('refuses an oversize body with 413 and stores nothing', async () => {
    const big = JSON.stringify({ object: 'page', entry: [], pad: 'x'.repeat(300 * 1024) });
    const res = await deliver(big);
    expect(res.status).toBe(413);
    expect(await count('webhook_deliveries')).toBe(0);
  });
});

describe('processing stored deliveries', () => {
  it("stores the comment and its post; the Page's own comment is marked as the Page's", async () => {
    // Both samples are the same event (same comment id and time), one with the photo: the second is a
    // duplicate by its dedupe key and changes nothing.
    await deliver(sampleText('feed-comment-add-photo.json'));
    await deliver(sampleText('feed-comment-add.json'));
    await drain();
    const rows = await t.store.withSession((s) =>
      s.query<{
        id: string;
        from_page: boolean;
        message: string;
        thread_id: string;
        photo_url: string | null;
      }>('select id, from_page, message, thread_id, photo_url from comments'),
    );
    expect(rows).toEqual([
      {
        id: '901097836652708_903438993085259',
        from_page: true, // the sample's author is the Page itself
        message: 'and the next one',
        thread_id: '901097836652708_903438993085259',
        photo_url: expect.stringMatching(/^https:\/\/scontent/),
      },
    ]);
    expect(await count('posts')).toBe(1);
    expect(await count('processed_events')).toBe(1);
  });

  it('stores Messenger messages, postbacks and echoes, idempotently on mid', async () => {
    for (const f of [
      'messenger-text.json',
      'messenger-echo.json',
      'messenger-postback.json',
      'messenger-attachments-image-fallback-location.json',
    ]) {
      await deliver(sampleText(f));
      await deliver(sampleText(f)); // Meta redelivers
    }
    await drain();
    const rows = await t.store.withSession((s) =>
      s.query<{ mid: string; direction: string; text: string | null; attachments: unknown[] }>(
        'select mid, direction, text, attachments from messenger_messages order by mid',
      ),
    );
    expect(rows.find((r) => r.mid === 'mid.1480279487147:4388d3b344')).toMatchObject({
      direction: 'in',
      text: 'Hi',
    });
    expect(rows.filter((r) => r.direction === 'out').length).toBeGreaterThanOrEqual(1);
    expect(new Set(rows.map((r) => r.mid)).size).toBe(rows.length);
    expect(rows.some((r) => (r.attachments as unknown[]).length >= 2)).toBe(true);
    expect(await count("webhook_deliveries where status = 'processed'")).toBe(8);
  });

  it('applies an edit that arrives before its add, and keeps the edited text', async () => {
    const add = (message: string, verb: string, time: number) =>
      JSON.stringify({
        object: 'page',
        entry: [
          {
            id: '1234567890321',
            time,
            changes: [
              {
                field: 'feed',
                value: {
                  item: 'comment',
                  verb,
                  comment_id: '555_777',
                  post_id: '1234567890321_555',
                  parent_id: '1234567890321_555',
                  from: { id: '424242', name: 'Carla Customer' },
                  created_time: time,
                  message,
                },
              },
            ],
          },
        ],
      });
    await deliver(add('edited text', 'edited', 1_767_000_100));
    await deliver(add('original text', 'add', 1_767_000_000));
    await drain();
    const [row] = await t.store.withSession((s) =>
      s.query<{ message: string; from_name: string; created_at: Date }>(
        'select message, from_name, created_at from comments',
      ),
    );
    expect(row).toMatchObject({ message: 'edited text', from_name: 'Carla Customer' });
    expect(row!.created_at).not.toBeNull();
  });

  it('applies the events of one body in their order, whatever kinds they mix', async () => {
    const [campaign] = await t.store.db
      .insert(campaigns)
      .values({
        name: 'Comments',
        pageId: '1234567890321',
        channel: 'facebook',
        strategy: 'linear',
        thresholds: { serviceLevel: 60, dropout: 900, chatTime: 1800, acd: 10 },
      })
      .returning({ id: campaigns.id });
    const change = (commentId: string, verb: string, message: string, time: number) => ({
      field: 'feed',
      value: {
        item: 'comment',
        verb,
        comment_id: commentId,
        post_id: '1234567890321_556',
        parent_id: '1234567890321_556',
        from: { id: '434343', name: 'Dora Customer' },
        created_time: time,
        message,
      },
    });
    // New comments are written together; the removal between them must still find the
    // interaction its comment opened, and the comment after it is still new work.
    await deliver(
      JSON.stringify({
        object: 'page',
        entry: [
          {
            id: '1234567890321',
            time: 1_767_000_300,
            changes: [
              change('556_1', 'add', 'first words', 1_767_000_100),
              change('556_2', 'add', 'another comment', 1_767_000_150),
              change('556_1', 'edited', 'second thoughts', 1_767_000_200),
              change('556_2', 'remove', '', 1_767_000_220),
              change('556_3', 'add', 'a third', 1_767_000_250),
            ],
          },
        ],
      }),
    );
    await drain();
    const rows = await t.store.withSession((s) =>
      s.query<{ id: string; message: string; edited: boolean; removed: boolean; state: string }>(
        `select c.id, c.message, c.edited_at is not null as edited, c.removed_at is not null as removed, i.state
         from comments c join interactions i on i.thread_key = c.id order by c.id`,
      ),
    );
    expect(rows.map((r) => [r.id, r.message, r.edited, r.removed, r.state])).toEqual([
      ['556_1', 'second thoughts', true, false, 'queued'],
      ['556_2', 'another comment', false, true, 'abandoned'],
      ['556_3', 'a third', false, false, 'queued'],
    ]);
    expect(await count('posts')).toBe(1);
    await t.store.withSession((s) =>
      s.exec(`delete from interaction_transitions; delete from interactions;
        delete from campaigns where id = '${campaign!.id}'`),
    );
  });

  it('keeps events for a Page that is not linked, without failing the delivery', async () => {
    const body = sampleText('messenger-text.json').replaceAll('111899832631525', '999999999999999');
    expect((await deliver(body)).status).toBe(200);
    await drain();
    expect(await count('unrouted_events')).toBe(1);
    expect(await count('messenger_messages')).toBe(0);
    expect(await count("webhook_deliveries where status = 'processed'")).toBe(1);
  });

  it('keeps a signed body that is not JSON as failed, for a person to look at', async () => {
    expect((await deliver('{"object":"page",')).status).toBe(200);
    await drain();
    expect(await count("webhook_deliveries where status = 'failed'")).toBe(1);
  });

  it('stores text spelling NUL or a lone surrogate as U+FFFD instead of failing the queue (found by the fuzz suite)', async () => {
    const body = sampleText('messenger-text.json').replace(
      /"text":\s*"[^"]*"/,
      '"text": "a\\u0000b\\ud800c"',
    );
    const unlinked = body.replaceAll('111899832631525', '999999999999999'); // jsonb in unrouted_events
    expect((await deliver(body)).status).toBe(200);
    expect((await deliver(unlinked)).status).toBe(200);
    await drain();
    expect(await count("webhook_deliveries where status = 'processed'")).toBe(2);
    const [stored] = await t.store.withSession((s) =>
      s.query<{ text: string }>('select text from messenger_messages'),
    );
    expect(stored!.text).toBe('a\uFFFDb\uFFFDc');
    expect(await count('unrouted_events')).toBe(1);
  });

  it('handles a batch mixing two pages in one body', async () => {
    const a = JSON.parse(sampleText('messenger-text.json'));
    const b = JSON.parse(sampleText('feed-comment-add.json'));
    await deliver(JSON.stringify({ object: 'page', entry: [...a.entry, ...b.entry] }));
    await drain();
    expect(await count('messenger_messages')).toBe(1);
    expect(await count('comments')).toBe(1);
  });

  it('leaves nothing pending after a round and is a no-op when there is nothing to do', async () => {
    expect((await processDeliveries(t.store.db, t.deps.logger)).more).toBe(false);
    await t.store.withSession((s) => s.query(`select 1`));
    expect(await count("webhook_deliveries where status = 'pending'")).toBe(0);
    void sql;
  });
});

describe('storing and processing under load', () => {
  it('stores deliveries that arrive together in their order of arrival, each answered after its commit', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        object: 'page',
        entry: [{ id: '1234567890321', time: 1_700_000_000_000 + i, messaging: [] }],
      }),
    );
    const answers = await Promise.all(bodies.map((b) => deliver(b)));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 200));
    const stored = await t.store.withSession((s) =>
      s.query<{ body: string }>('select body from webhook_deliveries order by id'),
    );
    expect(stored.map((r) => r.body)).toEqual(bodies);
  });

  it('tells the ingress load of each signed body: batched ones make a flood, single events and forgeries never do', async () => {
    t.deps.ingress = createIngressLoad();
    const single = sampleText('messenger-text.json');
    for (let i = 0; i < 20; i++) expect((await deliver(single)).status).toBe(200);
    expect(t.deps.ingress.flooded()).toBe(false);
    const entry = JSON.parse(single).entry[0];
    const batched = JSON.stringify({
      object: 'page',
      entry: Array.from({ length: 100 }, (_, k) => ({
        ...entry,
        messaging: [
          { ...entry.messaging[0], message: { ...entry.messaging[0].message, mid: `m_flood_${k}` } },
        ],
      })),
    });
    const needed = Math.ceil(FLOOD_BYTES / batched.length);
    for (let i = 0; i < needed; i++) expect((await deliver(batched, sign('forged'))).status).toBe(401);
    expect(t.deps.ingress.flooded()).toBe(false);
    for (let i = 0; i < needed - 1; i++) expect((await deliver(batched)).status).toBe(200);
    expect(t.deps.ingress.flooded()).toBe(false);
    expect((await deliver(batched)).status).toBe(200);
    expect(t.deps.ingress.flooded()).toBe(true);
  });

  it('takes large bodies a few per round, and reports more work until all are processed', async () => {
    const big = (n: number) => {
      const entry = JSON.parse(sampleText('messenger-text.json')).entry[0];
      const events = Array.from({ length: 150 }, (_, k) => ({
        ...entry.messaging[0],
        message: { ...entry.messaging[0].message, mid: `m_big_${n}_${k}` },
      }));
      return JSON.stringify({ object: 'page', entry: [{ ...entry, messaging: events }] });
    };
    for (let n = 0; n < 3; n++) expect((await deliver(big(n))).status).toBe(200);
    const first = await processDeliveries(t.store.db, t.deps.logger);
    expect(first.more).toBe(true);
    expect(await count("webhook_deliveries where status = 'pending'")).toBeGreaterThan(0);
    await drain();
    expect(await count("webhook_deliveries where status = 'pending'")).toBe(0);
    expect(await count('messenger_messages')).toBe(450);
  });
});

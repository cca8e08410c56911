import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_SECRET,
  control,
  hookBody,
  type Json,
  makeSandbox,
  pageWith,
  type Received,
  startReceiver,
} from './sandbox-test-kit.ts';

const receivers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(respond?: (n: number) => number) {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
}

/** Checks the signature the way a careful receiver must: over the raw bytes, with the app secret. */
function expectSigned(req: Received) {
  const expected = `sha256=${createHmac('sha256', APP_SECRET).update(req.body).digest('hex')}`;
  expect(req.headers['x-hub-signature-256']).toBe(expected);
  expect(req.headers['content-type']).toBe('application/json');
}

describe('feed webhooks', () => {
  it('delivers a customer comment as a signed feed change, escaped like Meta', async () => {
    const hook = await receiver();
    const { sb, time } = makeSandbox({ webhookUrl: hook.url });
    const page = await pageWith(sb, 'Café Page', ['feed']);
    const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'Hello' });
    await sb.deliverNow();
    hook.received.length = 0;

    const comment = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'Zoë Ärm' },
      message: 'Prix: 10€ / pièce <ok>',
    });
    await sb.deliverNow();

    expect(hook.received).toHaveLength(1);
    const [req] = hook.received;
    expectSigned(req!);
    const raw = req!.body.toString('utf8');
    // Meta's serialization: non-ASCII as lowercase \uXXXX, "/" as "\/", nothing else touched.
    expect(raw).toContain('"name":"Zo\\u00eb \\u00c4rm"');
    expect(raw).toContain('"message":"Prix: 10\\u20ac \\/ pi\\u00e8ce <ok>"');
    expect(raw).toContain('"permalink_url":"https:\\/\\/www.facebook.com\\/');
    expect(/[^\x20-\x7e]/.test(raw)).toBe(false);

    const body = hookBody(req!);
    expect(body.object).toBe('page');
    expect(body.entry).toHaveLength(1);
    const entry = body.entry[0];
    expect(entry.id).toBe(page.id);
    expect(entry.time).toBe(Math.floor(time.ms / 1000));
    expect(entry.changes).toEqual([{ field: 'feed', value: expect.any(Object) }]);
    const value = entry.changes[0].value;
    expect(Object.keys(value)).toEqual([
      'from',
      'post',
      'message',
      'post_id',
      'comment_id',
      'created_time',
      'item',
      'parent_id',
      'verb',
    ]);
    expect(value).toMatchObject({
      from: { id: comment.body.from.id, name: 'Zoë Ärm' },
      post: {
        status_type: 'mobile_status_update',
        is_published: true,
        promotion_status: 'inactive',
        id: post.body.id,
      },
      message: 'Prix: 10€ / pièce <ok>',
      post_id: post.body.id,
      comment_id: comment.body.id,
      created_time: Math.floor(time.ms / 1000),
      item: 'comment',
      parent_id: post.body.id,
      verb: 'add',
    });
    expect(value.comment_id).toBe(`${post.body.id.split('_')[1]}_${value.comment_id.split('_')[1]}`);
    expect(value.post.updated_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
  });

  it('sends edits and removals; a removal carries no message', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url });
    const page = await pageWith(sb, 'P', ['feed']);
    const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'x' });
    const comment = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'A' },
      message: 'v1',
    });
    await control(sb, 'PATCH', `/comments/${comment.body.id}`, { message: 'v2' });
    await control(sb, 'DELETE', `/comments/${comment.body.id}`);
    await sb.deliverNow();
    const values = hook.received.flatMap((r) =>
      hookBody(r).entry.flatMap((e: Json) => e.changes.map((ch: Json) => ch.value)),
    );
    expect(values.map((v: Json) => `${v.item}:${v.verb}`)).toEqual([
      'status:add',
      'comment:add',
      'comment:edited',
      'comment:remove',
    ]);
    expect(values[2].message).toBe('v2');
    expect(values[3]).not.toHaveProperty('message');
    expect(values[3]).not.toHaveProperty('created_time');
  });

  it('delivers nothing for a field the app has not subscribed on that Page', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url });
    const page = await pageWith(sb, 'Quiet', ['messages']);
    const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'x' });
    await control(sb, 'POST', `/posts/${post.body.id}/comments`, { customer: { name: 'A' }, message: 'hi' });
    await sb.deliverNow();
    expect(hook.received).toHaveLength(0);
    const state = await control(sb, 'GET', '/state');
    expect(state.body.delivery).toMatchObject({ notSubscribed: 2, published: 0, sent: 0 });
  });
});

describe('redelivery', () => {
  it('retries with backoff until a 200, with the very same bytes and signature each time', async () => {
    const hook = await receiver((n) => (n < 3 ? 500 : 200));
    const { sb } = makeSandbox({ webhookUrl: hook.url, delivery: { retryBaseMs: 5, batchWindowMs: 1 } });
    const page = await pageWith(sb, 'P', ['messages']);
    await control(sb, 'POST', `/pages/${page.id}/messages`, { customer: { name: 'Ann' }, text: 'hello' });
    await sb.deliveryIdle();

    expect(hook.received).toHaveLength(3);
    const [first, ...rest] = hook.received;
    for (const again of rest) {
      expect(again.body.equals(first!.body)).toBe(true);
      expect(again.headers['x-hub-signature-256']).toBe(first!.headers['x-hub-signature-256']);
    }
    expectSigned(first!);
    expect(sb.deliveryStats()).toMatchObject({
      sent: 3,
      acknowledged: 1,
      retries: 2,
      pending: 0,
      dropped: 0,
    });
  });

  it('treats a network error like a failure and gives up after maxAttempts', async () => {
    const hook = await receiver();
    const url = hook.url;
    await hook.close(); // nothing listens there any more
    const { sb } = makeSandbox({
      webhookUrl: url,
      delivery: { retryBaseMs: 1, batchWindowMs: 1, maxAttempts: 3 },
    });
    const page = await pageWith(sb, 'P', ['messages']);
    await control(sb, 'POST', `/pages/${page.id}/messages`, { customer: { name: 'Ann' }, text: 'hello' });
    await sb.deliveryIdle();
    expect(sb.deliveryStats()).toMatchObject({
      sent: 3,
      retries: 2,
      acknowledged: 0,
      dropped: 1,
      pending: 0,
    });
  });

  it('sends a deliberate duplicate when duplicateRate is 1', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url });
    const page = await pageWith(sb, 'P', ['messages']);
    await control(sb, 'POST', '/webhook', { duplicateRate: 1 });
    await control(sb, 'POST', `/pages/${page.id}/messages`, { customer: { name: 'Ann' }, text: 'twice' });
    await sb.deliverNow();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]!.body.equals(hook.received[0]!.body)).toBe(true);
    expect(sb.deliveryStats()).toMatchObject({ acknowledged: 1, duplicates: 1 });
  });
});

describe('batching', () => {
  it('sends events queued within the window in one request, grouped per Page, mixing Pages', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url, delivery: { batchWindowMs: 10_000 } });
    const a = await pageWith(sb, 'A', ['feed', 'messages']);
    const b = await pageWith(sb, 'B', ['messages']);
    for (let i = 0; i < 5; i++) {
      await control(sb, 'POST', `/pages/${a.id}/messages`, { customer: { name: `a${i}` }, text: `a${i}` });
      await control(sb, 'POST', `/pages/${b.id}/messages`, { customer: { name: `b${i}` }, text: `b${i}` });
    }
    await control(sb, 'POST', `/pages/${a.id}/posts`, { message: 'post' });
    expect(hook.received).toHaveLength(0); // still inside the batch window
    await sb.deliverNow();

    expect(hook.received).toHaveLength(1);
    expectSigned(hook.received[0]!);
    const body = hookBody(hook.received[0]!);
    expect(body.entry.map((e: Json) => [e.id, e.messaging ? 'messaging' : 'changes'])).toEqual([
      [a.id, 'messaging'],
      [b.id, 'messaging'],
      [a.id, 'changes'],
    ]);
    expect(body.entry[0].messaging.map((m: Json) => m.message.text)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(body.entry[1].messaging).toHaveLength(5);
    expect(body.entry[0].time).toBeGreaterThan(1e12); // Messenger entries carry milliseconds
    expect(body.entry[2].time).toBeLessThan(1e11); // feed entries carry seconds
  });

  it('cuts batches at maxBatch updates', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url, delivery: { batchWindowMs: 10_000, maxBatch: 4 } });
    const page = await pageWith(sb, 'A', ['messages']);
    for (let i = 0; i < 10; i++) {
      await control(sb, 'POST', `/pages/${page.id}/messages`, { customer: { name: 'C' }, text: String(i) });
    }
    await sb.deliverNow();
    const sizes = hook.received.map((r) => hookBody(r).entry[0].messaging.length);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('flushes on its own when the window closes', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url, delivery: { batchWindowMs: 200 } });
    const page = await pageWith(sb, 'A', ['messages']);
    await control(sb, 'POST', `/pages/${page.id}/messages`, { customer: { name: 'C' }, text: 'one' });
    await control(sb, 'POST', `/pages/${page.id}/messages`, { customer: { name: 'C' }, text: 'two' });
    await sb.deliveryIdle();
    expect(hook.received).toHaveLength(1);
  });
});

describe('Messenger webhooks', () => {
  it('delivers a customer message with mid, text, attachments, quick_reply and reply_to', async () => {
    const hook = await receiver();
    const { sb, time } = makeSandbox({ webhookUrl: hook.url });
    const page = await pageWith(sb, 'P', ['messages']);
    const first = await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Ann' },
      text: 'hi',
    });
    await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Ann', psid: first.body.psid },
      attachments: [{ type: 'image', url: 'https://example.com/cat.png' }],
      quickReply: 'YES',
      replyToMid: first.body.mid,
    });
    await sb.deliverNow();
    const events = hook.received.flatMap((r) => hookBody(r).entry[0].messaging);
    expect(events[0]).toEqual({
      sender: { id: first.body.psid },
      recipient: { id: page.id },
      timestamp: time.ms,
      message: { mid: first.body.mid, text: 'hi' },
    });
    expect(first.body.mid).toMatch(/^m_[\w-]{86}$/);
    expect(events[1].message).toMatchObject({
      attachments: [{ type: 'image', payload: { url: 'https://example.com/cat.png' } }],
      quick_reply: { payload: 'YES' },
      reply_to: { mid: first.body.mid },
    });
  });

  it('performs the hub.challenge verification handshake against the callback', async () => {
    const hook = await receiver();
    const { sb } = makeSandbox({ webhookUrl: hook.url });
    const res = await control(sb, 'POST', '/webhook/verify');
    expect(res.body).toMatchObject({ ok: true, status: 200 });
    const [req] = hook.received;
    expect(req!.method).toBe('GET');
    const query = new URL(req!.url, 'http://x').searchParams;
    expect(query.get('hub.mode')).toBe('subscribe');
    expect(query.get('hub.verify_token')).toBe('verify-me');
    expect(query.get('hub.challenge')).toBe(res.body.challenge);
  });

  it('reports a failed handshake when the callback does not echo the challenge', async () => {
    const hook = await receiver(() => 403);
    const { sb } = makeSandbox({ webhookUrl: hook.url });
    const res = await control(sb, 'POST', '/webhook/verify');
    expect(res.body).toMatchObject({ ok: false, status: 403 });
  });
});

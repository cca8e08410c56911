import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_ID,
  control,
  graph,
  hookBody,
  makeSandbox,
  pageWith,
  startReceiver,
} from './sandbox-test-kit.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A Page subscribed to messages + echoes, and a customer who wrote to it once. */
async function chatting(extra: Parameters<typeof makeSandbox>[0] = {}) {
  const { sb, time } = makeSandbox(extra);
  const page = await pageWith(sb, 'Shop', ['messages', 'message_echoes', 'feed']);
  const hello = await control(sb, 'POST', `/pages/${page.id}/messages`, {
    customer: { name: 'Ann' },
    text: 'hi',
  });
  const psid: string = hello.body.psid;
  const send = (body: Record<string, unknown>) =>
    graph(sb, 'POST', `/v25.0/${page.id}/messages`, { token: page.token, json: body });
  const text = (t: string, extra: Record<string, unknown> = {}) =>
    send({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: t }, ...extra });
  return { sb, time, page, psid, send, text };
}

describe('Send API windows', () => {
  it('answers within 24 h with {recipient_id, message_id} and refuses after with 10/2018278', async () => {
    const { time, psid, text } = await chatting();
    const ok = await text('hello back');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ recipient_id: psid, message_id: expect.stringMatching(/^m_[\w-]{86}$/) });

    time.advance(DAY - 1);
    expect((await text('still in time')).status).toBe(200);
    time.advance(2);
    const late = await text('too late');
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({
      message: '(#10) This message is sent outside of allowed window.',
      type: 'OAuthException',
      code: 10,
      error_subcode: 2018278,
    });
  });

  it('moves the window with the control clock too', async () => {
    const { sb, text } = await chatting();
    await control(sb, 'POST', '/clock', { advanceMs: DAY + 1 });
    expect((await text('x')).body.error.error_subcode).toBe(2018278);
  });

  it('allows HUMAN_AGENT up to 7 days after the last customer message, not after', async () => {
    const { time, psid, send } = await chatting();
    const tagged = () =>
      send({
        recipient: { id: psid },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        message: { text: 'agent here' },
      });
    time.advance(3 * DAY);
    expect((await tagged()).status).toBe(200);
    time.advance(4 * DAY);
    expect((await tagged()).status).toBe(200);
    time.advance(1);
    expect((await tagged()).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it('renews the window when the customer writes again', async () => {
    const { sb, time, page, psid, text } = await chatting();
    time.advance(2 * DAY);
    await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Ann', psid },
      text: 'again',
    });
    expect((await text('welcome back')).status).toBe(200);
  });

  it('refuses HUMAN_AGENT when the Page does not have the feature', async () => {
    const { sb, page, psid, send } = await chatting();
    await control(sb, 'POST', `/pages/${page.id}/human-agent`, { enabled: false });
    const res = await send({
      recipient: { id: psid },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { text: 'x' },
    });
    expect(res.body.error.code).toBe(10);
    expect(res.body.error.error_subcode).toBeUndefined();
  });

  it('requires a tag with MESSAGE_TAG and rejects unknown messaging types', async () => {
    const { psid, send } = await chatting();
    const noTag = await send({
      recipient: { id: psid },
      messaging_type: 'MESSAGE_TAG',
      message: { text: 'x' },
    });
    expect(noTag.body.error).toMatchObject({ code: 100, message: '(#100) The parameter tag is required' });
    const bad = await send({ recipient: { id: psid }, messaging_type: 'PROMO', message: { text: 'x' } });
    expect(bad.body.error.code).toBe(100);
  });
});

describe('Send API recipients', () => {
  it('answers 100/2018001 for a PSID this Page does not know', async () => {
    const { sb, send } = await chatting();
    const other = await pageWith(sb, 'Other');
    const stranger = await control(sb, 'POST', `/pages/${other.id}/messages`, {
      customer: { name: 'Bob' },
      text: 'hi',
    });
    for (const id of ['1234567890123456', stranger.body.psid]) {
      const res = await send({ recipient: { id }, messaging_type: 'RESPONSE', message: { text: 'x' } });
      expect(res.body.error).toMatchObject({
        code: 100,
        error_subcode: 2018001,
        message: '(#100) No matching user found',
      });
    }
  });

  it('answers 551/1545041 once the customer has blocked the Page', async () => {
    const { sb, page, psid, text } = await chatting();
    await control(sb, 'POST', `/pages/${page.id}/customers/${psid}/block`, { blocked: true });
    expect((await text('x')).body.error).toMatchObject({ code: 551, error_subcode: 1545041 });
    await control(sb, 'POST', `/pages/${page.id}/customers/${psid}/block`, { blocked: false });
    expect((await text('x')).status).toBe(200);
  });

  it('validates the message: non-empty, at most 2000 characters, text or attachment', async () => {
    const { psid, send } = await chatting();
    const to = { recipient: { id: psid }, messaging_type: 'RESPONSE' };
    expect((await send({ ...to, message: {} })).body.error.code).toBe(100);
    expect((await send({ ...to, message: { text: 'x'.repeat(2001) } })).body.error.message).toContain('2000');
    expect((await send({ ...to })).body.error.message).toBe('(#100) The parameter message is required');
  });

  it('accepts the form-encoded style with JSON strings, as Meta does', async () => {
    const { sb, page, psid } = await chatting();
    const res = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, {
      token: page.token,
      form: {
        recipient: JSON.stringify({ id: psid }),
        messaging_type: 'RESPONSE',
        message: JSON.stringify({ text: 'form' }),
      },
    });
    expect(res.body.recipient_id).toBe(psid);
  });
});

describe('private replies', () => {
  async function commented() {
    const ctx = await chatting();
    const post = await control(ctx.sb, 'POST', `/pages/${ctx.page.id}/posts`, { message: 'Sale!' });
    const comment = await control(ctx.sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'Carl' },
      message: 'price?',
    });
    const reply = () =>
      ctx.send({ recipient: { comment_id: comment.body.id }, message: { text: 'Sent you the price' } });
    return { ...ctx, post, comment, reply };
  }

  it("sends once per comment, to the commenter's PSID for this Page", async () => {
    const { sb, page, comment, reply } = await commented();
    const first = await reply();
    expect(first.status).toBe(200);
    const state = await control(sb, 'GET', '/state');
    const carl = state.body.customers.find((c: { name: string }) => c.name === 'Carl');
    expect(carl.id).toBe(comment.body.from.id);
    expect(first.body.recipient_id).toBe(carl.psids[page.id]);
    expect(first.body.recipient_id).not.toBe(carl.id);
    expect(state.body.comments.find((c: { id: string }) => c.id === comment.body.id).privateReplySent).toBe(
      true,
    );

    const second = await reply();
    expect(second.body.error).toMatchObject({ code: 10900, message: '(#10900) Activity already replied to' });
  });

  it('refuses after 7 days', async () => {
    const { time, reply } = await commented();
    time.advance(7 * DAY + 1);
    expect((await reply()).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it("answers 100/2018292 for a comment id that does not exist or is the Page's own", async () => {
    const { sb, page, comment, send } = await commented();
    const bad = await send({ recipient: { comment_id: '123_456' }, message: { text: 'x' } });
    expect(bad.body.error).toMatchObject({
      code: 100,
      error_subcode: 2018292,
      message: '(#100) Invalid comment_id parameter',
    });
    const own = await graph(sb, 'POST', `/v25.0/${comment.body.id}/comments`, {
      token: page.token,
      form: { message: 'public' },
    });
    const ownReply = await send({ recipient: { comment_id: own.body.id }, message: { text: 'x' } });
    expect(ownReply.body.error.error_subcode).toBe(2018292);
  });

  it('does not open the 24 h window: a plain send to the commenter stays refused', async () => {
    const { reply, send } = await commented();
    const res = await reply();
    const follow = await send({
      recipient: { id: res.body.recipient_id },
      messaging_type: 'RESPONSE',
      message: { text: 'more' },
    });
    expect(follow.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });
});

describe('echoes', () => {
  it('echoes each send on message_echoes with is_echo, a numeric app_id, metadata and the mid', async () => {
    const hook = await startReceiver();
    closers.push(hook.close);
    const { sb, time, page, psid, text } = await chatting({ webhookUrl: hook.url });
    await sb.deliverNow();
    hook.received.length = 0;
    const sent = await text('Thanks!', {});
    const withMeta = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, {
      token: page.token,
      json: {
        recipient: { id: psid },
        messaging_type: 'RESPONSE',
        message: { text: 'tracked', metadata: 'pd:42' },
      },
    });
    await sb.deliverNow();

    const raw = hook.received.map((r) => r.body.toString()).join('\n');
    expect(raw).toContain(`"app_id":${APP_ID},`);
    const events = hook.received.flatMap((r) =>
      hookBody(r).entry.flatMap((e: { messaging: unknown[] }) => e.messaging),
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      sender: { id: page.id },
      recipient: { id: psid },
      timestamp: time.ms,
      // A bare 16-digit number on the wire (checked above); parseGraphJson keeps it exact as a string.
      message: { is_echo: true, app_id: APP_ID, mid: sent.body.message_id, text: 'Thanks!' },
    });
    expect(events[1].message).toMatchObject({ metadata: 'pd:42', mid: withMeta.body.message_id });
  });

  it('echoes attachments sent by URL or by a pre-uploaded attachment_id', async () => {
    const hook = await startReceiver();
    closers.push(hook.close);
    const { sb, page, psid, send } = await chatting({ webhookUrl: hook.url });
    const upload = await graph(sb, 'POST', `/v25.0/${page.id}/message_attachments`, {
      token: page.token,
      json: {
        message: {
          attachment: { type: 'image', payload: { url: 'https://example.com/a.png', is_reusable: true } },
        },
      },
    });
    expect(upload.body).toEqual({ attachment_id: expect.stringMatching(/^\d{16}$/) });
    const form = new FormData();
    form.set('message', JSON.stringify({ attachment: { type: 'file', payload: { is_reusable: true } } }));
    form.set('filedata', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'invoice.pdf');
    const fileUpload = await graph(sb, 'POST', `/v25.0/${page.id}/message_attachments`, {
      token: page.token,
      form,
    });
    expect(fileUpload.status).toBe(200);

    await send({
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: { attachment: { type: 'image', payload: { attachment_id: upload.body.attachment_id } } },
    });
    await send({
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: { attachment: { type: 'file', payload: { attachment_id: fileUpload.body.attachment_id } } },
    });
    await sb.deliverNow();
    const echoes = hook.received
      .flatMap((r) => hookBody(r).entry.flatMap((e: { messaging?: unknown[] }) => e.messaging ?? []))
      .filter((m: { message: { is_echo?: boolean } }) => m.message.is_echo);
    expect(echoes.map((m: { message: { attachments: unknown } }) => m.message.attachments)).toEqual([
      [{ type: 'image', payload: { url: 'https://example.com/a.png' } }],
      [
        {
          type: 'file',
          payload: { url: `http://sandbox.test/_sandbox/files/${fileUpload.body.attachment_id}` },
        },
      ],
    ]);
    const file = await sb.app.request(`/_sandbox/files/${fileUpload.body.attachment_id}`);
    expect(await file.text()).toBe('%PDF-1.4');
  });
});

describe('permissions on the Send API', () => {
  it('wants the Page token of this Page and pages_messaging', async () => {
    const { sb, page, psid } = await chatting();
    const other = await pageWith(sb, 'Other');
    const body = { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'x' } };
    const wrongPage = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, {
      token: other.token,
      json: body,
    });
    expect(wrongPage.body.error.code).toBe(200);
    expect(wrongPage.status).toBe(403);
  });
});

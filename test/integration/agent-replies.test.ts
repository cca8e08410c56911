import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_REASON } from '../../backend/outbox/outgoing-view.ts';
import type { OutgoingReply, Transcript } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

/**
 * The agent's side of a conversation against the Graph sandbox: what the composer is told around a
 * transcript, replies refused before they are stored, and every delivery change pushed as it happens.
 */
let w: World;
let admin: string;
let page: { id: string; name: string; access_token: string };
let post: { id: string };
let agent: { id: string; token: string };
let other: { id: string; token: string };
let fbCampaign: string;
let msCampaign: string;
let socket: Awaited<ReturnType<typeof openSocket>>;

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query<T>(sql, params));

async function createAgent(email: string, name: string) {
  const u = await (
    await w.api('POST', '/api/users', admin, { email, name, role: 'agent', password: 'agent password 1' })
  ).json();
  return { id: u.id as string, token: await w.login(email, 'agent password 1') };
}

/** A customer comments; the interaction it opens is routed to our agent. */
async function commentAssigned(message: string, name = 'Marta') {
  const comment = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
    customer: { name },
    message,
  });
  const interaction = await eventually(async () => {
    const [r] = await rows<{ id: string }>(
      `select id from interactions where thread_key = $1 and agent_id = $2 and state = 'assigned'`,
      [comment.id, agent.id],
    );
    return r;
  });
  return { commentId: comment.id, id: interaction.id };
}

const get = async (id: string, token = agent.token) =>
  (await (await w.api('GET', `/api/interactions/${id}`, token)).json()) as Transcript;
const replyTo = (id: string, body: object, token = agent.token) =>
  w.api('POST', `/api/interactions/${id}/replies`, token, body);
const statuses = (outboxId: number) =>
  socket
    .events()
    .flatMap((e) => (e.type === 'reply.status' && e.reply.id === outboxId ? [e.reply.status] : []));
const replyEvent = (outboxId: number, status: OutgoingReply['status']) =>
  eventually(async () =>
    socket
      .events()
      .find(
        (e): e is Extract<DomainEvent, { type: 'reply.status' }> =>
          e.type === 'reply.status' && e.reply.id === outboxId && e.reply.status === status,
      ),
  );

beforeAll(async () => {
  w = await startWorld();
  admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Composer Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  post = await w.control('POST', `/pages/${page.id}/posts`, { message: 'Autumn sale' });
  agent = await createAgent('ana@example.test', 'Ana');
  other = await createAgent('bo@example.test', 'Bo');
  const campaign = async (channel: string, extra: object = {}) =>
    (
      await (
        await w.api('POST', '/api/campaigns', admin, {
          name: `${channel} desk`,
          pageId: page.id,
          channel,
          strategy: 'linear',
          maxInteractionsPerAgent: 20,
          members: [{ userId: agent.id, penalty: 0, position: 0 }],
          ...extra,
        })
      ).json()
    ).id as string;
  fbCampaign = await campaign('facebook', {
    cannedResponses: [
      { id: 'hi', title: 'Greeting', text: 'Hello! How can we help?' },
      { id: 'bye', title: 'Goodbye', text: 'Thanks for writing to us.' },
    ],
  });
  msCampaign = await campaign('messenger');
  socket = await openSocket(w.backend.url);
  socket.send({ type: 'auth', token: agent.token });
  await eventually(async () => socket.messages.find((m) => m.type === 'ready'));
  await w.api('POST', '/api/agent/status', agent.token, { status: 'available' });
});
afterAll(async () => {
  socket?.close();
  await w?.stop();
});

describe('the transcript around a Facebook thread', () => {
  it("carries the Page's health, the canned responses, the Messenger campaign and who may be answered privately", async () => {
    const { id } = await commentAssigned('Is the sale on shoes too?');
    const t = await get(id);
    expect(t.context).toEqual({
      page: { id: page.id, name: 'Composer Shop', health: 'active', healthReason: null },
      cannedResponses: [
        { title: 'Greeting', text: 'Hello! How can we help?' },
        { title: 'Goodbye', text: 'Thanks for writing to us.' },
      ],
      messengerCampaign: { id: msCampaign, name: 'messenger desk' },
      window: null,
    });
    expect(t.messages.map((m) => [m.author.kind, m.privateReply])).toEqual([
      ['customer', { allowed: true, reason: null }],
    ]);
    expect(t.outgoing).toEqual([]);
  });

  it('refuses a private reply to a comment older than 7 days, and says why beside the comment', async () => {
    const { id, commentId } = await commentAssigned('Old question');
    await rows(`update comments set created_at = now() - interval '8 days' where id = $1`, [commentId]);
    const [message] = (await get(id)).messages;
    expect(message!.privateReply).toEqual({
      allowed: false,
      reason: expect.stringMatching(/older than 7 days/),
    });
    const res = await replyTo(id, { text: 'Hi privately', privately: true });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/7 days/),
    });
    expect(await rows('select id from outbox where interaction_id = $1', [id])).toEqual([]);
  });

  it('refuses a private reply when the Page has no enabled Messenger campaign', async () => {
    const { id } = await commentAssigned('Can you DM me?');
    await w.api('PATCH', `/api/campaigns/${msCampaign}`, admin, { enabled: false });
    try {
      const t = await get(id);
      expect(t.context.messengerCampaign).toBeNull();
      expect(t.messages[0]!.privateReply?.reason).toMatch(/No enabled Messenger campaign/);
      const res = await replyTo(id, { text: 'Hi privately', privately: true });
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(/No enabled Messenger campaign/);
    } finally {
      await w.api('PATCH', `/api/campaigns/${msCampaign}`, admin, { enabled: true });
    }
  });

  it("refuses to answer a comment of another interaction's thread", async () => {
    const mine = await commentAssigned('Mine');
    const theirs = await commentAssigned('Another thread', 'Nil');
    const res = await replyTo(mine.id, { text: 'Hello', commentId: theirs.commentId });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/not in this interaction's thread/);
  });
});

describe('delivery, pushed to the agent as it happens', () => {
  it('announces a public reply as pending, then sent with its Graph id; it then leaves the outgoing list', async () => {
    const { id } = await commentAssigned('Do you ship to Porto?');
    const res = await replyTo(id, { text: 'Yes, in two days.' });
    expect(res.status).toBe(201);
    const { outboxId } = await res.json();
    const pending = await replyEvent(outboxId, 'pending');
    expect(pending).toMatchObject({
      agentId: agent.id,
      campaignId: fbCampaign,
      reply: {
        interactionId: id,
        kind: 'comment_reply',
        text: 'Yes, in two days.',
        agentName: 'Ana',
        error: null,
      },
    });
    const sent = await replyEvent(outboxId, 'sent');
    expect(sent.reply.graphId).toEqual(expect.any(String));
    expect(sent.reply.sentAt).toEqual(expect.any(String));
    expect(statuses(outboxId)).toEqual(['pending', 'sent']);
    const t = await get(id);
    expect(t.outgoing).toEqual([]);
    expect(t.messages.find((m) => m.id === sent.reply.graphId)).toMatchObject({
      author: { kind: 'agent', name: 'Ana' },
      text: 'Yes, in two days.',
    });
  });

  it('answers privately once: the Messenger chat it opens reaches the agent, and its window waits for the customer', async () => {
    const { id, commentId } = await commentAssigned('Can I pay in instalments?', 'Rita');
    const res = await replyTo(id, { text: 'Rita, let us talk here.', privately: true });
    expect(res.status).toBe(201);
    const { outboxId } = await res.json();
    expect((await replyEvent(outboxId, 'pending')).reply).toMatchObject({ kind: 'private_reply', commentId });
    // A second one while the first is on its way is refused at once.
    const again = await replyTo(id, { text: 'Did you see my message?', privately: true });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already on its way|already had its private reply/);
    await replyEvent(outboxId, 'sent');

    // The chat is a new interaction of the Messenger campaign, given to the same agent, live.
    const opened = await eventually(async () =>
      socket
        .events()
        .find(
          (e) =>
            e.type === 'interaction.changed' &&
            e.interaction.campaignId === msCampaign &&
            e.interaction.customerName === 'Rita',
        ),
    );
    const chat = opened.type === 'interaction.changed' ? opened.interaction : undefined;
    expect(chat).toMatchObject({ channel: 'messenger', agentId: agent.id, state: 'answered' });
    const work = await (await w.api('GET', '/api/agent/work', agent.token)).json();
    expect(work.interactions.map((i: { id: string }) => i.id)).toContain(chat!.id);

    const thread = await get(id);
    expect(thread.messages[0]).toMatchObject({
      privateReplySent: true,
      privateReply: { allowed: false, reason: expect.stringMatching(/already had its private reply/) },
    });
    const late = await replyTo(id, { text: 'One more?', privately: true });
    expect(late.status).toBe(409);

    // Facebook allows nothing more until the customer writes back: the composer says so, the route refuses.
    const waiting = await get(chat!.id);
    expect(waiting.context.window).toEqual({ state: 'closed', reason: expect.stringMatching(/writes back/) });
    expect(waiting.context.messengerCampaign).toBeNull();
    expect(waiting.messages.map((m) => [m.author.kind, m.author.name, m.text])).toEqual([
      ['agent', 'Ana', 'Rita, let us talk here.'],
    ]);
    const early = await replyTo(chat!.id, { text: 'Hello?' });
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/writes back/);

    await w.control('POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Rita', psid: chat!.threadKey },
      text: 'Yes please, 3 instalments',
    });
    const open = await eventually(async () => {
      const t = await get(chat!.id);
      return t.context.window?.state === 'open' ? t.context.window : undefined;
    });
    expect(open).toEqual({ state: 'open', tag: 'RESPONSE', closesAt: expect.any(String) });
    expect(new Date(open.state === 'open' ? open.closesAt : 0).getTime() - Date.now()).toBeGreaterThan(
      23 * 3600_000,
    );
    const answer = await replyTo(chat!.id, { text: 'Done: 3 instalments.' });
    expect(answer.status).toBe(201);
    await replyEvent((await answer.json()).outboxId, 'sent');
  });

  it('fails a reply Facebook refuses with a readable reason; the agent retries it and it goes out', async () => {
    const sent = await w.control<{ psid: string }>('POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Teo' },
      text: 'Hi, is the blue coat back?',
    });
    const chat = await eventually(async () => {
      const [r] = await rows<{ id: string }>(
        `select id from interactions where thread_key = $1 and agent_id = $2 and state = 'assigned'`,
        [sent.psid, agent.id],
      );
      return r;
    });
    await w.control('POST', `/pages/${page.id}/customers/${sent.psid}/block`, { blocked: true });
    const { outboxId } = await (await replyTo(chat.id, { text: 'It is back!' })).json();
    const failed = await replyEvent(outboxId, 'failed');
    expect(failed.reply.error).toMatch(/can't be reached|blocked/i);
    expect((await get(chat.id)).outgoing).toEqual([
      expect.objectContaining({
        id: outboxId,
        status: 'failed',
        error: failed.reply.error,
        text: 'It is back!',
      }),
    ]);

    const path = `/api/interactions/${chat.id}/replies/${outboxId}/retry`;
    expect((await w.api('POST', path, other.token)).status).toBe(404);
    expect(
      (await w.api('POST', `/api/interactions/${chat.id}/replies/999999/retry`, agent.token)).status,
    ).toBe(404);
    await w.control('POST', `/pages/${page.id}/customers/${sent.psid}/block`, { blocked: false });
    const retried = await w.api('POST', path, agent.token);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ id: outboxId, status: 'pending', error: null });
    await replyEvent(outboxId, 'sent');
    expect(statuses(outboxId)).toEqual(['pending', 'failed', 'pending', 'sent']);
    const [{ attempts }] = (await rows<{ attempts: number }>('select attempts from outbox where id = $1', [
      outboxId,
    ])) as [{ attempts: number }];
    expect(attempts).toBe(1);
    const twice = await w.api('POST', path, agent.token);
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toMatch(/Only a failed reply/);
  });

  it('holds replies while the Page token is invalid, says so in agent words, and sends them after re-activation', async () => {
    const { id } = await commentAssigned('Anyone there?', 'Uma');
    await w.control('POST', `/pages/${page.id}/invalidate`, { subcode: 460 });
    await w.api('POST', `/api/pages/${page.id}/check`, admin);
    const t = await get(id);
    expect(t.context.page).toMatchObject({ health: 'invalid', healthReason: expect.any(String) });
    const { outboxId } = await (await replyTo(id, { text: 'Yes, sorry for the wait.' })).json();
    const held = await replyEvent(outboxId, 'held');
    expect(held.reply.error).toBe(HELD_REASON);
    expect((await get(id)).outgoing).toEqual([
      expect.objectContaining({ id: outboxId, status: 'held', error: HELD_REASON }),
    ]);

    const start = await (await w.api('POST', '/api/pages/activations', admin)).json();
    const dialog = await fetch(`${start.dialogUrl}&sandbox_auto=1`, { redirect: 'manual' });
    expect((await fetch(dialog.headers.get('location')!)).status).toBe(200);
    const linked = await w.api('POST', `/api/pages/activations/${start.id}/link`, admin, { pageId: page.id });
    expect(linked.status).toBe(200);
    await replyEvent(outboxId, 'sent');
    expect(statuses(outboxId)).toEqual(['pending', 'held', 'pending', 'sent']);
  });

  it('attaches an uploaded image to a public reply', async () => {
    const { id } = await commentAssigned('Photo of the red one?', 'Vera');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const upload = await fetch(`${w.backend.url}/api/attachments?name=red.png`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'image/png' },
      body: png,
    });
    expect(upload.status).toBe(201);
    const file = await upload.json();
    expect(file.url).toBe(`${w.backend.url}/media/${file.id}/red.png`);
    const { outboxId } = await (await replyTo(id, { text: 'Here it is', attachmentUrl: file.url })).json();
    const sent = await replyEvent(outboxId, 'sent');
    expect(sent.reply.attachmentUrl).toBe(file.url);
    const message = (await get(id)).messages.find((m) => m.id === sent.reply.graphId);
    expect(message?.attachments).toEqual([{ type: 'image', url: file.url }]);
  });

  it('shortens a very long text in the event (NOTIFY is under 8 KB), never in the transcript', async () => {
    const { id } = await commentAssigned('Tell me everything', 'Xan');
    const text = 'ñandú 🐦 '.repeat(800).trim(); // 7,199 UTF-16 units, over 10 KB of UTF-8
    await w.control('POST', '/faults', { kind: 'latency', latencyMs: 1_500, durationMs: 1_500 });
    const { outboxId } = await (await replyTo(id, { text })).json();
    const pending = await replyEvent(outboxId, 'pending');
    expect(pending.reply.text.endsWith('…')).toBe(true);
    expect(text.startsWith(pending.reply.text.slice(0, -1))).toBe(true);
    expect(pending.reply.text.length).toBeGreaterThan(1_000);
    expect((await get(id)).outgoing.find((r) => r.id === outboxId)?.text).toBe(text);
    await replyEvent(outboxId, 'sent');
  });

  it('never tells another agent about these replies', async () => {
    const s = await openSocket(w.backend.url);
    s.send({ type: 'auth', token: other.token });
    await eventually(async () => s.messages.find((m) => m.type === 'ready'));
    const { id } = await commentAssigned('Quiet one', 'Wil');
    const { outboxId } = await (await replyTo(id, { text: 'Hi Wil' })).json();
    await replyEvent(outboxId, 'sent');
    await new Promise((r) => setTimeout(r, 200));
    expect(s.events().filter((e) => e.type === 'reply.status')).toEqual([]);
    s.close();
  });
});

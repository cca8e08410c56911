import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';

let w: World;
let admin: string;
let page: { id: string; access_token: string };
let post: { id: string };
let fb: string;
let ms: string;
let agent: { id: string; token: string };

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query<T>(sql, params));
const interactionOf = async (threadKey: string) =>
  eventually(async () => {
    const [r] = await rows<{ id: string; state: string; agent_id: string | null }>(
      'select id, state, agent_id from interactions where thread_key = $1 order by seq desc limit 1',
      [threadKey],
    );
    return r;
  });
const notes = async (id: string) =>
  (
    await rows<{ state: string; note: string | null }>(
      'select state, note from interaction_transitions where interaction_id = $1 order by id',
      [id],
    )
  ).map((r) => `${r.state}${r.note ? `: ${r.note}` : ''}`);

beforeAll(async () => {
  w = await startWorld({ ROUTING_TICK_MS: '200' });
  admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Lifecycle Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  post = await w.control('POST', `/pages/${page.id}/posts`, { message: 'Hi' });
  const u = await (
    await w.api('POST', '/api/users', admin, {
      email: 'lia@example.test',
      name: 'Lia',
      role: 'agent',
      password: 'agent password 1',
    })
  ).json();
  agent = { id: u.id, token: await w.login('lia@example.test', 'agent password 1') };
  const create = async (channel: string, extra: object) =>
    (
      await (
        await w.api('POST', '/api/campaigns', admin, {
          name: channel,
          pageId: page.id,
          channel,
          strategy: 'linear',
          ...extra,
        })
      ).json()
    ).id as string;
  // Nobody is available at first: work waits, so the timers have something to act on.
  fb = await create('facebook', { thresholds: { serviceLevel: 30, dropout: 1, chatTime: 600, acd: 5 } });
  ms = await create('messenger', { members: [{ userId: agent.id, penalty: 0, position: 0 }] });
});
afterAll(() => w?.stop());

describe('the interaction lifecycle', () => {
  it('abandons a comment that waited longer than the dropout threshold', async () => {
    const c = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Ona' },
      message: 'Anyone?',
    });
    const i = await interactionOf(c.id);
    await eventually(async () => (await interactionOf(c.id)).state === 'abandoned', 5_000);
    expect(await notes(i.id)).toEqual(['queued', 'abandoned: waited longer than the dropout threshold']);
  });

  it('abandons an unanswered thread whose comment the customer removed', async () => {
    await w.api('PATCH', `/api/campaigns/${fb}`, admin, {
      thresholds: { serviceLevel: 30, dropout: 3600, chatTime: 600, acd: 5 },
    });
    const c = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Pia' },
      message: 'Oops',
    });
    const i = await interactionOf(c.id);
    await w.control('DELETE', `/comments/${c.id}`);
    await eventually(async () => (await interactionOf(c.id)).state === 'abandoned');
    expect((await notes(i.id)).at(-1)).toBe('abandoned: the customer removed the comment');
  });

  it('keeps work queued outside the schedule and routes it at opening', async () => {
    const tomorrow = (new Date().getUTCDay() + 2) % 7;
    await w.api('PATCH', `/api/campaigns/${fb}`, admin, {
      schedule: [{ weekday: tomorrow, from: '09:00', to: '10:00' }],
      timeZone: 'UTC',
      members: [{ userId: agent.id, penalty: 0, position: 0 }],
    });
    await w.api('POST', '/api/agent/status', agent.token, { status: 'available' });
    const c = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Quim' },
      message: 'Open?',
    });
    await interactionOf(c.id);
    await new Promise((r) => setTimeout(r, 600));
    expect((await interactionOf(c.id)).state).toBe('queued');
    await w.api('PATCH', `/api/campaigns/${fb}`, admin, { schedule: [] }); // always open
    await eventually(async () => (await interactionOf(c.id)).agent_id === agent.id, 3_000);
  });

  it("shows the thread with its post, the customer's comment and the agent's public reply", async () => {
    const [mine] = await rows<{ id: string }>(
      `select id from interactions where agent_id = $1 and channel = 'facebook' and state = 'assigned'`,
      [agent.id],
    );
    expect(
      (
        await w.api('POST', `/api/interactions/${mine!.id}/replies`, agent.token, {
          text: 'We are open now!',
        })
      ).status,
    ).toBe(201);
    const thread = await eventually(async () => {
      const t = await (await w.api('GET', `/api/interactions/${mine!.id}`, agent.token)).json();
      return t.messages.length >= 2 ? t : undefined;
    });
    expect(thread.post).toMatchObject({ message: 'Hi' });
    expect(
      thread.messages.map((m: { author: { kind: string; name: string }; text: string }) => [
        m.author.kind,
        m.author.name,
        m.text,
      ]),
    ).toEqual([
      ['customer', 'Quim', 'Open?'],
      ['agent', 'Lia', 'We are open now!'],
    ]);
    expect(thread.interaction.state).toBe('answered');
  });

  it('gives the Messenger chat opened by a private reply to the agent who wrote it', async () => {
    const [comment] = await rows<{ thread_key: string; id: string }>(
      `select thread_key, id from interactions where agent_id = $1 and channel = 'facebook' and state in ('assigned', 'answered')`,
      [agent.id],
    );
    const res = await w.api('POST', `/api/interactions/${comment!.id}/replies`, agent.token, {
      text: 'Writing you privately',
      privately: true,
    });
    expect(res.status).toBe(201);
    const chat = await eventually(async () => {
      const [r] = await rows<{ id: string; state: string; agent_id: string; thread_key: string }>(
        `select id, state, agent_id, thread_key from interactions where campaign_id = $1`,
        [ms],
      );
      return r;
    });
    expect(chat).toMatchObject({ agent_id: agent.id, state: 'answered' });
    expect(await notes(chat.id)).toEqual([
      'queued: opened by a private reply',
      'assigned: private reply author',
      'answered',
    ]);
  });

  it('expires a Messenger chat whose window closed before anyone answered', async () => {
    await w.api('POST', '/api/agent/status', agent.token, { status: 'break', reason: 'Training' });
    const sent = await w.control<{ psid: string }>('POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Rui' },
      text: 'Hello?',
    });
    const i = await interactionOf(sent.psid);
    expect(i.state).toBe('queued');
    await rows(`update interactions set last_customer_at = now() - interval '25 hours' where id = $1`, [
      i.id,
    ]);
    await eventually(async () => (await interactionOf(sent.psid)).state === 'expired', 3_000);
    expect((await notes(i.id)).at(-1)).toBe('expired: the Messenger window closed unanswered');
  });
});

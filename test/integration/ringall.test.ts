import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

let w: World;
let admin: string;
let page: { id: string; access_token: string };
const agents: { id: string; token: string; socket: Awaited<ReturnType<typeof openSocket>> }[] = [];

beforeAll(async () => {
  w = await startWorld();
  admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Ringall Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  for (const name of ['Uma', 'Vic', 'Wes']) {
    const email = `${name.toLowerCase()}@example.test`;
    const u = await (
      await w.api('POST', '/api/users', admin, { email, name, role: 'agent', password: 'agent password 1' })
    ).json();
    const token = await w.login(email, 'agent password 1');
    // Connecting logs the agent in as available; the socket receives their events.
    const socket = await openSocket(w.backend.url);
    socket.send({ type: 'auth', token });
    await eventually(async () => socket.messages.find((m) => m.type === 'ready'));
    agents.push({ id: u.id, token, socket });
  }
  const res = await w.api('POST', '/api/campaigns', admin, {
    name: 'Chats',
    pageId: page.id,
    channel: 'messenger',
    strategy: 'ringall',
    members: agents.map((a, position) => ({ userId: a.id, penalty: position === 2 ? 5 : 0, position })),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  for (const a of agents) a.socket.close();
  await w?.stop();
});

describe('ringall on a Messenger campaign', () => {
  it('offers a new chat to every member of the lowest penalty tier; the first to accept takes it', async () => {
    await w.control('POST', `/pages/${page.id}/messages`, { customer: { name: 'Xena' }, text: 'Hello!' });
    const [uma, vic, wes] = agents as [(typeof agents)[0], (typeof agents)[0], (typeof agents)[0]];
    const offer = await eventually(async () =>
      uma.socket.events().find((e) => e.type === 'interaction.offered'),
    );
    expect(offer.type === 'interaction.offered' && offer.agentIds.sort()).toEqual([uma.id, vic.id].sort());
    await eventually(async () => vic.socket.events().find((e) => e.type === 'interaction.offered'));
    // Wes has a higher penalty: not offered while the lower tier has room.
    expect(wes.socket.events().some((e) => e.type === 'interaction.offered')).toBe(false);

    const id = offer.type === 'interaction.offered' ? offer.interaction.id : '';
    const [first, second] = await Promise.all([
      w.api('POST', `/api/interactions/${id}/accept`, vic.token),
      w.api('POST', `/api/interactions/${id}/accept`, uma.token),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? vic : uma;
    const loser = winner === vic ? uma : vic;
    await eventually(async () =>
      loser.socket.events().find((e) => e.type === 'interaction.withdrawn' && e.interactionId === id),
    );
    const changed = await eventually(async () =>
      winner.socket
        .events()
        .find(
          (e) =>
            e.type === 'interaction.changed' && e.interaction.id === id && e.interaction.state === 'assigned',
        ),
    );
    expect(changed.type === 'interaction.changed' && changed.interaction.agentId).toBe(winner.id);
    const work = await (await w.api('GET', '/api/agent/work', winner.token)).json();
    expect(work.interactions.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await (await w.api('GET', '/api/agent/work', loser.token)).json()).offers).toEqual([]);
  });

  it('a reply from the agent answers the chat and reaches the customer, with the agent recorded', async () => {
    const owner = agents.find((a) =>
      a.socket.events().some((e) => e.type === 'interaction.changed' && e.interaction.agentId === a.id),
    )!;
    const work = await (await w.api('GET', '/api/agent/work', owner.token)).json();
    const id = work.interactions[0].id;
    const res = await w.api('POST', `/api/interactions/${id}/replies`, owner.token, {
      text: 'Hi Xena, how can we help?',
    });
    expect(res.status).toBe(201);
    await eventually(async () =>
      JSON.stringify(await w.control('GET', `/pages/${page.id}/inbox`)).includes('how can we help'),
    );
    const [row] = await w.backend.store.withSession((s) =>
      s.query<{ state: string; answered_at: Date | null }>(
        'select state, answered_at from interactions where id = $1',
        [id],
      ),
    );
    expect(row).toMatchObject({ state: 'answered', answered_at: expect.any(Date) });
    // The transcript: the customer's message, then the reply with the agent's name.
    const chat = await eventually(async () => {
      const t = await (await w.api('GET', `/api/interactions/${id}`, owner.token)).json();
      return t.messages.length >= 2 ? t : undefined;
    });
    expect(
      chat.messages.map((m: { author: { kind: string }; text: string }) => [m.author.kind, m.text]),
    ).toEqual([
      ['customer', 'Hello!'],
      ['agent', 'Hi Xena, how can we help?'],
    ]);
    expect(chat.messages[1].author.name).toBe(
      owner === agents[0] ? 'Uma' : owner === agents[1] ? 'Vic' : 'Wes',
    );
    expect((await w.api('GET', `/api/interactions/${id}`, admin)).status).toBe(200);
    // Someone else's interaction is not theirs to answer: it answers as if it did not exist.
    const other = agents.find((a) => a !== owner)!;
    expect(
      (await w.api('POST', `/api/interactions/${id}/replies`, other.token, { text: 'me too' })).status,
    ).toBe(404);
  });
});

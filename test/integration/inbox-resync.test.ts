import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

let w: World;
let admin: string;
beforeAll(async () => {
  w = await startWorld({ ROUTING_TICK_MS: '200' });
  admin = await w.login();
});
afterAll(() => w?.stop());

async function createAgent(email: string) {
  const res = await w.api('POST', '/api/users', admin, {
    email,
    name: email,
    role: 'agent',
    password: 'agent password 1',
  });
  const { id } = (await res.json()) as { id: string };
  return { id, token: await w.login(email, 'agent password 1') };
}

async function connect(token: string) {
  const s = await openSocket(w.backend.url);
  s.send({ type: 'auth', token });
  await eventually(async () => s.messages.find((m) => m.type === 'ready'));
  return s;
}

const sql = (text: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query(text, params));

describe('inbox resync', () => {
  it('tells an agent of work that is theirs when its event was lost, once, and nothing told already', async () => {
    const page = await w.control<{ id: string; access_token: string }>('POST', '/pages', {
      name: 'Resync Shop',
    });
    expect(
      (await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token })).status,
    ).toBe(200);
    const ana = await createAgent('resync-ana@example.test');
    const bea = await createAgent('resync-bea@example.test');
    const campaign = await w.api('POST', '/api/campaigns', admin, {
      name: 'Resync chats',
      pageId: page.id,
      channel: 'messenger',
      strategy: 'rrmemory',
      members: [{ userId: ana.id, penalty: 0, position: 0 }],
    });
    expect(campaign.status).toBe(201);
    const anaSocket = await connect(ana.token);
    const beaSocket = await connect(bea.token);
    await w.control('POST', `/pages/${page.id}/messages`, { customer: { name: 'Carla' }, text: 'Hello?' });
    const assigned = await eventually(async () =>
      anaSocket.events().find((e) => e.type === 'interaction.changed' && e.interaction.agentId === ana.id),
    );
    if (assigned.type !== 'interaction.changed') throw new Error('unexpected event');
    const id = assigned.interaction.id;

    // What an instance killed between its commit and its NOTIFY leaves: the row says Bea, nobody told her.
    await sql(
      `update interactions set agent_id = $1, assigned_at = now() - interval '5 seconds' where id = $2`,
      [bea.id, id],
    );
    const told = await eventually(
      async () => beaSocket.events().find((e) => e.type === 'interaction.changed' && e.interaction.id === id),
      5_000,
    );
    expect(told.type === 'interaction.changed' && told.interaction).toMatchObject({
      id,
      agentId: bea.id,
      state: 'assigned',
    });
    // Told once: later checks (every 200 ms here) find it told. Ana's own work was never repeated.
    await new Promise((r) => setTimeout(r, 1_000));
    const aboutIt = (s: typeof anaSocket) =>
      s.events().filter((e) => e.type === 'interaction.changed' && e.interaction.id === id);
    expect(aboutIt(beaSocket)).toHaveLength(1);
    expect(aboutIt(anaSocket)).toHaveLength(1);
    anaSocket.close();
    beaSocket.close();
  });
});

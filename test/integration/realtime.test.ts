import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

let w: World;
let admin: string;

beforeAll(async () => {
  w = await startWorld();
  admin = await w.login();
});
afterAll(() => w?.stop());

async function linkSandboxPage(name: string) {
  const page = await w.control<{ id: string; access_token: string }>('POST', '/pages', { name });
  const res = await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  expect(res.status).toBe(200);
  return page;
}

describe('GET /ws', () => {
  it('refuses a wrong token and closes with 4401, without ever echoing the token', async () => {
    const s = await openSocket(w.backend.url);
    s.send({ type: 'auth', token: 'A'.repeat(43) });
    await eventually(async () => s.closed());
    expect(s.closed()?.code).toBe(4401);
    expect(JSON.stringify(s.messages)).not.toContain('A'.repeat(43));
  });

  it('closes with 4400 on a message that is not the protocol', async () => {
    const s = await openSocket(w.backend.url);
    s.send('not json');
    await eventually(async () => s.closed());
    expect(s.closed()?.code).toBe(4400);
  });

  it('gives an admin the snapshot, then pushes Page health changes; agents never see them', async () => {
    const page = await linkSandboxPage('Realtime Shop');
    const a = await openSocket(w.backend.url);
    a.send({ type: 'auth', token: admin });
    const ready = await eventually(async () => a.messages.find((m) => m.type === 'ready'));
    expect(ready.type === 'ready' && ready.snapshot.pages?.map((p) => p.id)).toContain(page.id);

    const agentToken = await createAgentToken('rt-agent@example.test');
    const g = await openSocket(w.backend.url);
    g.send({ type: 'auth', token: agentToken });
    const agentReady = await eventually(async () => g.messages.find((m) => m.type === 'ready'));
    // An agent starts from their own work: status (logged in as available by connecting) and inbox.
    expect(agentReady.type === 'ready' && agentReady.snapshot.pages).toBeUndefined();
    expect(agentReady.type === 'ready' && agentReady.snapshot.agent?.presence.status).toBe('available');

    await w.control('POST', `/pages/${page.id}/invalidate`, { subcode: 460 });
    await w.api('POST', `/api/pages/${page.id}/check`, admin);
    const pushed = await eventually(async () =>
      a.events().find((e) => e.type === 'page.health' && e.page.id === page.id),
    );
    expect(pushed.type === 'page.health' && pushed.page.health).toBe('invalid');
    await new Promise((r) => setTimeout(r, 200));
    expect(g.events().filter((e) => e.type.startsWith('page.'))).toEqual([]);
    a.close();
    g.close();
  });

  it("closes a user's sockets with 4403 when an admin deactivates them", async () => {
    const token = await createAgentToken('rt-leaver@example.test');
    const me = await (await w.api('GET', '/api/me', token)).json();
    const s = await openSocket(w.backend.url);
    s.send({ type: 'auth', token });
    await eventually(async () => s.messages.find((m) => m.type === 'ready'));
    await w.api('PATCH', `/api/users/${me.user.id}`, admin, { active: false });
    await eventually(async () => s.closed());
    expect(s.closed()?.code).toBe(4403);
    expect(s.events().at(-1)).toEqual({ type: 'user.sessions-ended', userId: me.user.id });
    // Whatever else reached the socket was about this agent only.
    for (const e of s.events()) if (e.type === 'agent.status') expect(e.presence.agentId).toBe(me.user.id);
  });
});

async function createAgentToken(email: string) {
  await w.api('POST', '/api/users', admin, {
    email,
    name: email,
    role: 'agent',
    password: 'agent password 1',
  });
  return w.login(email, 'agent password 1');
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ViewerView } from '../../shared/api/interactions.ts';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

type Socket = Awaited<ReturnType<typeof openSocket>>;

/** "X is viewing / replying": who announces what, who hears it, and how often. */
let w: World;
let admin: string;
let adminId: string;
let owner: { id: string; token: string };
let stranger: { id: string; token: string };
let supervisor: { id: string; token: string };
let campaignId: string;
let interactionId: string;
let post: { id: string };
const sockets: Socket[] = [];

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query<T>(sql, params));

async function createUser(email: string, name: string, role: string) {
  const u = await (
    await w.api('POST', '/api/users', admin, { email, name, role, password: 'user password 12' })
  ).json();
  return { id: u.id as string, token: await w.login(email, 'user password 12') };
}

async function connect(token: string): Promise<Socket> {
  const s = await openSocket(w.backend.url);
  sockets.push(s);
  s.send({ type: 'auth', token });
  await eventually(async () => s.messages.find((m) => m.type === 'ready'));
  return s;
}

const viewers = (s: Socket) => s.events().flatMap((e) => (e.type === 'interaction.viewer' ? [e] : []));
const seen = (s: Socket, userId: string, activity: ViewerView['activity']) =>
  eventually(async () =>
    viewers(s).find((e) => e.viewer.userId === userId && e.viewer.activity === activity),
  );
const settle = () => new Promise((r) => setTimeout(r, 300));
const announce = (s: Socket, activity: ViewerView['activity'], id = interactionId) =>
  s.send({ type: 'viewing', interactionId: id, activity });

beforeAll(async () => {
  w = await startWorld();
  admin = await w.login();
  adminId = (await (await w.api('GET', '/api/me', admin)).json()).user.id;
  const page = await w.control<{ id: string; access_token: string }>('POST', '/pages', { name: 'Busy Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  owner = await createUser('olga@example.test', 'Olga', 'agent');
  stranger = await createUser('sam@example.test', 'Sam', 'agent');
  supervisor = await createUser('sue@example.test', 'Sue', 'supervisor');
  campaignId = (
    await (
      await w.api('POST', '/api/campaigns', admin, {
        name: 'Comments',
        pageId: page.id,
        channel: 'facebook',
        strategy: 'linear',
        maxInteractionsPerAgent: 20,
        members: [{ userId: owner.id, penalty: 0, position: 0 }],
      })
    ).json()
  ).id;
  await w.api('POST', '/api/agent/status', owner.token, { status: 'available' });
  post = await w.control<{ id: string }>('POST', `/pages/${page.id}/posts`, { message: 'News' });
});

// Each test watches its own interaction: a socket closed by the previous test may still be saying
// "left" about the previous one while this test runs.
beforeEach(async () => {
  const comment = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
    customer: { name: 'Cai' },
    message: 'Hello?',
  });
  interactionId = (
    await eventually(async () => {
      const [r] = await rows<{ id: string }>(
        'select id from interactions where thread_key = $1 and agent_id = $2',
        [comment.id, owner.id],
      );
      return r;
    })
  ).id;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await w?.stop();
});

describe('collision control over /ws', () => {
  it("tells the interaction's agent that a supervisor is viewing it, with the supervisor's name; never the viewer", async () => {
    const agentSocket = await connect(owner.token);
    const supSocket = await connect(supervisor.token);
    announce(supSocket, 'viewing');
    const event = await seen(agentSocket, supervisor.id, 'viewing');
    expect(event).toEqual({
      type: 'interaction.viewer',
      viewer: { interactionId, userId: supervisor.id, name: 'Sue', role: 'supervisor', activity: 'viewing' },
      agentId: owner.id,
      campaignId,
    });
    await settle();
    expect(viewers(supSocket)).toEqual([]);
    agentSocket.close();
    supSocket.close();
  });

  it('tells the supervisor when the agent is replying, and no other agent hears of it', async () => {
    const agentSocket = await connect(owner.token);
    const supSocket = await connect(supervisor.token);
    const strangerSocket = await connect(stranger.token);
    announce(agentSocket, 'replying');
    const event = await seen(supSocket, owner.id, 'replying');
    expect(event.viewer).toMatchObject({ name: 'Olga', role: 'agent', interactionId });
    await settle();
    expect(viewers(agentSocket)).toEqual([]);
    expect(viewers(strangerSocket)).toEqual([]);
    for (const s of [agentSocket, supSocket, strangerSocket]) s.close();
  });

  it('ignores an agent announcing an interaction that is not theirs, or that does not exist', async () => {
    const agentSocket = await connect(owner.token);
    const supSocket = await connect(supervisor.token);
    const strangerSocket = await connect(stranger.token);
    announce(strangerSocket, 'viewing');
    announce(strangerSocket, 'viewing', '00000000-0000-4000-8000-000000000000');
    await settle();
    // What does get through, sent after, arrives: the stranger's announcements were dropped, not slow.
    announce(supSocket, 'viewing');
    await seen(agentSocket, supervisor.id, 'viewing');
    await settle();
    expect(viewers(agentSocket).map((e) => e.viewer.userId)).toEqual([supervisor.id]);
    expect(viewers(supSocket)).toEqual([]);
    expect(strangerSocket.closed()).toBeUndefined();
    for (const s of [agentSocket, supSocket, strangerSocket]) s.close();
  });

  it('passes at most one announcement per interaction per second from a socket, dropping the rest', async () => {
    const agentSocket = await connect(owner.token);
    const supSocket = await connect(supervisor.token);
    for (let i = 0; i < 6; i++) announce(supSocket, i % 2 ? 'replying' : 'viewing');
    await seen(agentSocket, supervisor.id, 'viewing');
    await settle();
    expect(viewers(agentSocket)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_000));
    announce(supSocket, 'replying');
    await seen(agentSocket, supervisor.id, 'replying');
    expect(viewers(agentSocket)).toHaveLength(2);
    agentSocket.close();
    supSocket.close();
  });

  it('says "left" when the viewer says so, and when their socket closes', async () => {
    const agentSocket = await connect(owner.token);
    const supSocket = await connect(supervisor.token);
    const admSocket = await connect(admin);
    announce(supSocket, 'viewing');
    announce(admSocket, 'viewing');
    await seen(agentSocket, supervisor.id, 'viewing');
    await seen(agentSocket, adminId, 'viewing');
    announce(supSocket, 'left');
    await seen(agentSocket, supervisor.id, 'left');
    admSocket.close();
    await seen(agentSocket, adminId, 'left');
    // Leaving twice, or leaving what was never announced, says nothing more.
    announce(supSocket, 'left');
    await settle();
    expect(viewers(agentSocket).filter((e) => e.viewer.activity === 'left')).toHaveLength(2);
    agentSocket.close();
    supSocket.close();
  });

  it('refuses an announcement before authentication', async () => {
    const s = await openSocket(w.backend.url);
    sockets.push(s);
    announce(s, 'viewing');
    await eventually(async () => s.closed());
    expect(s.closed()?.code).toBe(4401);
  });
});

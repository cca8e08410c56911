import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/events.ts';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

/**
 * The supervisor's live view over real HTTP and WebSockets, with the Graph sandbox playing
 * Facebook: two Pages, each with a comments campaign, an agent and a supervisor. Each supervisor
 * hears only their campaign until an admin gives them the other one.
 */
let w: World;
let admin: string;
type Side = {
  page: { id: string; access_token: string };
  post: { id: string };
  campaignId: string;
  agent: { id: string; token: string };
  sup: { id: string; token: string };
};
const sides: Side[] = [];
type Socket = Awaited<ReturnType<typeof openSocket>>;
const sockets: Socket[] = [];

async function createUser(role: 'agent' | 'supervisor', name: string) {
  const email = `${name.toLowerCase()}@example.test`;
  const res = await w.api('POST', '/api/users', admin, { email, name, role, password: 'a good password 1' });
  expect(res.status).toBe(201);
  return { id: (await res.json()).id as string, token: await w.login(email, 'a good password 1') };
}

async function connect(token: string) {
  const s = await openSocket(w.backend.url);
  sockets.push(s);
  s.send({ type: 'auth', token });
  await eventually(async () => s.messages.find((m) => m.type === 'ready'));
  return s;
}

const saw = (s: Socket, test: (e: DomainEvent) => boolean) => eventually(async () => s.events().find(test));

beforeAll(async () => {
  w = await startWorld({ ROUTING_TICK_MS: '200' });
  admin = await w.login();
  for (const name of ['North', 'South']) {
    const page = await w.control<Side['page']>('POST', '/pages', { name: `${name} Shop` });
    await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
    const post = await w.control<Side['post']>('POST', `/pages/${page.id}/posts`, {
      message: `${name} sale`,
    });
    const agent = await createUser('agent', `${name}Agent`);
    const sup = await createUser('supervisor', `${name}Sup`);
    const res = await w.api('POST', '/api/campaigns', admin, {
      name: `${name} comments`,
      pageId: page.id,
      channel: 'facebook',
      strategy: 'linear',
      members: [{ userId: agent.id, penalty: 0, position: 0 }],
      supervisorIds: [sup.id],
    });
    expect(res.status).toBe(201);
    sides.push({ page, post, campaignId: (await res.json()).id, agent, sup });
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await w?.stop();
});

describe('a supervisor’s socket', () => {
  let north: Socket;
  let northAgent: Socket;
  let interactionId: string;
  let topCommentId: string;

  it('starts from the board of their campaign only', async () => {
    northAgent = await connect(sides[0]!.agent.token);
    await connect(sides[1]!.agent.token);
    north = await connect(sides[0]!.sup.token);
    const ready = north.messages.find((m) => m.type === 'ready');
    const board = ready?.type === 'ready' ? ready.snapshot.supervisor?.board : undefined;
    expect(board?.campaigns.map((c) => c.campaign.id)).toEqual([sides[0]!.campaignId]);
    expect(board?.campaigns[0]?.agents.map((a) => [a.name, a.status])).toEqual([['NorthAgent', 'available']]);
  });

  it('hears its campaign’s work and agents, never the other campaign’s', async () => {
    const [n, s] = sides as [Side, Side];
    const southComment = await w.control<{ id: string }>('POST', `/posts/${s.post.id}/comments`, {
      customer: { name: 'Sam' },
      message: 'South question',
    });
    const northComment = await w.control<{ id: string }>('POST', `/posts/${n.post.id}/comments`, {
      customer: { name: 'Nina' },
      message: 'North question',
    });
    topCommentId = northComment.id;
    const assigned = await saw(
      north,
      (e) =>
        e.type === 'interaction.changed' &&
        e.interaction.threadKey === northComment.id &&
        e.interaction.state === 'assigned',
    );
    interactionId = assigned.type === 'interaction.changed' ? assigned.interaction.id : '';
    // The South interaction was assigned too (its agent hears it) — give it time to have been sent.
    await eventually(async () => {
      const res = await w.api('GET', '/api/supervisor/board', admin);
      const board = await res.json();
      return board.campaigns.some(
        (c: { campaign: { id: string }; agents: { status: string }[] }) =>
          c.campaign.id === s.campaignId && c.agents[0]?.status === 'busy',
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    const leaked = north
      .events()
      .filter(
        (e) =>
          ((e.type === 'interaction.changed' || e.type === 'interaction.offered') &&
            e.interaction.campaignId === s.campaignId) ||
          (e.type === 'agent.status' && e.presence.agentId === s.agent.id),
      );
    expect(leaked).toEqual([]);
    expect(southComment.id).not.toBe(northComment.id);
  });

  it('Spy: the supervisor sees the customer’s next message live', async () => {
    const res = await w.api('POST', `/api/supervisor/spy/${interactionId}`, sides[0]!.sup.token);
    expect(res.status).toBe(200);
    await w.control('POST', `/posts/${sides[0]!.post.id}/comments`, {
      customer: { name: 'Nina' },
      message: 'Anyone there?',
      parentId: topCommentId,
    });
    await saw(north, (e) => e.type === 'interaction.message' && e.interactionId === interactionId);
    const after = await (
      await w.api('GET', `/api/interactions/${interactionId}`, sides[0]!.sup.token)
    ).json();
    expect(after.messages.map((m: { text: string }) => m.text)).toContain('Anyone there?');
  });

  it('Pause reaches the agent’s sidebar; Logout closes it and puts the unanswered work back', async () => {
    const n = sides[0]!;
    expect((await w.api('POST', `/api/supervisor/agents/${n.agent.id}/pause`, n.sup.token)).status).toBe(200);
    await saw(
      northAgent,
      (e) =>
        e.type === 'agent.status' &&
        e.presence.status === 'break' &&
        e.presence.breakReason === 'paused by supervisor',
    );
    await saw(
      north,
      (e) => e.type === 'agent.status' && e.presence.agentId === n.agent.id && e.presence.status === 'break',
    );
    const res = await w.api('POST', `/api/supervisor/agents/${n.agent.id}/logout`, n.sup.token);
    expect(res.status).toBe(200);
    expect((await res.json()).requeued).toEqual([interactionId]);
    await eventually(async () => northAgent.closed());
    expect(northAgent.closed()?.code).toBe(4403);
    await saw(
      north,
      (e) =>
        e.type === 'interaction.changed' &&
        e.interaction.id === interactionId &&
        e.interaction.state === 'queued',
    );
  });

  it('hears a campaign once an admin assigns it to them', async () => {
    const [n, s] = sides as [Side, Side];
    const res = await w.api('PATCH', `/api/campaigns/${s.campaignId}`, admin, {
      supervisorIds: [s.sup.id, n.sup.id],
    });
    expect(res.status).toBe(200);
    await saw(north, (e) => e.type === 'campaign.changed' && e.campaignId === s.campaignId);
    // The scope reloads right after the event; a new South comment then reaches the North supervisor.
    await new Promise((r) => setTimeout(r, 200));
    const comment = await w.control<{ id: string }>('POST', `/posts/${s.post.id}/comments`, {
      customer: { name: 'Tom' },
      message: 'Second south question',
    });
    await saw(north, (e) => e.type === 'interaction.changed' && e.interaction.threadKey === comment.id);
  });
});

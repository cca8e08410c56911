import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';

let w: World;
let admin: string;
let page: { id: string; access_token: string };
let post: { id: string };
let campaignId: string;
const agents: { id: string; token: string; name: string }[] = [];

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query<T>(sql, params));

beforeAll(async () => {
  w = await startWorld({ ROUTING_TICK_MS: '200' });
  admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Routing Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  post = await w.control('POST', `/pages/${page.id}/posts`, { message: 'Sale!' });
  for (const name of ['Ana', 'Bea', 'Cai']) {
    const email = `${name.toLowerCase()}@example.test`;
    const created = await (
      await w.api('POST', '/api/users', admin, { email, name, role: 'agent', password: 'agent password 1' })
    ).json();
    agents.push({ id: created.id, token: await w.login(email, 'agent password 1'), name });
  }
  const res = await w.api('POST', '/api/campaigns', admin, {
    name: 'Comments',
    pageId: page.id,
    channel: 'facebook',
    strategy: 'rrmemory',
    maxInteractionsPerAgent: 2,
    members: agents.map((a, position) => ({ userId: a.id, penalty: 0, position })),
  });
  expect(res.status).toBe(201);
  campaignId = (await res.json()).id;
  for (const a of agents)
    expect((await w.api('POST', '/api/agent/status', a.token, { status: 'available' })).status).toBe(200);
});
afterAll(() => w?.stop());

const byAgent = async () => {
  const r = await rows<{ agent_id: string | null; state: string; n: number }>(
    `select agent_id, state, count(*)::int as n from interactions where campaign_id = $1 group by 1, 2`,
    [campaignId],
  );
  return r;
};
const activeOf = async (agentId: string) =>
  Number(
    (
      await rows<{ n: number }>(
        `select count(*)::int as n from interactions where agent_id = $1 and state in ('assigned','answered')`,
        [agentId],
      )
    )[0]!.n,
  );
const queuedIds = async () =>
  (
    await rows<{ id: string }>(
      `select id from interactions where campaign_id = $1 and state = 'queued' order by first_queued_at, seq`,
      [campaignId],
    )
  ).map((r) => r.id);

describe('a campaign with three agents and capacity 2 (rrmemory)', () => {
  it('eight customer comments: six assigned two per agent in round-robin order, two queued', async () => {
    for (let n = 1; n <= 8; n++) {
      await w.control('POST', `/posts/${post.id}/comments`, {
        customer: { name: `Customer ${n}` },
        message: `Question ${n}`,
      });
      // One at a time, so the arrival order (and thus the queue order) is certain.
      await eventually(
        async () =>
          Number((await rows<{ n: number }>('select count(*)::int as n from interactions'))[0]!.n) === n,
      );
    }
    await eventually(async () => (await queuedIds()).length === 2 && (await activeOf(agents[2]!.id)) === 2);
    for (const a of agents) expect(await activeOf(a.id)).toBe(2);
    const order = await rows<{ agent_id: string }>(
      `select t.agent_id from interaction_transitions t join interactions i on i.id = t.interaction_id
       where i.campaign_id = $1 and t.state = 'assigned' order by t.id`,
      [campaignId],
    );
    const names = order.map((o) => agents.find((a) => a.id === o.agent_id)!.name);
    expect(names).toEqual(['Ana', 'Bea', 'Cai', 'Ana', 'Bea', 'Cai']);
  });

  it('completing one gives the head of the queue to that agent within a second', async () => {
    const bea = agents[1]!;
    const [head] = await queuedIds();
    const [mine] = await rows<{ id: string }>(
      `select id from interactions where agent_id = $1 and state = 'assigned' limit 1`,
      [bea.id],
    );
    const started = Date.now();
    expect(
      (await w.api('POST', `/api/interactions/${mine!.id}/complete`, bea.token, { disposition: 'resolved' }))
        .status,
    ).toBe(200);
    const [assigned] = await eventually(async () => {
      const r = await rows<{ agent_id: string }>(
        `select agent_id from interactions where id = $1 and state = 'assigned'`,
        [head],
      );
      return r.length ? r : undefined;
    }, 1_000);
    expect(assigned!.agent_id).toBe(bea.id);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('an agent on break takes no new work; back to available, they get the head of the queue', async () => {
    const cai = agents[2]!;
    await w.api('POST', '/api/agent/status', cai.token, { status: 'break', reason: 'Lunch' });
    const [mine] = await rows<{ id: string }>(
      `select id from interactions where agent_id = $1 and state = 'assigned' limit 1`,
      [cai.id],
    );
    await w.api('POST', `/api/interactions/${mine!.id}/complete`, cai.token, {});
    await new Promise((r) => setTimeout(r, 500));
    expect(await activeOf(cai.id)).toBe(1);
    expect((await queuedIds()).length).toBe(1);
    const [head] = await queuedIds();
    await w.api('POST', '/api/agent/status', cai.token, { status: 'available' });
    await eventually(
      async () =>
        (await rows(`select 1 from interactions where id = $1 and agent_id = $2`, [head, cai.id])).length > 0,
      1_000,
    );
  });

  it("logging out returns the agent's unanswered work to the head of the queue", async () => {
    const ana = agents[0]!;
    const mine = (
      await rows<{ id: string }>(`select id from interactions where agent_id = $1 and state = 'assigned'`, [
        ana.id,
      ])
    ).map((r) => r.id);
    expect(mine.length).toBe(2);
    await w.api('POST', '/api/auth/logout', ana.token);
    const queued = await eventually(async () => {
      const q = await queuedIds();
      return q.length === 2 ? q : undefined;
    });
    expect(queued.sort()).toEqual(mine.sort());
    const [presence] = await rows<{ status: string }>(
      'select status from agent_presence where user_id = $1',
      [ana.id],
    );
    expect(presence!.status).toBe('offline');
    const notes = await rows<{ note: string }>(
      `select note from interaction_transitions where interaction_id = any($1::uuid[]) and state = 'queued' and note is not null`,
      [mine],
    );
    expect(notes.map((n) => n.note)).toEqual(['logged out', 'logged out']);
  });

  it('an agent silent past the grace period goes offline and their unanswered work is re-queued', async () => {
    const bea = agents[1]!;
    const assigned = (
      await rows<{ id: string }>(`select id from interactions where agent_id = $1 and state = 'assigned'`, [
        bea.id,
      ])
    ).map((r) => r.id);
    expect(assigned.length).toBeGreaterThan(0);
    await rows(`update agent_presence set last_seen_at = now() - interval '2 minutes' where user_id = $1`, [
      bea.id,
    ]);
    await eventually(
      async () =>
        (await rows<{ status: string }>('select status from agent_presence where user_id = $1', [bea.id]))[0]!
          .status === 'offline',
      3_000,
    );
    for (const id of assigned) {
      const [r] = await rows<{ agent_id: string | null }>('select agent_id from interactions where id = $1', [
        id,
      ]);
      expect(r!.agent_id).not.toBe(bea.id);
    }
  });

  it('never puts an agent over capacity, and never assigns an interaction twice at once', async () => {
    for (const a of agents) expect(await activeOf(a.id)).toBeLessThanOrEqual(2);
    const summary = await byAgent();
    expect(summary.reduce((n, r) => n + r.n, 0)).toBe(8);
  });
});

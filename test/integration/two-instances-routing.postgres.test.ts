import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import { createLogger } from '../../backend/log/logger.ts';
import { savePage } from '../../backend/pages/page-store.ts';
import { startServer } from '../../backend/server.ts';
import { cleanups, runCleanups, serverConfig } from '../harness/lifecycle-helpers.ts';
import { eventually } from '../harness/sandbox-world.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';

const PAGE = '777000000000001';
const CAP = 2;
const AGENTS = 5;
const COMMENTS = 120;
let a: Awaited<ReturnType<typeof startServer>>;
let b: Awaited<ReturnType<typeof startServer>>;
let campaignId: string;
const agents: { id: string; token: string }[] = [];

const post = (base: string, path: string, body: unknown, token?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

function commentBody(n: number) {
  const t = Math.floor(Date.now() / 1000); // fresh: an old comment would pass the dropout threshold
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: t,
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb: 'add',
              comment_id: `9000_${n}`,
              post_id: `${PAGE}_9000`,
              parent_id: `${PAGE}_9000`,
              from: { id: String(500000 + n), name: `Customer ${n}` },
              created_time: t,
              message: `Question ${n}`,
            },
          },
        ],
      },
    ],
  });
}

beforeAll(async () => {
  const cfg = await serverConfig({
    ADMIN_EMAIL: 'admin@example.test',
    ADMIN_PASSWORD: 'admin password 123',
    ROUTING_TICK_MS: '300',
  });
  const logger = createLogger('silent');
  a = await startServer(cfg, logger);
  b = await startServer(cfg, logger);
  cleanups.push(
    () => a.stop(),
    () => b.stop(),
  );
  const admin = (
    await (
      await post(a.url, '/api/auth/login', { email: 'admin@example.test', password: 'admin password 123' })
    ).json()
  ).token;
  const adminId = (
    await (await fetch(`${a.url}/api/me`, { headers: { authorization: `Bearer ${admin}` } })).json()
  ).user.id;
  await savePage(
    a.store.db,
    a.deps.facebook,
    { id: PAGE, name: 'Busy Page', token: 'token-for-a-busy-page-xxxxxxxx', scopes: [], linkedBy: adminId },
    new Date(),
  );
  for (let i = 0; i < AGENTS; i++) {
    const email = `busy${i}@example.test`;
    const u = await (
      await post(
        a.url,
        '/api/users',
        { email, name: `Agent ${i}`, role: 'agent', password: 'agent password 1' },
        admin,
      )
    ).json();
    const token = (
      await (await post(b.url, '/api/auth/login', { email, password: 'agent password 1' })).json()
    ).token;
    agents.push({ id: u.id, token });
  }
  const campaign = await post(
    a.url,
    '/api/campaigns',
    {
      name: 'Busy',
      pageId: PAGE,
      channel: 'facebook',
      strategy: 'leastrecent',
      maxInteractionsPerAgent: CAP,
      members: agents.map((x, position) => ({ userId: x.id, penalty: 0, position })),
    },
    admin,
  );
  campaignId = (await campaign.json()).id;
  for (const [i, x] of agents.entries())
    await post(i % 2 ? a.url : b.url, '/api/agent/status', { status: 'available' }, x.token);
});
afterAll(runCleanups);

describe('two backend instances on one PostgreSQL, under load', () => {
  it('assigns no interaction twice and puts no agent over capacity', async () => {
    const servers = [a, b];
    const rows = <T>(sql: string, params: unknown[] = []) =>
      a.store.withSession((s) => s.query<T>(sql, params));
    // Customers write through both instances while agents complete work through both.
    const deliveries = Array.from({ length: COMMENTS }, (_, n) => {
      const body = commentBody(n);
      const signature = signWebhookBody(new TextEncoder().encode(body), TEST_FB_ENV.FB_APP_SECRET);
      return fetch(`${servers[n % 2]!.url}/webhooks/facebook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      }).then((r) => expect(r.status).toBe(200));
    });
    let completed = 0;
    const workers = agents.map(async (x, i) => {
      const deadline = Date.now() + 20_000;
      while (completed < COMMENTS && Date.now() < deadline) {
        const mine = await rows<{ id: string }>(
          `select id from interactions where agent_id = $1 and state = 'assigned'`,
          [x.id],
        );
        await Promise.all(
          mine.map(async (m) => {
            const res = await post(
              servers[(i + completed) % 2]!.url,
              `/api/interactions/${m.id}/complete`,
              {},
              x.token,
            );
            if (res.status === 200) completed++;
          }),
        );
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await Promise.all(deliveries);
    await Promise.all(workers);
    await eventually(async () => completed >= COMMENTS, 25_000);

    const interactionsCount = await rows<{ n: number }>(
      'select count(*)::int as n from interactions where campaign_id = $1',
      [campaignId],
    );
    expect(interactionsCount[0]!.n).toBe(COMMENTS);
    // Never assigned twice: every interaction was assigned exactly once (nobody logged out here).
    const doubles = await rows<{ id: string }>(
      `select interaction_id as id from interaction_transitions where state = 'assigned' group by 1 having count(*) > 1`,
    );
    expect(doubles).toEqual([]);
    // Never over capacity: replay every assignment and release in commit order per agent.
    const steps = await rows<{ agent_id: string; state: string }>(
      `select agent_id, state from interaction_transitions where agent_id is not null order by id`,
    );
    const load = new Map<string, number>();
    let peak = 0;
    for (const s of steps) {
      const delta =
        s.state === 'assigned'
          ? 1
          : ['completed', 'queued', 'abandoned', 'expired'].includes(s.state)
            ? -1
            : 0;
      const next = (load.get(s.agent_id) ?? 0) + delta;
      load.set(s.agent_id, next);
      peak = Math.max(peak, next);
    }
    expect(peak).toBeLessThanOrEqual(CAP);
    expect(peak).toBe(CAP); // the load was real: agents did reach capacity
  });
});

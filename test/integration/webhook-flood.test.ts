import { afterEach, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import type { AppDeps } from '../../backend/http/app-deps.ts';
import { createLogger } from '../../backend/log/logger.ts';
import { savePage } from '../../backend/pages/page-store.ts';
import { startServer } from '../../backend/server.ts';
import { BATCHED_BYTES, FLOOD_BYTES } from '../../backend/webhooks/ingress-load.ts';
import { cleanups, runCleanups, serverConfig } from '../harness/lifecycle-helpers.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';

afterEach(runCleanups);

const PAGE = '424242424242';
const BODIES = 12;
const EVENTS_PER_BODY = 100;

/** A body as Meta sends it when it has a backlog: many customers' messages in one request. */
function batchedBody(n: number): string {
  const now = Date.now();
  return JSON.stringify({
    object: 'page',
    entry: Array.from({ length: EVENTS_PER_BODY }, (_, k) => {
      const psid = `72${String(n * EVENTS_PER_BODY + k).padStart(14, '0')}`;
      return {
        id: PAGE,
        time: now,
        messaging: [
          {
            sender: { id: psid },
            recipient: { id: PAGE },
            timestamp: now,
            message: { mid: `m_flood_${n}_${k}`, text: `Hello, is order ${n}-${k} on its way?` },
          },
        ],
      };
    }),
  });
}

describe('a flood of batched webhooks on the real server', () => {
  it('answers every body after storing it, and processing catches up once the flood has passed', async () => {
    const server = await startServer(await serverConfig(), createLogger('silent'));
    cleanups.push(() => server.stop());
    const deps = (server as unknown as { deps: AppDeps }).deps;
    const [admin] = await server.store.withSession((s) =>
      s.query<{ id: string }>('select id from users limit 1'),
    );
    await savePage(
      server.store.db,
      deps.facebook,
      {
        id: PAGE,
        name: 'Flood Page',
        token: 'token-of-flood-page-xxxxxxxx',
        scopes: [],
        linkedBy: admin!.id,
      },
      new Date(),
    );
    const bodies = Array.from({ length: BODIES }, (_, n) => batchedBody(n));
    // What the route tells the ingress load: every answered body with its size. Whether those sizes
    // make a flood within its one-second window is the unit test's (ingress-load.test.ts, with its
    // own clock): on a loaded CI box twelve bodies can take longer than a second to answer.
    const answered: number[] = [];
    const enter = deps.ingress.enter.bind(deps.ingress);
    deps.ingress.enter = () => {
      const done = enter();
      return (bytes) => {
        answered.push(bytes);
        done(bytes);
      };
    };
    const statuses: number[] = [];
    // Eight senders, each posting again as soon as it is answered, as the benchmark does.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const res = await fetch(`${server.url}/webhooks/facebook`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-hub-signature-256': signWebhookBody(Buffer.from(body), TEST_FB_ENV.FB_APP_SECRET),
            },
            body,
          });
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses).toEqual(bodies.map(() => 200));
    expect(answered).toHaveLength(BODIES);
    expect(answered.every((bytes) => bytes >= BATCHED_BYTES)).toBe(true);
    expect(answered.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(FLOOD_BYTES);
    const count = async (sql: string) =>
      Number((await server.store.withSession((s) => s.query<{ n: number }>(sql)))[0]!.n);
    expect(await count('select count(*)::int as n from webhook_deliveries')).toBe(BODIES);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await count(`select count(*)::int as n from webhook_deliveries where status = 'pending'`)) === 0)
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await count(`select count(*)::int as n from webhook_deliveries where status = 'processed'`)).toBe(
      BODIES,
    );
    expect(await count('select count(*)::int as n from messenger_messages')).toBe(BODIES * EVENTS_PER_BODY);
  }, 120_000);
});

import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGraphFetch } from '../../backend/facebook/graph-fakes.ts';
import { savePage } from '../../backend/pages/page-store.ts';
import { routeCampaign } from '../../backend/routing/route-campaign.ts';
import { processDeliveries } from '../../backend/webhooks/process-deliveries.ts';
import { errorEnvelopeSchema } from '../../shared/errors.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';
import {
  type ApiCase,
  apiCase,
  FUZZ_PAGES,
  type KnownIds,
  signatureHeaders,
  signing,
  webhookBody,
} from './fuzz-arbitraries.ts';
import { APP_SECRETS, expectNoSecrets } from './kit.ts';

/**
 * Issue 8.4: generated webhook bodies (signed well and badly) and API bodies against the app
 * in-process. Whatever comes in: no crash, no 5xx, a well-formed error envelope, nothing stored
 * from a bad signature, every stored delivery processed to an end (never a poison pill that blocks
 * the queue), and the heap back to where it was after a GC.
 */
const WEBHOOK_CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const API_CASES = 3_000;
const WARM_UP = Math.min(500, WEBHOOK_CASES / 10);
const LIMIT = 256 * 1024;
const SEED = 20_260_808;
// A made-up token (no `EAA` prefix, so no scanner mistakes it for a real one); the log scan looks for it.
const PAGE_TOKEN = 'fuzz-page-token-made-up-0123456789abcdefghijklmnopqrstuvwxyz';

// A handle on the collector: heap figures mean nothing without a full GC before each reading.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

let t: TestApp;
let admin: string;
let agent: string;
let ids: KnownIds;
const figures = { stored: 0, refused: 0, tooLarge: 0, statuses: new Map<number, number>() };
const count = (status: number) => figures.statuses.set(status, (figures.statuses.get(status) ?? 0) + 1);
const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  t.store.withSession((s) => s.query<T>(sql, params));
const storedDeliveries = async () =>
  (await rows<{ n: number }>('select count(*)::int n from webhook_deliveries'))[0]!.n;

beforeAll(async () => {
  // Graph answers every token "invalid" (import-token, activations): the fuzz never leaves the machine.
  const invalid = { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 };
  const graph = fakeGraphFetch((req) =>
    req.url.pathname.endsWith('/debug_token')
      ? { body: { data: { is_valid: false, error: invalid } } }
      : { status: 400, body: { error: invalid } },
  );
  t = await createTestApp({ WEBHOOK_BODY_LIMIT_BYTES: String(LIMIT) }, { graphFetch: graph.fetch });
  const a = await t.userWithSession('admin');
  const g = await t.userWithSession('agent');
  admin = a.token;
  agent = g.token;
  for (const id of FUZZ_PAGES) {
    await savePage(
      t.store.db,
      t.deps.facebook,
      { id, name: `Fuzz ${id}`, token: PAGE_TOKEN, scopes: [], linkedBy: a.user.id },
      new Date(),
    );
  }
  const campaigns: string[] = [];
  for (const channel of ['facebook', 'messenger']) {
    const res = await t.call('POST', '/api/campaigns', {
      token: admin,
      body: {
        name: `Fuzz ${channel}`,
        pageId: FUZZ_PAGES[0],
        channel,
        strategy: 'linear',
        members: [{ userId: g.user.id, penalty: 0, position: 0 }],
      },
    });
    expect(res.status).toBe(201);
    campaigns.push(((await res.json()) as { id: string }).id);
  }
  await t.call('POST', '/api/agent/status', { token: agent, body: { status: 'available' } });
  // One interaction assigned to the agent, so reply and complete bodies reach the use cases.
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: FUZZ_PAGES[0],
        time: Date.now(),
        messaging: [
          {
            sender: { id: '7000000000000001' },
            recipient: { id: FUZZ_PAGES[0] },
            timestamp: Date.now(),
            message: { mid: 'm_setup', text: 'Hello' },
          },
        ],
      },
    ],
  });
  const ok = await postWebhook(
    new TextEncoder().encode(body),
    signatureHeaders(new TextEncoder().encode(body), 'good', TEST_FB_ENV.FB_APP_SECRET),
  );
  expect(ok.status).toBe(200);
  await processDeliveries(t.store.db, t.deps.logger);
  await routeCampaign(t.store.db, campaigns[1]!, new Date(), Math.random);
  const [interaction] = await rows<{ id: string }>(`select id from interactions where state = 'assigned'`);
  const activation = await t.call('POST', '/api/pages/activations', { token: admin });
  // User edits go to a user of their own: deactivating the working agent would end its session.
  const victim = await t.userWithSession('agent', 'Edited by the fuzz');
  ids = {
    userId: victim.user.id,
    campaignId: campaigns[0]!,
    interactionId: interaction!.id,
    activationId: ((await activation.json()) as { id: string }).id,
  };
}, 60_000);
afterAll(() => t?.close());

function postWebhook(bytes: Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  return Promise.resolve(
    t.app.request('/webhooks/facebook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: bytes,
    }),
  );
}

/**
 * Runs the processor until nothing is pending, as the worker does. A throw here would roll its
 * batch back and block the queue behind it forever: the failure names the deliveries it held.
 */
async function processAll() {
  try {
    for (let more = true; more; ) {
      const round = await processDeliveries(t.store.db, t.deps.logger);
      await t.deps.settle(round.changes);
      more = round.more;
    }
  } catch (err) {
    const stuck = await rows<{ id: number; body: string }>(
      `select id, left(body, 300) body from webhook_deliveries where status = 'pending' order by id limit 20`,
    );
    throw new Error(`processing failed (${(err as Error).message}); pending: ${JSON.stringify(stuck)}`);
  }
}

/** An error answer is always the envelope with a known code and the request id. */
async function expectEnvelope(res: Response) {
  const parsed = errorEnvelopeSchema.safeParse(await res.json());
  expect(parsed.success).toBe(true);
}

const SECRETS = [PAGE_TOKEN, 'correct horse battery', ...APP_SECRETS];
let logLines = 0;
/**
 * The test app keeps its log lines in memory: scan them for secrets and errors as they come, then
 * let them go, so the heap figures measure the backend and not the suite's own records.
 */
function drainLogs() {
  if (t.logs.length === 0) return;
  expectNoSecrets(t.logs, SECRETS);
  expect(t.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  logLines += t.logs.length;
  t.logs.length = 0;
}

describe('fuzzing the webhook and the API', () => {
  let heapBefore = 0;

  it(`answers ${WEBHOOK_CASES} generated webhook bodies without a crash or a 5xx; bad signatures store nothing`, async () => {
    const kinds = new Map<string, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(webhookBody(LIMIT), signing, async (body, how) => {
        if (n % 500 === 0) drainLogs();
        if (n++ === WARM_UP) heapBefore = heapMb(); // after warm-up: caches, prepared statements, JIT
        kinds.set(body.kind, (kinds.get(body.kind) ?? 0) + 1);
        const res = await postWebhook(
          body.bytes,
          signatureHeaders(body.bytes, how, TEST_FB_ENV.FB_APP_SECRET),
        );
        count(res.status);
        expect(res.status).toBeLessThan(500);
        if (body.bytes.byteLength > LIMIT) {
          expect(res.status).toBe(413);
          figures.tooLarge++;
        } else if (how === 'good') {
          expect(res.status).toBe(200);
          if (++figures.stored % 25 === 0) await processAll();
        } else {
          expect([401, 403]).toContain(res.status);
          figures.refused++;
        }
        if (res.status !== 200) await expectEnvelope(res);
      }),
      { numRuns: WEBHOOK_CASES, seed: SEED, endOnFailure: true },
    );
    await processAll();
    // Exactly the well-signed bodies were stored (plus the setup's one), none of the others.
    expect(await storedDeliveries()).toBe(figures.stored + 1);
    expect(await rows(`select id from webhook_deliveries where status = 'pending'`)).toEqual([]);
    // Only a body that is not JSON may end as failed; anything else failing is a defect.
    expect(
      await rows(
        `select id, error from webhook_deliveries where status = 'failed' and error <> 'body is not JSON'`,
      ),
    ).toEqual([]);
    expect(figures.refused).toBeGreaterThan(WEBHOOK_CASES / 4);
    expect(figures.tooLarge).toBeGreaterThan(0);
    const [applied] = await rows<{ events: number; interactions: number }>(
      `select (select count(*)::int from processed_events) events, (select count(*)::int from interactions) interactions`,
    );
    console.info(
      `[fuzz] ${WEBHOOK_CASES} webhook bodies (${[...kinds].map(([k, v]) => `${v} ${k}`).join(', ')}): ` +
        `${figures.stored} stored and processed, ${figures.refused} refused for their signature, ` +
        `${figures.tooLarge} too large; ${applied!.events} events applied, ${applied!.interactions} interactions opened`,
    );
  }, 240_000);

  it(`answers ${API_CASES} generated API requests without a crash or a 5xx`, async () => {
    const tokens = { admin, agent, anonymous: undefined };
    const byRoute = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(apiCase(ids), async (c: ApiCase) => {
        if (t.logs.length > 500) drainLogs();
        byRoute.set(c.route, (byRoute.get(c.route) ?? 0) + 1);
        const token = tokens[c.as];
        const res = await t.app.request(c.path, {
          method: c.method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(c.contentType ? { 'content-type': c.contentType } : {}),
          },
          body: c.body,
        });
        count(res.status);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) await expectEnvelope(res);
        else await res.arrayBuffer();
      }),
      { numRuns: API_CASES, seed: SEED, endOnFailure: true },
    );
    console.info(
      `[fuzz] ${API_CASES} API requests (${[...byRoute].map(([r, v]) => `${v} ${r}`).join(', ')}); statuses of all: ${[
        ...figures.statuses,
      ]
        .sort(([a], [b]) => a - b)
        .map(([s, v]) => `${v}×${s}`)
        .join(', ')}`,
    );
  }, 240_000);

  it('keeps the heap where it was once warmed up', () => {
    drainLogs();
    const after = heapMb();
    console.info(
      `[fuzz] heap after GC: ${heapBefore.toFixed(1)} MB after warm-up, ${after.toFixed(1)} MB at the end`,
    );
    expect(after - heapBefore).toBeLessThan(32);
  });

  it('logged no error, page token, password or app secret', () => {
    drainLogs();
    expect(logLines).toBeGreaterThan(1000);
  });
});

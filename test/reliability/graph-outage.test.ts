import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';
import { ADMIN, AGENT_PASSWORD, APP_SECRETS, call, expectNoSecrets, replyStatuses } from './kit.ts';

/**
 * Issue 8.2: for 60 s every Graph call fails, first with 5xx (15 s), then 1200 "temporary send
 * failure" (20 s), then 613 "throttled" (25 s; last, as its wait outlasts the outage), while agents
 * keep replying. Afterwards every reply is on Facebook exactly once, in the order
 * it was written in its interaction, and the agents' transcripts show them sent.
 *
 * Time is compressed: the sandbox and the backend share one clock that the test moves forward
 * (60 s of outage and the minutes of backoff after it take a few real seconds).
 */
const AGENTS = 4;
const THREADS = 8; // comment threads, and as many Messenger chats
const STEP_MS = 5_000; // agents reply this often
const TICK_MS = 1_000; // the clock moves by this much, and the sender gets a chance, each time
// Retries back off exponentially with jitter (1 s, 2 s, 4 s … × 0.5–1), so by the second half of
// the outage an interaction tries about every 16–32 s. A CI run once met no 1200 at all when it
// lasted 15 s after 30 s of 5xx (a simulation of the schedule misses a phase in 1.4 % of runs);
// with these lengths 800,000 simulated runs, the sender lagging 0–8 ticks, all met the three.
const PHASES = [
  { kind: '5xx', ms: 15_000 },
  { kind: '1200', ms: 20_000 },
  { kind: '613', ms: 25_000 },
] as const;
const OUTAGE_STEPS = PHASES.reduce((n, p) => n + p.ms / STEP_MS, 0);

let offset = 0;
const clock = () => Date.now() + offset;
/** Moves the shared clock to `at` (never backwards): time still flows between two moves. */
const setClock = (at: number) => {
  offset = Math.max(offset, at - Date.now());
};
const logs: string[] = [];
let w: World;
let admin: string;
let pageId: string;
let pageToken: string;
const agents: { id: string; token: string; socket: Awaited<ReturnType<typeof openSocket>> }[] = [];
interface Work {
  id: string;
  channel: 'facebook' | 'messenger';
  threadKey: string;
  token: string;
  texts: string[];
}
const work: Work[] = [];

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query<T>(sql, params));
const api = async (method: string, path: string, token?: string, body?: unknown) =>
  call(w.backend.url, method, path, token, body);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  w = await startWorld({ ROUTING_TICK_MS: '200' }, { now: clock, log: (l) => logs.push(l) });
  admin = await w.login();
  const page = await w.control<{ id: string; access_token: string }>('POST', '/pages', {
    name: 'Outage Shop',
  });
  pageId = page.id;
  pageToken = page.access_token;
  expect((await api('POST', '/api/pages/import-token', admin, { accessToken: pageToken })).status).toBe(200);
  for (let i = 0; i < AGENTS; i++) {
    const email = `outage${i}@example.test`;
    const user = await api('POST', '/api/users', admin, {
      email,
      name: `Agent ${i}`,
      role: 'agent',
      password: AGENT_PASSWORD,
    });
    const token = (await api('POST', '/api/auth/login', undefined, { email, password: AGENT_PASSWORD })).body
      .token as string;
    // The sidebar's socket: where the composer hears about each reply's delivery.
    const socket = await openSocket(w.backend.url);
    socket.send({ type: 'auth', token });
    await eventually(async () => socket.messages.some((m) => m.type === 'ready'));
    agents.push({ id: user.body.id, token, socket });
  }
  const members = agents.map((a, position) => ({ userId: a.id, penalty: 0, position }));
  for (const channel of ['facebook', 'messenger']) {
    const res = await api('POST', '/api/campaigns', admin, {
      name: channel,
      pageId,
      channel,
      strategy: 'leastrecent',
      maxInteractionsPerAgent: (2 * THREADS) / AGENTS,
      members,
    });
    expect(res.status).toBe(201);
  }
  await keepAgentsPresent();
  const post = await w.control<{ id: string }>('POST', `/pages/${pageId}/posts`, { message: 'Sale!' });
  const threadKeys: { channel: 'facebook' | 'messenger'; key: string }[] = [];
  for (let i = 0; i < THREADS; i++) {
    const c = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: `Commenter ${i}` },
      message: `Price of item ${i}?`,
    });
    threadKeys.push({ channel: 'facebook', key: c.id });
    const m = await w.control<{ psid: string }>('POST', `/pages/${pageId}/messages`, {
      customer: { name: `Chatter ${i}` },
      text: `Is order ${i} shipped?`,
    });
    threadKeys.push({ channel: 'messenger', key: m.psid });
  }
  const assigned = await eventually(async () => {
    const r = await rows<{ id: string; thread_key: string; agent_id: string }>(
      `select id, thread_key, agent_id from interactions where state = 'assigned'`,
    );
    return r.length === 2 * THREADS ? r : undefined;
  }, 20_000);
  for (const t of threadKeys) {
    const i = assigned.find((r) => r.thread_key === t.key)!;
    work.push({
      id: i.id,
      channel: t.channel,
      threadKey: t.key,
      token: agents.find((a) => a.id === i.agent_id)!.token,
      texts: [],
    });
  }
}, 60_000);
afterAll(async () => {
  for (const a of agents) a.socket.close();
  await w?.stop();
});

/**
 * Agents' presence is refreshed by their sockets every 15 s of real time; with the clock moving
 * minutes in seconds, the sidebar's status call stands in for it so nobody is logged out.
 */
async function keepAgentsPresent() {
  for (const a of agents) await api('POST', '/api/agent/status', a.token, { status: 'available' });
}

async function replyEverywhere(label: string) {
  await Promise.all(
    work.map(async (i, n) => {
      const text = `${label} #${n}`;
      const res = await api('POST', `/api/interactions/${i.id}/replies`, i.token, { text });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending'); // stored and shown at once, whatever Facebook does
      i.texts.push(text);
    }),
  );
}

const outboxCounts = async () =>
  Object.fromEntries(
    (await rows<{ status: string; n: number }>('select status, count(*)::int n from outbox group by 1')).map(
      (r) => [r.status, r.n],
    ),
  );

/** What Facebook holds from the Page in each interaction's thread or chat, in its order. */
function receivedOnFacebook(i: Work): string[] {
  const state = w.sandbox.sandbox.state;
  if (i.channel === 'facebook') {
    return [...state.comments.values()]
      .filter((c) => c.parentId === i.threadKey && c.from.kind === 'page')
      .map((c) => c.message);
  }
  return (state.findConversation(pageId, i.threadKey)?.messages ?? [])
    .filter((m) => m.direction === 'out')
    .map((m) => m.text ?? '');
}

describe('a 60 s Graph outage while agents keep replying', () => {
  it('delivers every reply exactly once, in order per interaction, after recovery', async () => {
    await replyEverywhere('before');
    await eventually(async () => (await outboxCounts()).sent === work.length);

    // All three at once, each ending where the next takes over (the first added wins while active),
    // so there is no instant without a fault.
    const outageStart = clock();
    let until = 0;
    for (const { kind, ms } of PHASES) {
      until += ms;
      await w.control('POST', '/faults', { kind, durationMs: until });
    }
    let during = 0;
    let elapsed = 0;
    for (const { kind, ms } of PHASES) {
      for (let t = 0; t < ms; t += TICK_MS, elapsed += TICK_MS) {
        setClock(outageStart + elapsed);
        if (t % STEP_MS === 0) {
          await replyEverywhere(`${kind} at ${t / 1000}s`);
          during += work.length;
          await keepAgentsPresent();
        }
        w.backend.deps.wake('outbox'); // the sender tries whatever is due, and fails
        await sleep(60);
      }
    }
    // Still inside the outage (its last second), as the faults confirm.
    expect(clock() - outageStart).toBeLessThan(elapsed);
    // Nothing written during the outage reached Facebook, nothing was given up: all still pending.
    expect(await outboxCounts()).toEqual({ sent: work.length, pending: during });
    expect(work.map((i) => receivedOnFacebook(i))).toEqual(work.map((i) => i.texts.slice(0, 1)));
    const failures = logs.filter((l) => l.includes('"msg":"send failed"')).map((l) => JSON.parse(l).code);
    for (const code of [2, 613, 1200]) expect(failures).toContain(code);

    setClock(outageStart + elapsed + TICK_MS);
    // Recovered. Agents go on replying while the clock runs through every backoff and throttle wait.
    expect((await w.control<unknown[]>('GET', '/faults')).length).toBe(0);
    await replyEverywhere('after');
    const total = work.length * 2 + during;
    await eventually(async () => {
      offset += 10_000;
      await keepAgentsPresent();
      const counts = await outboxCounts();
      return counts.sent === total || (counts.failed ?? 0) > 0 ? counts : undefined;
    }, 30_000).then((counts) => expect(counts).toEqual({ sent: total }));

    for (const i of work) {
      expect(i.texts).toHaveLength(2 + OUTAGE_STEPS);
      expect(receivedOnFacebook(i)).toEqual(i.texts);
      // The agent's transcript shows each reply sent, once, in order (echoes added no copies).
      const transcript = (await api('GET', `/api/interactions/${i.id}`, i.token)).body;
      const mine = transcript.messages
        .filter((m: { author: { kind: string } }) => m.author.kind === 'agent')
        .map((m: { text: string }) => m.text);
      expect(mine).toEqual(i.texts);
    }
    // What each agent's composer showed for each of their replies: pending, then sent.
    const owner = new Map(work.map((i) => [i.id, agents.find((a) => a.token === i.token)!]));
    const replies = await rows<{ id: string; interaction_id: string }>(
      'select id, interaction_id from outbox',
    );
    await eventually(async () =>
      replies.every(
        (r) =>
          replyStatuses(owner.get(r.interaction_id)!.socket.events()).get(Number(r.id))?.at(-1) === 'sent',
      ),
    );
    for (const r of replies) {
      expect(replyStatuses(owner.get(r.interaction_id)!.socket.events()).get(Number(r.id))).toEqual([
        'pending',
        'sent',
      ]);
    }
    const [retried] = await rows<{ n: number; max: number }>(
      `select count(*)::int n, max(attempts)::int max from outbox where attempts > 1`,
    );
    console.info(
      `[outage] ${total} replies in ${work.length} interactions; ${during} written during 60 s of ` +
        `5xx/613/1200; ${failures.length} failed sends (${failures.filter((c) => c === 2).length} 5xx, ` +
        `${failures.filter((c) => c === 613).length} 613, ${failures.filter((c) => c === 1200).length} 1200); ` +
        `${retried!.n} replies retried, at most ${retried!.max} attempts`,
    );
  }, 120_000);

  it('wrote no page token, password or app secret to its logs', () => {
    expectNoSecrets(logs, [pageToken, ADMIN.password, AGENT_PASSWORD, ...APP_SECRETS]);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../backend/facebook/fixtures/webhook-fuzz.ts';
import type { RunningSandbox } from '../../backend/sandbox/sandbox.ts';
import type { InteractionView } from '../../shared/api/interactions.ts';
import { createPostgresDatabase } from '../harness/test-store.ts';
import { openSocket } from '../harness/ws-client.ts';
import {
  ADMIN,
  AGENT_PASSWORD,
  APP_SECRETS,
  type BackendProcess,
  backendEnv,
  call,
  controlOf,
  expectNoSecrets,
  type LogSink,
  login,
  ok,
  spawnBackend,
  sqlClient,
  startTestSandbox,
  tempDir,
  until,
} from './kit.ts';

/**
 * Issue 8.7: two backends on one PostgreSQL behind a load balancer, under load. Agents keep their
 * socket on one instance and act through the other, the way a balancer would spread them; midway
 * one instance is killed (-9) and its agents reconnect to the survivor. Every agent works only from
 * what its socket told it (snapshot, then events), like the sidebar: an event lost anywhere leaves
 * an interaction nobody completes. Afterwards: no interaction assigned twice, nobody over capacity,
 * every interaction completed, nothing lost.
 */
const AGENTS = 8;
const CAP = 3;
const COMMENTS = 200;
const MESSAGES = 100;
const KILL_AT = 120; // customer events sent before instance A dies

const cleanups: (() => unknown)[] = [];
const logs: LogSink = [];
let sandbox: RunningSandbox;
let db: ReturnType<typeof sqlClient>;
const instances: { a?: BackendProcess; b?: BackendProcess } = {};
let balancer: http.Server;
let pageToken: string;
const bots: AgentBot[] = [];

/** Spreads webhook deliveries over the instances; an instance that does not answer is skipped. */
function startBalancer(): Promise<string> {
  let next = 0;
  balancer = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const targets = [instances.a, instances.b].filter((x): x is BackendProcess => Boolean(x));
    for (let k = 0; k < targets.length; k++) {
      const target = targets[next++ % targets.length]!;
      try {
        const r = await fetch(`${target.url}${req.url}`, {
          method: req.method,
          headers: Object.fromEntries(
            ['content-type', 'x-hub-signature-256', 'x-hub-signature']
              .filter((h) => req.headers[h])
              .map((h) => [h, String(req.headers[h])]),
          ),
          body: Buffer.concat(chunks),
        });
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await r.arrayBuffer()));
        return;
      } catch {
        // That instance is gone: the next one takes the request.
      }
    }
    res.writeHead(502).end();
  });
  return new Promise((resolve) =>
    balancer.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(balancer.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  cleanups.push(() => sandbox.stop());
  const databaseUrl = (await createPostgresDatabase())!;
  db = sqlClient(databaseUrl);
  cleanups.push(() => db.close());
  const dirs = cleanups as (() => void)[];
  const [a, b] = await Promise.all([
    backendEnv(sandbox, { dataDir: tempDir(dirs), databaseUrl }).then((env) => spawnBackend(env, logs)),
    backendEnv(sandbox, { dataDir: tempDir(dirs), databaseUrl }).then((env) => spawnBackend(env, logs)),
  ]);
  instances.a = a;
  instances.b = b;
  cleanups.push(
    () => a.kill('SIGKILL'),
    () => b.kill('SIGKILL'),
  );
  sandbox.sandbox.config.webhookUrl = `${await startBalancer()}/webhooks/facebook`;
  cleanups.push(() => new Promise((r) => balancer.close(r)));
}, 120_000);

afterAll(async () => {
  for (const bot of bots) await bot.stop().catch(() => undefined);
  for (const c of cleanups.reverse()) await c();
});

/** An agent's sidebar: its view is only what its socket said, and it completes what it sees. */
class AgentBot {
  view = new Map<string, InteractionView>();
  readies = 0;
  seen = new Set<string>();
  completedByMe: { id: string; via: string }[] = [];
  /** Completions whose answer died with an instance: the server may have committed them. */
  private readonly unanswered = new Set<string>();

  private async completedByThisAgent(url: string, id: string): Promise<boolean> {
    const res = await call(url, 'GET', `/api/interactions/${id}`, this.token);
    if (res.status !== 200) return false;
    const { interaction } = res.body as { interaction: { state: string; agentId: string | null } };
    return interaction.state === 'completed' && interaction.agentId === this.id;
  }
  /** Interactions whose 'completed' event arrived on this bot's socket. */
  completedEvents = new Set<string>();
  home!: BackendProcess;
  private socket?: Awaited<ReturnType<typeof openSocket>>;
  private running = true;
  private loop?: Promise<void>;

  constructor(
    readonly id: string,
    readonly token: string,
  ) {}

  async connect(home: BackendProcess) {
    this.home = home;
    const s = await openSocket(home.url);
    this.socket = s;
    s.ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.type === 'ready') {
        this.readies++;
        this.view = new Map(m.snapshot.agent.interactions.map((i: InteractionView) => [i.id, i]));
        for (const i of this.view.keys()) this.seen.add(i);
      } else if (m.type === 'event' && m.event.type === 'interaction.changed') {
        const i: InteractionView = m.event.interaction;
        if (i.agentId === this.id && (i.state === 'assigned' || i.state === 'answered')) {
          this.view.set(i.id, i);
          this.seen.add(i.id);
        } else {
          this.view.delete(i.id);
          if (i.state === 'completed' && i.agentId === this.id) this.completedEvents.add(i.id);
        }
      }
    });
    s.send({ type: 'auth', token: this.token });
    await until('the socket to be ready', async () => s.messages.some((m) => m.type === 'ready'));
  }

  /** Works through its inbox via the other instance, reconnecting to a survivor when its home dies. */
  start(others: () => BackendProcess[]) {
    this.loop = (async () => {
      while (this.running) {
        if (this.socket?.closed()) await this.reconnect(others());
        for (const [id, i] of [...this.view]) {
          if (i.state !== 'assigned' && i.state !== 'answered') continue;
          const via = others().find((x) => x !== this.home && !x.exited()) ?? this.home;
          const res = await call(via.url, 'POST', `/api/interactions/${id}/complete`, this.token, {}).catch(
            () => undefined,
          );
          if (!res) {
            // That instance just died, perhaps after committing: the next round goes elsewhere, and
            // a 409 then may mean this very call completed it.
            this.unanswered.add(id);
            continue;
          }
          expect([200, 409]).toContain(res.status);
          if (res.status === 200) this.completedByMe.push({ id, via: via.url });
          else if (this.unanswered.has(id) && (await this.completedByThisAgent(via.url, id))) {
            this.completedByMe.push({ id, via: 'lost answer' });
          }
          this.view.delete(id);
        }
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
  }

  /** As the extension does behind a balancer: try the instances in turn until one answers. */
  private async reconnect(instances: BackendProcess[]) {
    for (let attempt = 0; ; attempt++) {
      const target = instances[attempt % instances.length]!;
      try {
        await this.connect(target);
        return;
      } catch (err) {
        if (attempt > 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async stop() {
    this.running = false;
    await this.loop;
    this.socket?.close();
  }
}

describe('two instances on one PostgreSQL, under load, one killed midway', () => {
  it('assigns nothing twice, delivers every event to its agent wherever connected, and loses nothing', async () => {
    const { a, b } = instances as Required<typeof instances>;
    const control = controlOf(sandbox);
    const admin = await login(a.url);
    const page = await control<{ id: string; access_token: string }>('POST', '/pages', { name: 'Two' });
    pageToken = page.access_token;
    await ok(a.url, 'POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
    for (let i = 0; i < AGENTS; i++) {
      const email = `two${i}@example.test`;
      const u = await ok(b.url, 'POST', '/api/users', admin, {
        email,
        name: `Agent ${i}`,
        role: 'agent',
        password: AGENT_PASSWORD,
      });
      bots.push(new AgentBot(u.id, await login(i % 2 ? a.url : b.url, email, AGENT_PASSWORD)));
    }
    for (const channel of ['facebook', 'messenger']) {
      await ok(b.url, 'POST', '/api/campaigns', admin, {
        name: channel,
        pageId: page.id,
        channel,
        strategy: 'leastrecent',
        maxInteractionsPerAgent: CAP,
        members: bots.map((x, position) => ({ userId: x.id, penalty: 0, position })),
      });
    }
    // Half the agents keep their socket on A, half on B; each acts through the other instance.
    for (const [n, bot] of bots.entries()) await bot.connect(n < AGENTS / 2 ? a : b);
    for (const bot of bots) bot.start(() => [a, b]);
    const post = await control<{ id: string }>('POST', `/pages/${page.id}/posts`, { message: 'Busy day' });

    const plan = [...Array<'c'>(COMMENTS).fill('c'), ...Array<'m'>(MESSAGES).fill('m')];
    const rng = random(87);
    for (let i = plan.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [plan[i], plan[j]] = [plan[j]!, plan[i]!];
    }
    let killedAt = 0;
    for (const [n, kind] of plan.entries()) {
      if (kind === 'c')
        await control('POST', `/posts/${post.id}/comments`, {
          customer: { name: `C${n}` },
          message: `Q${n}`,
        });
      else
        await control('POST', `/pages/${page.id}/messages`, { customer: { name: `M${n}` }, text: `Hi ${n}` });
      if (n === KILL_AT) {
        // Work flows across the instances before one of them dies: every agent has completed
        // something through the instance it is not connected to.
        await until('every agent to have worked through the other instance', async () =>
          bots.every((x) => x.completedByMe.some((c) => c.via !== x.home.url)),
        );
        await a.kill('SIGKILL');
        killedAt = Date.now();
      }
      if (n % 10 === 0) await new Promise((r) => setTimeout(r, 60));
    }
    const total = COMMENTS + MESSAGES;
    await until(
      'every interaction to be completed by an agent who saw it',
      async () => {
        await sandbox.sandbox.deliverNow();
        const [r] = await db.rows<{ all: number; open: number }>(
          `select count(*)::int "all", count(*) filter (where state <> 'completed')::int open from interactions`,
        );
        return r!.all === total && r!.open === 0;
      },
      90_000,
    ).catch(async (err) => {
      const open = await db.rows(
        `select id, state, agent_id from interactions where state <> 'completed' limit 10`,
      );
      throw new Error(`${(err as Error).message}: ${JSON.stringify(open)}`);
    });
    for (const bot of bots) await bot.stop();

    // 0 double assignments: each interaction assigned once (nobody went offline here).
    expect(
      await db.rows(
        `select interaction_id from interaction_transitions where state = 'assigned' group by 1 having count(*) > 1`,
      ),
    ).toEqual([]);
    // Nobody over capacity in a campaign: replay assignments and releases in commit order.
    const steps = await db.rows<{ agent_id: string; campaign_id: string; state: string }>(
      `select t.agent_id, i.campaign_id, t.state from interaction_transitions t
       join interactions i on i.id = t.interaction_id where t.agent_id is not null order by t.id`,
    );
    const load = new Map<string, number>();
    let peak = 0;
    for (const s of steps) {
      const key = `${s.agent_id} ${s.campaign_id}`;
      const next = (load.get(key) ?? 0) + (s.state === 'assigned' ? 1 : s.state === 'completed' ? -1 : 0);
      load.set(key, next);
      peak = Math.max(peak, next);
    }
    expect(peak).toBeLessThanOrEqual(CAP);
    // Nothing lost: one interaction per thread and chat, each completed by the agent it went to.
    expect(await db.rows(`select thread_key from interactions group by 1 having count(*) > 1`)).toEqual([]);
    const completed = bots.flatMap((x) => x.completedByMe.map((c) => c.id));
    expect(completed.length).toBe(total);
    expect(new Set(completed).size).toBe(total);
    // Each agent saw every interaction it was given, on whichever instance it was connected to.
    const given = await db.rows<{ id: string; agent_id: string }>('select id, agent_id from interactions');
    for (const i of given) expect(bots.find((x) => x.id === i.agent_id)!.seen.has(i.id)).toBe(true);
    // Events caused on one instance reached sockets on the other: B's agents acted through A until
    // A died, and heard every one of those completions on B.
    for (const bot of bots.slice(AGENTS / 2)) {
      const throughA = bot.completedByMe.filter((c) => c.via === a.url).map((c) => c.id);
      expect(throughA.length).toBeGreaterThan(0);
      for (const id of throughA) expect(bot.completedEvents.has(id)).toBe(true);
    }
    // A's agents reconnected to B and kept working there.
    for (const bot of bots.slice(0, AGENTS / 2)) {
      expect(bot.home).toBe(b);
      expect(bot.readies).toBe(2);
    }
    const afterKill = await db.rows<{ n: number }>(
      `select count(*)::int n from interaction_transitions where state = 'assigned' and at > $1`,
      [new Date(killedAt)],
    );
    expect(afterKill[0]!.n).toBeGreaterThan(0);
    const stats = sandbox.sandbox.deliveryStats();
    console.info(
      `[two] ${total} customer events over 2 instances (A killed after ${KILL_AT}); ${AGENTS} agents, ` +
        `cap ${CAP}, peak ${peak}; ${steps.filter((s) => s.state === 'assigned').length} assignments, ` +
        `${afterKill[0]!.n} after the kill; ${stats.retries} webhook retries; 0 double, 0 lost`,
    );
  }, 150_000);

  it('wrote no page token, password or app secret to its logs', () => {
    expectNoSecrets(logs, [pageToken, ADMIN.password, AGENT_PASSWORD, ...APP_SECRETS]);
  });
});

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { ViewerView } from '../../../shared/api/interactions.ts';
import type { DomainEvent } from '../../../shared/events.ts';
import type { ServerMessage } from '../../../shared/realtime.ts';
import { openSocket } from '../../harness/ws-client.ts';
import { until } from './until.ts';
import { type AuthzWorld, CALLERS, type Caller, type Person } from './world.ts';
import { EVENT_SCENARIOS } from './ws-events.ts';

type Socket = Awaited<ReturnType<typeof openSocket>>;
type Cell = (check: () => Promise<void>) => Promise<void>;

/** The client message types of shared/realtime.ts; `auth` twice: one's own token, and someone else's. */
export const WS_MESSAGES = ['auth', 'auth as someone else', 'ping', 'viewing'] as const;

/** Who hears "X is viewing A's interaction" (audience.ts): its agent and its overseers, never the viewer. */
const HEARS_VIEWING: Record<Caller, readonly Caller[]> = {
  anonymous: [],
  agentA: ['supervisorX', 'admin'],
  agentB: [], // refused: B does not follow A's interaction
  supervisorX: ['agentA', 'admin'],
  supervisorOther: [], // refused: not their campaign
  admin: ['agentA', 'supervisorX'],
};
/** What a refused viewer may announce instead (heard by the admin): proves the refusal was processed. */
const CONTROL: Partial<Record<Caller, (w: AuthzWorld) => string>> = {
  agentB: (w) => w.interactionB,
  supervisorOther: (w) => w.interactionY,
};

/** Everything naming agent A or campaign X: agent B and the other supervisor must never hear of it. */
export const aboutAOrX = (w: AuthzWorld) => [w.campaignX, w.users.agentA.id, w.interactionA, w.interactionA2];

export function wsMatrix(world: () => AuthzWorld, cell: Cell) {
  let server: Server;
  let url = '';
  const sockets = {} as Record<Caller, Socket>;
  const opened: Socket[] = [];
  const open = async () => {
    const s = await openSocket(url);
    opened.push(s);
    return s;
  };
  const ready = (s: Socket) => until(() => s.messages.find((m) => m.type === 'ready'));
  /** Every message the server sent before this ping has arrived once its pong is back. */
  const barrier = async (s: Socket) => {
    const pongs = s.messages.filter((m) => m.type === 'pong').length;
    s.send({ type: 'ping' });
    await until(() => s.messages.filter((m) => m.type === 'pong').length > pongs);
  };
  const people = CALLERS.filter((c): c is Person => c !== 'anonymous');
  /** Each receiver is one cell; all are checked even when one fails, then the first failure is thrown. */
  async function perReceiver(check: (receiver: Caller) => Promise<void>) {
    const failures: unknown[] = [];
    for (const receiver of CALLERS) await cell(() => check(receiver)).catch((err) => failures.push(err));
    if (failures.length) throw failures[0];
  }

  beforeAll(async () => {
    const w = world();
    await w.restorePresence();
    const wss = new WebSocketServer({ noServer: true });
    server = await new Promise<Server>((resolve) => {
      const s = serve(
        { fetch: w.t.app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: wss } },
        () => resolve(s as Server),
      );
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of opened) s.ws.terminate();
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeAllConnections();
    });
  });

  describe('auth', () => {
    for (const caller of CALLERS) {
      it(`as ${caller}: ${caller === 'anonymous' ? 'a made-up token is refused (4401)' : 'ready, with a snapshot of their own scope'}`, () =>
        cell(async () => {
          const w = world();
          const s = await open();
          if (caller === 'anonymous') {
            // The socket that stays unauthenticated, listening, for the rest of the suite.
            sockets.anonymous = await open();
            s.send({ type: 'auth', token: 'A'.repeat(43) });
            await until(() => s.closed());
            expect(s.closed()?.code).toBe(4401);
            expect(s.messages.map((m) => m.type)).toEqual(['error']);
            return;
          }
          sockets[caller] = s;
          s.send({ type: 'auth', token: await w.token(caller) });
          const r = await ready(s);
          expect(r.type === 'ready' && r.user.id).toBe(w.users[caller].id);
          const snapshot = JSON.stringify(r.type === 'ready' ? r.snapshot : null);
          const [sees, hides] = SNAPSHOT[caller](w);
          for (const x of sees) expect(snapshot, `${caller}'s snapshot should hold ${x}`).toContain(x);
          for (const x of hides) expect(snapshot, `${caller}'s snapshot must not hold ${x}`).not.toContain(x);
        }));
    }
  });

  describe('auth as someone else', () => {
    for (const caller of CALLERS) {
      it(`as ${caller}: refused, and the socket never changes who it is`, () =>
        cell(async () => {
          const w = world();
          const s = await open();
          if (caller === 'anonymous') {
            // A session that was logged out is no key any more.
            const ended = await w.token('admin');
            expect((await w.t.call('POST', '/api/auth/logout', { token: ended })).status).toBe(200);
            s.send({ type: 'auth', token: ended });
            await until(() => s.closed());
            expect(s.closed()?.code).toBe(4401);
            expect(s.messages.some((m) => m.type === 'ready')).toBe(false);
            return;
          }
          s.send({ type: 'auth', token: await w.token(caller) });
          await ready(s);
          const victim: Person = caller === 'admin' ? 'agentA' : 'admin';
          s.send({ type: 'auth', token: await w.token(victim) });
          await until(() => s.closed());
          expect(s.closed()?.code).toBe(4400);
          const readies = s.messages.filter((m) => m.type === 'ready');
          expect(readies.map((m) => m.type === 'ready' && m.user.id)).toEqual([w.users[caller].id]);
        }));
    }
  });

  describe('ping', () => {
    for (const caller of CALLERS) {
      it(`as ${caller}: ${caller === 'anonymous' ? 'no answer before auth' : 'pong'}`, () =>
        cell(async () => {
          const s = sockets[caller];
          if (caller !== 'anonymous') return barrier(s);
          s.send({ type: 'ping' });
          await barrier(sockets.admin); // the server has read messages sent before this one
          await new Promise((r) => setTimeout(r, 50));
          expect(s.messages.filter((m) => m.type !== 'error')).toEqual([]);
        }));
    }
  });

  describe("viewing agent A's interaction", () => {
    for (const viewer of CALLERS) {
      const hearers = HEARS_VIEWING[viewer];
      it(`by ${viewer}: heard by ${hearers.length ? hearers.join(', ') : 'nobody'}`, async () => {
        const w = world();
        const marks = markAll();
        const about = (e: DomainEvent, id: string) =>
          e.type === 'interaction.viewer' && e.viewer.interactionId === id;
        const announce = (s: Socket, interactionId: string, activity: ViewerView['activity'] = 'viewing') =>
          s.send({ type: 'viewing', interactionId, activity });
        await cell(async () => {
          if (viewer === 'anonymous') {
            const s = await open();
            announce(s, w.interactionA);
            await until(() => s.closed());
            expect(s.closed()?.code).toBe(4401);
            return;
          }
          announce(sockets[viewer], w.interactionA);
          const control = CONTROL[viewer];
          if (control) announce(sockets[viewer], control(w));
          // The announcement (or, when refused, the control right behind it) has gone out.
          const heard = hearers.length ? hearers : ['admin' as const];
          const target = control ? control(w) : w.interactionA;
          for (const h of heard) await until(() => since(h, marks).some((e) => about(e, target)));
        });
        await Promise.all(people.map((p) => barrier(sockets[p])));
        await perReceiver(async (receiver) => {
          const viewerId = viewer === 'anonymous' ? undefined : w.users[viewer].id;
          const got = since(receiver, marks).filter(
            (e) =>
              e.type === 'interaction.viewer' && about(e, w.interactionA) && e.viewer.userId === viewerId,
          );
          expect(got.length > 0, `${receiver} hears ${viewer}`).toBe(hearers.includes(receiver));
          if (!hearers.includes(receiver))
            expect(since(receiver, marks).filter((e) => about(e, w.interactionA))).toEqual([]);
        });
      });
    }
  });

  describe('events of campaign X reach only who may see them', () => {
    for (const scenario of EVENT_SCENARIOS) {
      it(`${scenario.name}: heard by ${scenario.receivers.join(', ')}`, async () => {
        const w = world();
        const marks = markAll();
        const made = await scenario.trigger(w);
        for (const r of scenario.receivers)
          await until(() => since(r, marks).some((e) => scenario.match(e, w, made)));
        // A socket whose sessions just ended is closing: it answers no ping.
        const live = people.filter((p) => !sockets[p].events().some((e) => e.type === 'user.sessions-ended'));
        await Promise.all(live.map((p) => barrier(sockets[p])));
        await perReceiver(async (receiver) => {
          const got = since(receiver, marks);
          if (scenario.receivers.includes(receiver)) {
            expect(got.some((e) => scenario.match(e, w, made))).toBe(true);
            await scenario.check?.(sockets[receiver], receiver, w);
            return;
          }
          // Nothing at all about A or X: not this event, nor any other.
          const markers = [...aboutAOrX(w), made];
          const leaked = got.filter((e) => markers.some((m) => m && JSON.stringify(e).includes(m)));
          expect(leaked, `${receiver} heard of A or X`).toEqual([]);
        });
      });
    }
  });

  it('the unauthenticated socket heard nothing the whole time', () => {
    const messages: ServerMessage[] = sockets.anonymous.messages;
    expect(messages.filter((m) => m.type !== 'error')).toEqual([]);
  });

  /** Where each socket's messages stand now; `since` reads the events after that. */
  function markAll(): Record<Caller, number> {
    return Object.fromEntries(CALLERS.map((c) => [c, sockets[c].messages.length])) as Record<Caller, number>;
  }
  function since(c: Caller, marks: Record<Caller, number>): DomainEvent[] {
    return sockets[c].messages.slice(marks[c]).flatMap((m) => (m.type === 'event' ? [m.event] : []));
  }
}

/** What each caller's `ready` snapshot must hold, and must not. */
const SNAPSHOT: Record<Person, (w: AuthzWorld) => [string[], string[]]> = {
  agentA: (w) => [[w.interactionA], [w.interactionB, w.interactionY, w.campaignY]],
  agentB: (w) => [[w.interactionB], [w.interactionA, w.interactionA2, w.interactionY, w.users.agentA.id]],
  supervisorX: (w) => [
    [w.campaignX, w.users.agentA.id],
    [w.campaignY, w.users.agentC.id],
  ],
  supervisorOther: (w) => [
    [w.campaignY, w.users.agentC.id],
    [...aboutAOrX(w), w.users.agentB.id],
  ],
  admin: (w) => [[w.pageP.id, w.campaignX, w.campaignY], []],
};

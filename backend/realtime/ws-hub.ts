import { upgradeWebSocket } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { WSContext } from 'hono/ws';
import type { DomainEvent } from '../../shared/events.ts';
import {
  clientMessageSchema,
  type ServerMessage,
  WS_AUTH_TIMEOUT_MS,
  WS_CLOSE,
} from '../../shared/realtime.ts';
import { resolveSession } from '../accounts/sessions.ts';
import { toUser } from '../accounts/user-view.ts';
import type { Changes } from '../interactions/changes.ts';
import { errorFields, type Logger } from '../log/logger.ts';
import { agentConnected, heartbeat } from '../presence/presence.ts';
import type { Database } from '../store/database.ts';
import { daySourceCacheFor } from '../supervision/day-source.ts';
import { loadSupervisorScopes, viewerFor } from '../supervision/scope.ts';
import { mayReceive, type Viewer } from './audience.ts';
import { emitter } from './emit.ts';
import type { EventBus } from './event-bus.ts';
import { resyncInboxes } from './inbox-resync.ts';
import { snapshotFor } from './snapshot.ts';
import { SocketViewing } from './viewing.ts';

const MAX_MESSAGE_BYTES = 4_096;
const HEARTBEAT_MS = 15_000;

/** One authenticated socket. Events that arrive while its snapshot is being built wait in `pending`. */
class Client {
  pending: DomainEvent[] | null = [];
  /** Interactions this agent's socket was told are theirs, with when (see inbox-resync.ts). */
  readonly told = new Map<string, number>();
  constructor(
    readonly ws: WSContext,
    readonly viewer: Viewer,
    readonly viewing: SocketViewing,
  ) {}

  send(message: ServerMessage) {
    this.ws.send(JSON.stringify(message));
  }

  deliver(event: DomainEvent) {
    if (!mayReceive(this.viewer, event)) return;
    if (this.pending) {
      this.pending.push(event);
      return;
    }
    this.send({ type: 'event', event });
    if (event.type === 'interaction.changed' && event.interaction.agentId === this.viewer.userId)
      this.told.set(event.interaction.id, Date.now());
    if (event.type === 'user.sessions-ended') this.ws.close(WS_CLOSE.sessionEnded, 'session ended');
  }

  get ready() {
    return this.pending === null;
  }

  /** The snapshot is out: what happened meanwhile follows it, in order, so there is no gap. */
  flush() {
    const queued = this.pending ?? [];
    this.pending = null;
    for (const event of queued) this.deliver(event);
  }
}

/**
 * A campaign's supervisors or members changed: supervisors' sockets reload what they watch. Events
 * delivered during the reload (milliseconds) are judged by the previous scope; the board's refetch
 * on `campaign.changed` covers that. The event itself went to the campaign's supervisors as they
 * were (removed ones drop it from their board); a supervisor just given the campaign hears it
 * once the reload shows it, so the board refetches with it.
 */
function refreshScopes(
  deps: { db: Database; logger: Logger },
  clients: ReadonlySet<Client>,
  event: DomainEvent & { type: 'campaign.changed' },
) {
  const supervisors = [...clients].filter((c) => c.viewer.role === 'supervisor');
  if (supervisors.length === 0) return;
  const watched = new Set(supervisors.filter((c) => mayReceive(c.viewer, event)));
  loadSupervisorScopes(deps.db, [...new Set(supervisors.map((c) => c.viewer.userId))])
    .then((scopes) => {
      for (const c of supervisors) {
        const scope = scopes.get(c.viewer.userId);
        if (scope) c.viewer.scope = scope;
        if (!watched.has(c) && mayReceive(c.viewer, event)) c.deliver(event);
      }
    })
    .catch((err) => deps.logger.error('supervisor scope reload failed', errorFields(err)));
}

export interface WsHub {
  handler: MiddlewareHandler;
  count(): number;
}

/**
 * `GET /ws`: the socket authenticates with its first message (the token never appears in a URL or
 * a log), is registered for events before its snapshot is read, then receives the snapshot and the
 * events that arrived meanwhile. Every event passes `mayReceive` for the socket's viewer.
 */
export function createWsHub(deps: {
  db: Database;
  bus: EventBus;
  logger: Logger;
  now: () => Date;
  settle: (changes: Changes) => Promise<void>;
  /** How often agents' inboxes are checked against what their sockets were told. */
  resyncMs: number;
}): WsHub {
  const clients = new Set<Client>();
  const emit = emitter(deps.bus, deps.logger);
  // Open agent sockets keep their agents present; a silent agent goes offline after the grace period.
  const beat = setInterval(() => {
    const agents = [...clients].filter((c) => c.viewer.role === 'agent').map((c) => c.viewer.userId);
    heartbeat(deps.db, [...new Set(agents)], deps.now()).catch((err) =>
      deps.logger.error('heartbeat failed', errorFields(err)),
    );
  }, HEARTBEAT_MS);
  beat.unref();
  const resync = setInterval(() => {
    resyncInboxes(deps.db, clients, deps.now().getTime()).catch((err) =>
      deps.logger.error('inbox resync failed', errorFields(err)),
    );
  }, deps.resyncMs);
  resync.unref();
  deps.bus.subscribe((event) => {
    if (event.type === 'campaign.changed') refreshScopes(deps, clients, event);
    for (const c of clients) c.deliver(event);
  });

  const handler = upgradeWebSocket(() => {
    let client: Client | undefined;
    let authenticating = false;
    let timer: NodeJS.Timeout | undefined;
    const refuse = (ws: WSContext, code: number, message: string) => {
      ws.send(
        JSON.stringify({
          type: 'error',
          code: code === WS_CLOSE.protocol ? 'BAD_REQUEST' : 'UNAUTHENTICATED',
          message,
        } satisfies ServerMessage),
      );
      ws.close(code, message);
    };
    return {
      onOpen(_event, ws) {
        timer = setTimeout(
          () => refuse(ws, WS_CLOSE.unauthenticated, 'Send {"type":"auth"} first.'),
          WS_AUTH_TIMEOUT_MS,
        );
      },
      async onMessage(event, ws) {
        const data = typeof event.data === 'string' ? event.data : '';
        if (!data || data.length > MAX_MESSAGE_BYTES)
          return refuse(ws, WS_CLOSE.protocol, 'Messages are JSON text of at most 4 KB.');
        let parsed: ReturnType<typeof clientMessageSchema.safeParse>;
        try {
          parsed = clientMessageSchema.safeParse(JSON.parse(data));
        } catch {
          return refuse(ws, WS_CLOSE.protocol, 'Messages are JSON.');
        }
        if (!parsed.success) return refuse(ws, WS_CLOSE.protocol, 'Unknown message.');
        const message = parsed.data;
        if (message.type === 'ping') {
          if (client) client.send({ type: 'pong' });
          return;
        }
        if (message.type === 'viewing') {
          // Sent right behind the auth message, it is dropped (clients re-announce every ~10 s).
          if (!client)
            return authenticating
              ? undefined
              : refuse(ws, WS_CLOSE.unauthenticated, 'Send {"type":"auth"} first.');
          return client.viewing
            .handle(message.interactionId, message.activity)
            .catch((err) => deps.logger.error('viewing announcement failed', errorFields(err)));
        }
        if (client || authenticating) return refuse(ws, WS_CLOSE.protocol, 'Already authenticated.');
        authenticating = true;
        clearTimeout(timer);
        try {
          const user = await resolveSession(deps.db, message.token, deps.now());
          if (!user) return refuse(ws, WS_CLOSE.unauthenticated, 'Log in again: this session is not valid.');
          const viewer: Viewer = await viewerFor(deps.db, user);
          const viewing = new SocketViewing(
            { db: deps.db, emit, now: deps.now },
            { ...viewer, name: user.name },
          );
          const c = new Client(ws, viewer, viewing);
          client = c;
          clients.add(c); // before the snapshot: what happens while it is read is queued, not lost
          if (user.role === 'agent') await deps.settle(await agentConnected(deps.db, user.id, deps.now()));
          const snapshot = await snapshotFor(deps.db, c.viewer, deps.now(), daySourceCacheFor(deps.bus));
          c.send({ type: 'ready', user: toUser(user), snapshot });
          for (const i of snapshot.agent?.interactions ?? []) c.told.set(i.id, Date.now());
          c.flush();
        } catch (err) {
          deps.logger.error('websocket auth failed', errorFields(err));
          ws.close(1011, 'internal error');
        }
      },
      onClose() {
        clearTimeout(timer);
        if (client) {
          clients.delete(client);
          client.viewing.closed();
        }
      },
    };
  });
  return { handler, count: () => clients.size };
}

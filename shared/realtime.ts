import { z } from 'zod';
import type { InteractionView, PresenceView } from './api/interactions.ts';
import type { Page } from './api/pages.ts';
import type { Board } from './api/supervisor.ts';
import type { User } from './api/users.ts';
import type { ErrorCode } from './errors.ts';
import type { DomainEvent } from './events.ts';

/** What a client may send on /ws. The first message must be `auth`: tokens never go in the URL. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('ping') }),
  /** Collision control: I am viewing / replying in / left this interaction. Resent every ~10 s. */
  z.strictObject({
    type: z.literal('viewing'),
    interactionId: z.uuid(),
    activity: z.enum(['viewing', 'replying', 'left']),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** The state a client starts from; events then apply on top of it, with no gap in between. */
export interface Snapshot {
  pages?: Page[];
  /** For agents: their status, interactions and open offers. */
  agent?: { presence: PresenceView; interactions: InteractionView[]; offers: InteractionView[] };
  /** For supervisors (their campaigns) and admins (all): the board, as GET /api/supervisor/board. */
  supervisor?: { board: Board };
}

export type ServerMessage =
  | { type: 'ready'; user: User; snapshot: Snapshot }
  | { type: 'event'; event: DomainEvent }
  | { type: 'pong' }
  | { type: 'error'; code: ErrorCode; message: string };

/** Close codes the client acts on: re-login for 4401, never reconnect for 4403. */
export const WS_CLOSE = { unauthenticated: 4401, sessionEnded: 4403, protocol: 4400 } as const;

/** How long a new socket may stay silent before its auth message. */
export const WS_AUTH_TIMEOUT_MS = 5_000;

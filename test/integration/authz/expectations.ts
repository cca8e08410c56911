import type { AuthzWorld, Caller } from './world.ts';

/**
 * One row of the matrix: a route with concrete resources in its path and, for every caller, what
 * must happen. Refused is a status: 401 (no session), 403 (the role may never call it), 404 (the
 * role may, but this resource is not theirs: the answer must not tell it exists).
 */
export type Refused = 401 | 403 | 404;

export interface Answer {
  caller: Caller;
  status: number;
  res: Response;
  /** The body as text (JSON, CSV, HTML or bytes decoded). */
  text: string;
  /** The session the request carried. */
  token: string | undefined;
}

export interface Allowed {
  status: number;
  /** What the body must carry: the resource itself, not merely a 2xx. */
  sees?: (w: AuthzWorld, caller: Caller) => string[];
  /** What it must not carry: the work of someone out of the caller's scope. */
  hides?: (w: AuthzWorld) => string[];
  check?: (a: Answer, w: AuthzWorld) => void | Promise<void>;
}

export type Expect = Refused | Allowed;

export interface Row {
  path: (w: AuthzWorld, caller: Caller) => string;
  /** A JSON body. */
  json?: (w: AuthzWorld, caller: Caller) => unknown;
  /** Anything else a request needs (raw bytes, headers). */
  request?: (w: AuthzWorld) => { body?: BodyInit; headers?: Record<string, string> };
  expect: Record<Caller, Expect>;
  /** Before the row's cells: make the resource it acts on. */
  prepare?: (w: AuthzWorld) => Promise<void>;
  /** After each allowed cell: undo what it changed, so the next caller meets the same world. */
  after?: (w: AuthzWorld) => Promise<void>;
}

export const ok = (status: number, rest: Omit<Allowed, 'status'> = {}): Allowed => ({ status, ...rest });

/** Everyone is refused by role (anonymous: 401, the others: 403), except the callers given. */
export function only(allowed: Partial<Record<Caller, Expect>>): Record<Caller, Expect> {
  return {
    anonymous: 401,
    agentA: 403,
    agentB: 403,
    supervisorX: 403,
    supervisorOther: 403,
    admin: 403,
    ...allowed,
  };
}

/** The same outcome for every caller (public routes). */
export const everyone = (e: Allowed): Record<Caller, Expect> => ({
  anonymous: e,
  agentA: e,
  agentB: e,
  supervisorX: e,
  supervisorOther: e,
  admin: e,
});

/** The error code that goes with each refusal. */
export const REFUSAL_CODE: Record<Refused, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/** What no refusal may ever carry: agent A's work. */
export const secretsOf = (w: AuthzWorld) => [w.interactionA, w.interactionA2, w.canary];

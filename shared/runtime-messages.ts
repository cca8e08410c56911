import type { CreateUserInput, UpdateUserInput, User } from './api/users.ts';
import type { ErrorCode, FieldIssue } from './errors.ts';

/** What the extension knows about its connection: the backend URL and who is logged in. */
export interface SessionState {
  backendUrl: string;
  user: User | null;
}

/** A failed request as the extension's pages see it: the backend's code, or a network failure. */
export interface RuntimeError {
  code: ErrorCode | 'NETWORK';
  message: string;
  fields?: FieldIssue[];
}

export type RuntimeResult<T> = { ok: true; value: T } | { ok: false; error: RuntimeError };

/** Requests the extension's pages send to the background, which alone talks to the backend. */
export interface RuntimeRequests {
  'session.get': { input: undefined; output: SessionState };
  'session.setBackend': { input: { backendUrl: string }; output: SessionState };
  'session.login': { input: { email: string; password: string }; output: SessionState };
  'session.logout': { input: undefined; output: SessionState };
  'users.list': { input: undefined; output: User[] };
  'users.create': { input: CreateUserInput; output: User };
  'users.update': { input: { id: string; changes: UpdateUserInput }; output: User };
}

export type RuntimeRequestType = keyof RuntimeRequests;

export interface RuntimeMessage<K extends RuntimeRequestType = RuntimeRequestType> {
  type: K;
  input: RuntimeRequests[K]['input'];
}

/** The name of the port on which the background pushes `SessionState` to open pages. */
export const SESSION_PORT = 'pagedesk.session';

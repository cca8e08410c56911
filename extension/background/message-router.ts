import type { User } from '../../shared/api/users.ts';
import type {
  RuntimeMessage,
  RuntimeRequests,
  RuntimeRequestType,
  RuntimeResult,
} from '../../shared/runtime-messages.ts';
import type { SessionService } from './session-service.ts';

type Handlers = {
  [K in RuntimeRequestType]: (
    input: RuntimeRequests[K]['input'],
  ) => Promise<RuntimeResult<RuntimeRequests[K]['output']>>;
};

/** Maps each runtime request type to the session's work; one table, checked by the compiler. */
export function createHandlers(session: SessionService): Handlers {
  return {
    'session.get': async () => ({ ok: true, value: await session.state() }),
    'session.setBackend': (input) => session.setBackend(input.backendUrl),
    'session.login': (input) => session.login(input.email, input.password),
    'session.logout': () => session.logout(),
    'users.list': async () => {
      const res = await session.call<{ users: User[] }>('GET', '/api/users');
      return res.ok ? { ok: true, value: res.value.users } : res;
    },
    'users.create': (input) => session.call<User>('POST', '/api/users', input),
    'users.update': (input) =>
      session.call<User>('PATCH', `/api/users/${encodeURIComponent(input.id)}`, input.changes),
  };
}

export function isRuntimeMessage(value: unknown, handlers: Handlers): value is RuntimeMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
    ? Object.hasOwn(handlers, (value as { type: string }).type)
    : false;
}

export function dispatch(handlers: Handlers, message: RuntimeMessage): Promise<RuntimeResult<unknown>> {
  const handler = handlers[message.type] as (input: unknown) => Promise<RuntimeResult<unknown>>;
  return handler(message.input);
}

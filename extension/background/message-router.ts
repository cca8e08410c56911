import type { Campaign } from '../../shared/api/campaigns.ts';
import type {
  OutgoingReply,
  PresenceView,
  Transcript,
  UploadedAttachment,
} from '../../shared/api/interactions.ts';
import type { Activation, Page } from '../../shared/api/pages.ts';
import type { User } from '../../shared/api/users.ts';
import type {
  RuntimeMessage,
  RuntimeRequests,
  RuntimeRequestType,
  RuntimeResult,
} from '../../shared/runtime-messages.ts';
import type { ActivationWindow } from './activation-window.ts';
import { BinaryBody } from './api-client.ts';
import type { RealtimeConnection } from './realtime-connection.ts';
import type { SessionService } from './session-service.ts';
import { createSupervisorHandlers } from './supervisor-handlers.ts';

type Handlers = {
  [K in RuntimeRequestType]: (
    input: RuntimeRequests[K]['input'],
  ) => Promise<RuntimeResult<RuntimeRequests[K]['output']>>;
};

/** Maps each runtime request type to the session's work; one table, checked by the compiler. */
export function createHandlers(
  session: SessionService,
  dialog: ActivationWindow,
  socket: Pick<RealtimeConnection, 'send'>,
): Handlers {
  const interaction = (id: string) => `/api/interactions/${encodeURIComponent(id)}`;
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
    'pages.list': async () => {
      const res = await session.call<{ pages: Page[] }>('GET', '/api/pages');
      return res.ok ? { ok: true, value: res.value.pages } : res;
    },
    'pages.activate': async () => {
      const res = await session.call<{ id: string; dialogUrl: string }>('POST', '/api/pages/activations');
      if (!res.ok) return res;
      await dialog.open(res.value.dialogUrl);
      return { ok: true, value: { activationId: res.value.id } };
    },
    'pages.activation': async (input) => {
      const res = await session.call<Activation>(
        'GET',
        `/api/pages/activations/${encodeURIComponent(input.id)}`,
      );
      if (!res.ok || res.value.status !== 'pending') await dialog.close();
      return res;
    },
    'pages.link': (input) =>
      session.call<Page>('POST', `/api/pages/activations/${encodeURIComponent(input.activationId)}/link`, {
        pageId: input.pageId,
      }),
    'pages.import': (input) =>
      session.call('POST', '/api/pages/import-token', { accessToken: input.accessToken }),
    'pages.check': (input) => session.call<Page>('POST', `/api/pages/${encodeURIComponent(input.id)}/check`),
    'pages.update': (input) =>
      session.call<Page>('PATCH', `/api/pages/${encodeURIComponent(input.id)}`, {
        humanAgentEnabled: input.humanAgentEnabled,
      }),
    'campaigns.list': async () => {
      const res = await session.call<{ campaigns: Campaign[] }>('GET', '/api/campaigns');
      return res.ok ? { ok: true, value: res.value.campaigns } : res;
    },
    'campaigns.create': (input) => session.call<Campaign>('POST', '/api/campaigns', input),
    'campaigns.update': (input) =>
      session.call<Campaign>('PATCH', `/api/campaigns/${encodeURIComponent(input.id)}`, input.changes),
    'agent.status': (input) => session.call<PresenceView>('POST', '/api/agent/status', input),
    'interactions.accept': (input) => session.call<{ ok: true }>('POST', `${interaction(input.id)}/accept`),
    'interactions.complete': (input) =>
      session.call<{ ok: true }>('POST', `${interaction(input.id)}/complete`, {
        ...(input.disposition ? { disposition: input.disposition } : {}),
      }),
    'interactions.get': (input) => session.call<Transcript>('GET', interaction(input.id)),
    'interactions.reply': ({ id, ...reply }) =>
      session.call<{ outboxId: number; status: 'pending' }>('POST', `${interaction(id)}/replies`, reply),
    'interactions.retry': (input) =>
      session.call<OutgoingReply>(
        'POST',
        `${interaction(input.id)}/replies/${encodeURIComponent(String(input.replyId))}/retry`,
      ),
    'attachments.upload': async (input) => {
      const bytes = decodeBase64(input.base64);
      if (!bytes)
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'The file could not be read.' } };
      return session.call<UploadedAttachment>(
        'POST',
        `/api/attachments?name=${encodeURIComponent(input.name)}`,
        new BinaryBody(bytes, input.type),
      );
    },
    // Collision control is best effort: offline, nobody can see us anyway.
    'interactions.viewing': async (input) => {
      socket.send({ type: 'viewing', interactionId: input.interactionId, activity: input.activity });
      return { ok: true, value: { ok: true } };
    },
    ...createSupervisorHandlers(session),
  };
}

/** Runtime messages carry JSON, so files travel as base64; null when it is not base64. */
function decodeBase64(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
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

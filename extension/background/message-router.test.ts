import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { ActivationWindow } from './activation-window.ts';
import { createHandlers } from './message-router.ts';
import { SessionService } from './session-service.ts';
import { writeSession } from './session-store.ts';

/** A session whose backend answers from a script keyed by "METHOD path", recording each call. */
function scriptedSession(answers: Record<string, RuntimeResult<unknown>>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const session = {
    call: async (method: string, path: string, body?: unknown) => {
      calls.push({ method, path, body });
      return (
        answers[`${method} ${path}`] ?? { ok: false, error: { code: 'NOT_FOUND', message: 'unscripted' } }
      );
    },
  } as unknown as SessionService;
  const sent: unknown[] = [];
  const socket = {
    send: (m: unknown) => {
      sent.push(m);
      return false; // as when offline: the handler must not care
    },
  };
  return { handlers: createHandlers(session, {} as ActivationWindow, socket), calls, sent };
}

describe('campaign requests', () => {
  it('lists campaigns as a bare array', async () => {
    const { handlers, calls } = scriptedSession({
      'GET /api/campaigns': { ok: true, value: { campaigns: [{ id: 'c1' }] } },
    });
    expect(await handlers['campaigns.list'](undefined)).toEqual({ ok: true, value: [{ id: 'c1' }] });
    expect(calls).toEqual([{ method: 'GET', path: '/api/campaigns', body: undefined }]);
  });

  it('passes a failed list through unchanged', async () => {
    const failure = { ok: false as const, error: { code: 'FORBIDDEN' as const, message: 'No.' } };
    const { handlers } = scriptedSession({ 'GET /api/campaigns': failure });
    expect(await handlers['campaigns.list'](undefined)).toEqual(failure);
  });

  it('creates with POST and updates with PATCH on the encoded id, sending only the changes', async () => {
    const { handlers, calls } = scriptedSession({
      'POST /api/campaigns': { ok: true, value: { id: 'c1' } },
      'PATCH /api/campaigns/a%2Fb': { ok: true, value: { id: 'a/b' } },
    });
    const input = {
      name: 'Shoes',
      pageId: '123',
      channel: 'facebook' as const,
      strategy: 'ringall' as const,
    };
    expect(await handlers['campaigns.create'](input)).toEqual({ ok: true, value: { id: 'c1' } });
    await handlers['campaigns.update']({ id: 'a/b', changes: { enabled: false } });
    expect(calls).toEqual([
      { method: 'POST', path: '/api/campaigns', body: input },
      { method: 'PATCH', path: '/api/campaigns/a%2Fb', body: { enabled: false } },
    ]);
  });
});

describe('interaction requests', () => {
  const ID = '0b6c3d5e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

  it('reads a transcript, and sends a reply without repeating the id in its body', async () => {
    const { handlers, calls } = scriptedSession({
      [`GET /api/interactions/${ID}`]: { ok: true, value: { messages: [] } },
      [`POST /api/interactions/${ID}/replies`]: { ok: true, value: { outboxId: 4, status: 'pending' } },
    });
    expect(await handlers['interactions.get']({ id: ID })).toEqual({ ok: true, value: { messages: [] } });
    expect(
      await handlers['interactions.reply']({ id: ID, text: 'Hi', commentId: '1_2', privately: true }),
    ).toEqual({ ok: true, value: { outboxId: 4, status: 'pending' } });
    expect(calls).toEqual([
      { method: 'GET', path: `/api/interactions/${ID}`, body: undefined },
      {
        method: 'POST',
        path: `/api/interactions/${ID}/replies`,
        body: { text: 'Hi', commentId: '1_2', privately: true },
      },
    ]);
  });

  it('retries a failed reply by its outbox id, and encodes ids it is given', async () => {
    const { handlers, calls } = scriptedSession({
      'POST /api/interactions/a%2F..%2Fb/replies/7/retry': { ok: true, value: { id: 7, status: 'pending' } },
    });
    const res = await handlers['interactions.retry']({ id: 'a/../b', replyId: 7 });
    expect(res).toEqual({ ok: true, value: { id: 7, status: 'pending' } });
    expect(calls.map((c) => c.path)).toEqual(['/api/interactions/a%2F..%2Fb/replies/7/retry']);
  });

  it('tells the socket who is viewing, and answers ok even while offline', async () => {
    const { handlers, sent, calls } = scriptedSession({});
    const res = await handlers['interactions.viewing']({ interactionId: ID, activity: 'replying' });
    expect(res).toEqual({ ok: true, value: { ok: true } });
    expect(sent).toEqual([{ type: 'viewing', interactionId: ID, activity: 'replying' }]);
    expect(calls).toEqual([]);
  });
});

describe('attachment upload', () => {
  beforeEach(() => fakeBrowser.reset());

  /** A real session over a fetch that records the raw request. */
  async function uploadingSession(status = 201, answer: unknown = { id: 'a1', url: 'https://x/a1' }) {
    const requests: { url: string; type: string | null; auth: string | null; bytes: number[] }[] = [];
    const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      requests.push({
        url: String(input),
        type: headers.get('content-type'),
        auth: headers.get('authorization'),
        bytes: [...new Uint8Array(await new Response(init?.body).arrayBuffer())],
      });
      return new Response(JSON.stringify(answer), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    await writeSession({ backendUrl: 'http://127.0.0.1:8787', token: 'tok', user: null });
    const handlers = createHandlers(new SessionService(fetchImpl), {} as ActivationWindow, {
      send: () => false,
    });
    return { handlers, requests };
  }

  it('sends the decoded bytes as the body with the file type, and the name in the query', async () => {
    const { handlers, requests } = await uploadingSession();
    const png = [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff];
    const res = await handlers['attachments.upload']({
      name: 'shoe & sock.png',
      type: 'image/png',
      base64: btoa(String.fromCharCode(...png)),
    });
    expect(res).toEqual({ ok: true, value: { id: 'a1', url: 'https://x/a1' } });
    expect(requests).toEqual([
      {
        url: 'http://127.0.0.1:8787/api/attachments?name=shoe%20%26%20sock.png',
        type: 'image/png',
        auth: 'Bearer tok',
        bytes: png,
      },
    ]);
  });

  it('refuses what is not base64 without calling the backend', async () => {
    const { handlers, requests } = await uploadingSession();
    const res = await handlers['attachments.upload']({ name: 'x.png', type: 'image/png', base64: '%%%' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('BAD_REQUEST');
    expect(requests).toEqual([]);
  });

  it("passes the backend's refusal through", async () => {
    const refusal = { error: { code: 'BAD_REQUEST', message: 'Images only.', requestId: 'r1' } };
    const { handlers } = await uploadingSession(400, refusal);
    const res = await handlers['attachments.upload']({ name: 'x.txt', type: 'text/plain', base64: 'aGk=' });
    expect(res).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Images only.' } });
  });
});

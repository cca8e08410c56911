import { describe, expect, it } from 'vitest';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { ActivationWindow } from './activation-window.ts';
import { createHandlers } from './message-router.ts';
import type { SessionService } from './session-service.ts';

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
  return { handlers: createHandlers(session, {} as ActivationWindow), calls };
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

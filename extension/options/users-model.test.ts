import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/api/users.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request } from '../ui/runtime-client.ts';
import { createUsersModel } from './users-model.ts';

const user = (name: string, extra: Partial<User> = {}): User => ({
  id: `id-${name}`,
  email: `${name.toLowerCase()}@example.test`,
  name,
  role: 'agent',
  active: true,
  createdAt: '2026-11-24T00:00:00.000Z',
  ...extra,
});

function fakeSend(answers: Record<string, RuntimeResult<unknown>>) {
  const sent: { type: string; input: unknown }[] = [];
  const send = (async (type: string, input?: unknown) => {
    sent.push({ type, input });
    return answers[type] ?? { ok: false, error: { code: 'INTERNAL', message: 'unscripted' } };
  }) as unknown as typeof request;
  return { send, sent };
}

describe('users model', () => {
  it('loads the list, showing loading meanwhile', async () => {
    const { send } = fakeSend({ 'users.list': { ok: true, value: [user('Bea'), user('Al')] } });
    const model = createUsersModel(send);
    const loading = model.load();
    expect(model.loading.value).toBe(true);
    await loading;
    expect(model.loading.value).toBe(false);
    expect(model.users.value.map((u) => u.name)).toEqual(['Bea', 'Al']);
  });

  it('keeps the error when loading fails', async () => {
    const { send } = fakeSend({ 'users.list': { ok: false, error: { code: 'FORBIDDEN', message: 'No.' } } });
    const model = createUsersModel(send);
    await model.load();
    expect(model.error.value).toEqual({ code: 'FORBIDDEN', message: 'No.' });
  });

  it('adds a created user in name order and returns field errors to the form', async () => {
    const { send } = fakeSend({
      'users.list': { ok: true, value: [user('Al'), user('Cy')] },
      'users.create': { ok: true, value: user('Bea') },
    });
    const model = createUsersModel(send);
    await model.load();
    expect(
      await model.create({ email: 'bea@example.test', name: 'Bea', role: 'agent', password: 'xxxxxxxxxx' }),
    ).toBeNull();
    expect(model.users.value.map((u) => u.name)).toEqual(['Al', 'Bea', 'Cy']);

    const failing = fakeSend({
      'users.create': {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'dup',
          fields: [{ path: 'body.email', message: 'This email is already used.' }],
        },
      },
    });
    const other = createUsersModel(failing.send);
    const err = await other.create({ email: 'a@b.c', name: 'A', role: 'agent', password: 'xxxxxxxxxx' });
    expect(err?.fields?.[0]?.path).toBe('body.email');
    expect(other.users.value).toEqual([]);
  });

  it('replaces an updated user in place', async () => {
    const { send, sent } = fakeSend({
      'users.list': { ok: true, value: [user('Al')] },
      'users.update': { ok: true, value: user('Al', { active: false }) },
    });
    const model = createUsersModel(send);
    await model.load();
    await model.update('id-Al', { active: false });
    expect(sent.at(-1)).toEqual({ type: 'users.update', input: { id: 'id-Al', changes: { active: false } } });
    expect(model.users.value).toEqual([user('Al', { active: false })]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/supervisor.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request } from '../ui/runtime-client.ts';
import { createAuditModel } from './audit-model.ts';

const entry = (id: string, action: AuditEntry['action'] = 'spy'): AuditEntry => ({
  id,
  at: '2026-11-24T12:00:00.000Z',
  action,
  actor: { id: 'u-sue', name: 'Sue', role: 'supervisor' },
  target: { id: 'a-iris', name: 'Iris' },
  interactionId: action === 'spy' ? 'i1' : null,
  detail: {},
});

function setup(answers: RuntimeResult<unknown>[]) {
  const sent: unknown[] = [];
  const send = (async (_type: string, input: unknown) => {
    sent.push(input);
    return answers.shift() ?? { ok: false, error: { code: 'INTERNAL', message: 'unscripted' } };
  }) as unknown as typeof request;
  return { m: createAuditModel(send), sent };
}

describe('audit model', () => {
  it('loads the newest entries, then the next page with the cursor', async () => {
    const { m, sent } = setup([
      { ok: true, value: { entries: [entry('e3'), entry('e2', 'pause')], nextCursor: 'k1' } },
      { ok: true, value: { entries: [entry('e2', 'pause'), entry('e1', 'logout')], nextCursor: null } },
    ]);
    await m.load();
    await m.loadMore();
    expect(sent).toEqual([{ limit: 50 }, { cursor: 'k1', limit: 50 }]);
    expect(m.entries.value.map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
    expect(m.nextCursor.value).toBeNull();
    await m.loadMore();
    expect(sent).toHaveLength(2);
  });

  it('starts over on reload, and keeps a refusal to show', async () => {
    const { m } = setup([
      { ok: true, value: { entries: [entry('e1')], nextCursor: null } },
      { ok: false, error: { code: 'FORBIDDEN', message: 'Admins only.' } },
      { ok: true, value: { entries: [entry('e9')], nextCursor: null } },
    ]);
    await m.load();
    await m.load();
    expect(m.error.value?.message).toBe('Admins only.');
    expect(m.entries.value.map((e) => e.id)).toEqual(['e1']);
    await m.load();
    expect(m.entries.value.map((e) => e.id)).toEqual(['e9']);
    expect(m.error.value).toBeNull();
  });
});

import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/runtime-messages.ts';
import { user } from '../../options/campaign-test-fixtures.ts';
import { forgetRecordingsOnLogout } from './forget-on-logout.ts';

describe('forgetting cached recordings', () => {
  it("clears the user's cache when they log out or someone else logs in, not before", () => {
    const state = signal<SessionState | null>(null);
    const cleared: string[] = [];
    const abort = new AbortController();
    forgetRecordingsOnLogout(state, abort.signal, { clearUser: async (id) => void cleared.push(id) });
    state.value = { backendUrl: 'http://b', user: user('Sue', { role: 'supervisor' }) };
    expect(cleared).toEqual([]);
    state.value = { backendUrl: 'http://b', user: null };
    expect(cleared).toEqual(['u-sue']);
    state.value = { backendUrl: 'http://b', user: user('Tom', { role: 'supervisor' }) };
    state.value = { backendUrl: 'http://b', user: user('Ana', { role: 'admin' }) };
    expect(cleared).toEqual(['u-sue', 'u-tom']);
    abort.abort();
    state.value = { backendUrl: 'http://b', user: null };
    expect(cleared).toEqual(['u-sue', 'u-tom']);
  });
});

import type { LoginResponse } from '../../shared/api/auth.ts';
import type { User } from '../../shared/api/users.ts';
import type { RuntimeResult, SessionState } from '../../shared/runtime-messages.ts';
import { callApi } from './api-client.ts';
import { readSession, type StoredSession, writeSession } from './session-store.ts';

type Listener = (state: SessionState) => void;

/** Owns the session: logs in and out, calls the backend with the token, and tells pages of changes. */
export class SessionService {
  private listeners = new Set<Listener>();
  /** The state as last read or written: a page that connects gets it without a storage round trip. */
  private last: SessionState | null = null;

  constructor(private readonly fetchImpl: typeof fetch = (...a) => fetch(...a)) {}

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async state(): Promise<SessionState> {
    const s = await this.read();
    return { backendUrl: s.backendUrl, user: s.user };
  }

  /**
   * The state as this service last read or wrote it, at once; null before its first read. Only
   * this service writes the session, so it is the stored state unless a write is in flight, whose
   * listeners' push follows.
   */
  known(): SessionState | null {
    return this.last;
  }

  private async read(): Promise<StoredSession> {
    const s = await readSession();
    this.last = { backendUrl: s.backendUrl, user: s.user };
    return s;
  }

  private async save(next: StoredSession): Promise<SessionState> {
    await writeSession(next);
    const state = { backendUrl: next.backendUrl, user: next.user };
    this.last = state;
    for (const l of this.listeners) l(state);
    return state;
  }

  async setBackend(backendUrl: string): Promise<RuntimeResult<SessionState>> {
    let url: URL;
    try {
      url = new URL(backendUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Enter an http:// or https:// URL.' } };
    }
    // A new backend means a new identity: the old token is meaningless there.
    return { ok: true, value: await this.save({ backendUrl: url.origin, token: null, user: null }) };
  }

  async login(email: string, password: string): Promise<RuntimeResult<SessionState>> {
    const { backendUrl } = await this.read();
    const res = await callApi<LoginResponse>(
      backendUrl,
      null,
      'POST',
      '/api/auth/login',
      { email, password },
      this.fetchImpl,
    );
    if (!res.ok) return res;
    return { ok: true, value: await this.save({ backendUrl, token: res.value.token, user: res.value.user }) };
  }

  async logout(): Promise<RuntimeResult<SessionState>> {
    const s = await this.read();
    if (s.token) await callApi(s.backendUrl, s.token, 'POST', '/api/auth/logout', undefined, this.fetchImpl);
    return { ok: true, value: await this.save({ backendUrl: s.backendUrl, token: null, user: null }) };
  }

  /** What the real-time socket needs; null when logged out. */
  async credentials(): Promise<{ backendUrl: string; token: string } | null> {
    const s = await this.read();
    return s.token ? { backendUrl: s.backendUrl, token: s.token } : null;
  }

  /** The backend refused the session (ended elsewhere): forget it here too. */
  async forget(): Promise<void> {
    const s = await this.read();
    if (s.token) await this.save({ backendUrl: s.backendUrl, token: null, user: null });
  }

  /** Re-reads the user from the backend; a dead session (deactivated, expired) logs out here. */
  async refresh(): Promise<void> {
    const s = await this.read();
    if (!s.token) return;
    const res = await callApi<{ user: User }>(
      s.backendUrl,
      s.token,
      'GET',
      '/api/me',
      undefined,
      this.fetchImpl,
    );
    if (res.ok) await this.save({ ...s, user: res.value.user });
    else if (res.error.code === 'UNAUTHENTICATED') await this.save({ ...s, token: null, user: null });
  }

  /** An authenticated call; an UNAUTHENTICATED answer ends the local session too. */
  async call<T>(method: string, path: string, body?: unknown): Promise<RuntimeResult<T>> {
    const s = await this.read();
    if (!s.token) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Log in first.' } };
    const res = await callApi<T>(s.backendUrl, s.token, method, path, body, this.fetchImpl);
    if (!res.ok && res.error.code === 'UNAUTHENTICATED') await this.save({ ...s, token: null, user: null });
    return res;
  }
}

import type { UserRow } from '../store/schema.ts';

/**
 * How long a resolved session is trusted without asking the database again. Every API request
 * and socket login resolves its token; at the e2e rate that was one statement per request (see
 * bench/ and the README's Performance). Logout, deactivation, a password change and a role change
 * forget the entry at once on this instance; another instance notices within this time.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  user: UserRow;
  /** The session's own expiry: the cache never extends it. */
  expiresAt: number;
  cachedAt: number;
}

/** The recently resolved sessions of one database, by token hash. */
export class SessionCache {
  private readonly byHash = new Map<string, Entry>();

  get(tokenHash: string, now: number): UserRow | undefined {
    const e = this.byHash.get(tokenHash);
    if (!e) return undefined;
    if (now - e.cachedAt >= SESSION_CACHE_MS || now >= e.expiresAt || now < e.cachedAt) {
      this.byHash.delete(tokenHash);
      return undefined;
    }
    return e.user;
  }

  put(tokenHash: string, user: UserRow, expiresAt: Date, now: number): void {
    // Insertion order is age order: past the cap, the oldest entries go first.
    if (this.byHash.size >= MAX_ENTRIES) {
      const oldest = this.byHash.keys().next().value;
      if (oldest !== undefined) this.byHash.delete(oldest);
    }
    this.byHash.delete(tokenHash);
    this.byHash.set(tokenHash, { user, expiresAt: expiresAt.getTime(), cachedAt: now });
  }

  forgetToken(tokenHash: string): void {
    this.byHash.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [hash, e] of this.byHash) if (e.user.id === userId) this.byHash.delete(hash);
  }
}

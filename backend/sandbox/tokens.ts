import type { SandboxClock } from './clock.ts';
import { HOUR_MS } from './clock.ts';
import {
  cannotParseToken,
  codeExpired,
  codeUsed,
  type GraphError,
  invalidCode,
  pageNoLongerGranted,
  redirectUriMismatch,
  tokenExpired,
  tokenInvalidated,
} from './graph-error.ts';
import type { IdFactory } from './ids.ts';
import { ALL_SCOPES, type Grant, type Token } from './model.ts';
import type { SandboxState } from './state.ts';

/** Lifetimes from FACEBOOK-PLATFORM.md §4.1; 5183944 s is the `expires_in` Meta prints for "60 days". */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const SHORT_LIVED_MS = 2 * HOUR_MS;
export const LONG_LIVED_SECONDS = 5183944;
export const PAGE_FROM_SHORT_MS = HOUR_MS;
/** Data access lapses after 90 days without the user (auth-vs-data, §4.2). */
export const DATA_ACCESS_MS = 90 * 24 * HOUR_MS;

export type TokenStatus = { valid: true } | { valid: false; error: GraphError };

/**
 * Issues and judges access tokens. A login token's permissions and Pages are read from the user's
 * *current* grant, as on Facebook: re-running the dialog with a Page unticked kills the Page
 * tokens made for it (190, chatwoot #14729), and removing the app kills them all (458).
 */
export class Tokens {
  constructor(
    private readonly state: SandboxState,
    private readonly ids: IdFactory,
    private readonly clock: SandboxClock,
    private readonly appId: string,
  ) {}

  grant(userId: string, scopes: readonly string[], pageIds: readonly string[]): Grant {
    const grant = {
      userId,
      scopes: [...new Set(scopes)],
      pageIds: [...new Set(pageIds)],
      grantedAt: this.clock.now(),
    };
    this.state.grants.set(userId, grant);
    return grant;
  }

  issueCode(userId: string, redirectUri: string): string {
    const code = this.ids.authCode();
    this.state.codes.set(code, {
      code,
      userId,
      redirectUri,
      expiresAt: this.clock.now() + CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  /** Single use, ten minutes, and only with the very redirect_uri the dialog had. */
  redeemCode(code: string, redirectUri: string): Token {
    const entry = this.state.codes.get(code);
    if (!entry) throw invalidCode();
    if (entry.used) throw codeUsed();
    if (this.clock.now() >= entry.expiresAt) throw codeExpired();
    if (entry.redirectUri !== redirectUri) throw redirectUriMismatch();
    entry.used = true;
    return this.issueUser(entry.userId, false);
  }

  issueUser(userId: string, longLived: boolean): Token {
    const now = this.clock.now();
    return this.store({
      value: this.ids.accessToken(),
      kind: 'user',
      userId,
      source: 'login',
      longLived,
      issuedAt: now,
      expiresAt: now + (longLived ? LONG_LIVED_SECONDS * 1000 : SHORT_LIVED_MS),
    });
  }

  /** `grant_type=fb_exchange_token`: a valid user token in, a 60-day one out. */
  exchange(value: string): Token {
    const token = this.check(value);
    if (token.kind !== 'user') throw cannotParseToken();
    return this.issueUser(token.userId, true);
  }

  /** The Page token /me/accounts shows; the same one on every call for the same user token. */
  pageTokenFor(userToken: Token, pageId: string): Token {
    const key = `${userToken.value}|${pageId}`;
    const existing = this.state.tokens.get(this.state.pageTokensByUserToken.get(key) ?? '');
    if (existing) return existing;
    const now = this.clock.now();
    const token = this.store({
      value: this.ids.accessToken(),
      kind: 'page',
      userId: userToken.userId,
      pageId,
      source: 'login',
      longLived: userToken.longLived,
      issuedAt: now,
      // Page tokens from a long-lived user token never expire (§4.1); from a short-lived one, ~1 h.
      expiresAt: userToken.longLived ? 0 : now + PAGE_FROM_SHORT_MS,
    });
    this.state.pageTokensByUserToken.set(key, token.value);
    return token;
  }

  /** A never-expiring Page token with every permission, for pages made through the control API. */
  issueSandboxPageToken(pageId: string, userId: string): Token {
    return this.store({
      value: this.ids.accessToken(),
      kind: 'page',
      userId,
      pageId,
      source: 'sandbox',
      longLived: true,
      issuedAt: this.clock.now(),
      expiresAt: 0,
    });
  }

  /** The token, or the GraphError Meta would answer for it. */
  check(value: string): Token {
    const token = this.state.tokens.get(value);
    if (!token) throw cannotParseToken();
    const status = this.status(token);
    if (!status.valid) throw status.error;
    return token;
  }

  status(token: Token): TokenStatus {
    const now = this.clock.now();
    const fail = (error: GraphError): TokenStatus => ({ valid: false, error });
    if (token.invalidated) {
      return fail(tokenInvalidated(token.invalidated.subcode, { userId: token.userId, appId: this.appId }));
    }
    if (token.expiresAt !== 0 && now >= token.expiresAt) return fail(tokenExpired(token.expiresAt, now));
    if (token.source === 'sandbox') return { valid: true };
    const grant = this.state.grants.get(token.userId);
    if (!grant) return fail(tokenInvalidated(458, { userId: token.userId, appId: this.appId }));
    if (token.kind === 'page') {
      const page = this.state.pages.get(token.pageId ?? '');
      if (!page || !grant.pageIds.includes(page.id) || !page.adminIds.includes(token.userId)) {
        return fail(pageNoLongerGranted());
      }
    }
    return { valid: true };
  }

  scopes(token: Token): string[] {
    if (token.source === 'sandbox') return [...ALL_SCOPES];
    return this.state.grants.get(token.userId)?.scopes ?? [];
  }

  hasScope(token: Token, scope: string): boolean {
    return this.scopes(token).includes(scope);
  }

  /** The Pages a grant covers (`granular_scopes[].target_ids`). */
  targetIds(token: Token): string[] {
    if (token.source === 'sandbox') return token.pageId ? [token.pageId] : [];
    return this.state.grants.get(token.userId)?.pageIds ?? [];
  }

  /**
   * Kills every token of the Page and the user tokens of its admins, like a password change (460),
   * a logout (467), an expiry (463) or the app being removed (458, which also drops the grant).
   */
  invalidatePage(pageId: string, subcode: number): number {
    const page = this.state.pages.get(pageId);
    if (!page) return 0;
    const now = this.clock.now();
    let count = 0;
    for (const token of this.state.tokens.values()) {
      const hit = token.pageId === pageId || (token.kind === 'user' && page.adminIds.includes(token.userId));
      if (hit && !token.invalidated) {
        token.invalidated = { subcode, at: now };
        count++;
      }
    }
    if (subcode === 458) for (const adminId of page.adminIds) this.state.grants.delete(adminId);
    return count;
  }

  private store(token: Token): Token {
    this.state.tokens.set(token.value, token);
    return token;
  }
}

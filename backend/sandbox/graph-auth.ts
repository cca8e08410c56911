import type { Context } from 'hono';
import type { SandboxContext } from './context.ts';
import {
  accessTokenRequired,
  appsecretProofInvalid,
  appsecretProofMissing,
  type GraphError,
  invalidAppTokenSignature,
  notAuthorized,
  pageTokenRequired,
} from './graph-error.ts';
import type { GraphParams } from './graph-params.ts';
import type { Token } from './model.ts';
import { appsecretProof, sameSecret } from './signatures.ts';

/** Who is calling: the app itself (`APPID|SECRET`) or the holder of a user or Page token. */
export type Caller = { kind: 'app' } | { kind: 'token'; token: Token };

/**
 * Authenticates a Graph call as Meta does with "Require App Secret" on: a known, valid token
 * (expiry, invalidation, grant: 190 with its subcode), then an `appsecret_proof` equal to
 * HMAC-SHA256(app secret, token) (FACEBOOK-PLATFORM.md §4.3). App tokens carry the secret, so
 * they need no proof.
 */
export function authenticate(
  ctx: SandboxContext,
  c: Context,
  params: GraphParams,
  opts: { allowAppToken?: boolean } = {},
): Caller {
  const value = params.accessToken(c);
  if (!value) throw accessTokenRequired();
  if (value.includes('|')) {
    const [appId, secret] = value.split('|', 2);
    if (appId !== ctx.config.appId || !sameSecret(secret ?? '', ctx.config.appSecret)) {
      throw invalidAppTokenSignature();
    }
    if (!opts.allowAppToken) throw notAuthorized();
    return { kind: 'app' };
  }
  const token = ctx.tokens.check(value);
  const proof = params.string('appsecret_proof');
  if (!proof) throw appsecretProofMissing();
  if (!sameSecret(proof.toLowerCase(), appsecretProof(ctx.config.appSecret, value))) {
    throw appsecretProofInvalid();
  }
  return { kind: 'token', token };
}

/** The caller's token, refusing app tokens. */
export function tokenOf(caller: Caller): Token {
  if (caller.kind !== 'token') throw notAuthorized();
  return caller.token;
}

/** A Page token for exactly `pageId` (user tokens get 210, another Page's token 200). */
export function requirePageToken(caller: Caller, pageId: string): Token {
  const token = tokenOf(caller);
  if (token.kind !== 'page') throw pageTokenRequired();
  if (token.pageId !== pageId) throw notAuthorized();
  return token;
}

/** Throws `error` unless the token holds `scope`. */
export function requireScope(
  ctx: SandboxContext,
  token: Token,
  scope: string,
  error: () => GraphError,
): void {
  if (!ctx.tokens.hasScope(token, scope)) throw error();
}

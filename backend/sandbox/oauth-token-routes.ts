import type { Context, Hono } from 'hono';
import { unixSeconds } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { authenticate } from './graph-auth.ts';
import { invalidClientId, invalidClientSecret, missingParameter } from './graph-error.ts';
import { GraphParams } from './graph-params.ts';
import { answerGraph, graphJson } from './graph-response.ts';
import type { Token } from './model.ts';
import { sameSecret } from './signatures.ts';
import { DATA_ACCESS_MS, LONG_LIVED_SECONDS } from './tokens.ts';

/**
 * `GET /oauth/access_token` (code exchange, `fb_exchange_token`, `client_credentials`) and
 * `GET /debug_token` (§4.1, §4.2). These take the app's credentials, not appsecret_proof.
 */
export function mountTokenRoutes(app: Hono, ctx: SandboxContext, guard: (c: Context) => Promise<void>): void {
  // Meta accepts the exchange as GET or POST.
  app.on(['GET', 'POST'], '/oauth/access_token', (c) =>
    answerGraph(c, ctx.ids, async () => {
      await guard(c);
      const p = await GraphParams.read(c);
      const clientId = p.string('client_id');
      if (!clientId) throw missingParameter('client_id');
      if (clientId !== ctx.config.appId) throw invalidClientId();
      if (!sameSecret(p.string('client_secret') ?? '', ctx.config.appSecret)) throw invalidClientSecret();
      const grantType = p.string('grant_type');
      if (grantType === 'client_credentials') {
        return graphJson(
          c,
          { access_token: `${ctx.config.appId}|${ctx.config.appSecret}`, token_type: 'bearer' },
          ctx.ids,
        );
      }
      if (grantType === 'fb_exchange_token') {
        const short = p.string('fb_exchange_token');
        if (!short) throw missingParameter('fb_exchange_token');
        const token = ctx.tokens.exchange(short);
        return graphJson(
          c,
          { access_token: token.value, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS },
          ctx.ids,
        );
      }
      const redirectUri = p.string('redirect_uri');
      if (!redirectUri) throw missingParameter('redirect_uri');
      const code = p.string('code');
      if (!code) throw missingParameter('code');
      const token = ctx.tokens.redeemCode(code, redirectUri);
      const expiresIn = Math.round((token.expiresAt - ctx.clock.now()) / 1000);
      return graphJson(
        c,
        { access_token: token.value, token_type: 'bearer', expires_in: expiresIn },
        ctx.ids,
      );
    }),
  );

  app.get('/debug_token', (c) =>
    answerGraph(c, ctx.ids, async () => {
      await guard(c);
      const p = await GraphParams.read(c);
      authenticate(ctx, c, p, { allowAppToken: true });
      const input = p.string('input_token');
      if (!input) throw missingParameter('input_token');
      const token = ctx.state.tokens.get(input);
      const data = token
        ? debugData(ctx, token)
        : { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] };
      return graphJson(c, { data }, ctx.ids);
    }),
  );
}

/** The `data` of debug_token, in the field order of graph-debug-token.json. */
function debugData(ctx: SandboxContext, token: Token) {
  const status = ctx.tokens.status(token);
  const scopes = ctx.tokens.scopes(token);
  const targets = ctx.tokens.targetIds(token);
  const grantedAt = ctx.state.grants.get(token.userId)?.grantedAt ?? token.issuedAt;
  const error = status.valid
    ? undefined
    : {
        code: status.error.body.code,
        message: status.error.body.message,
        ...(status.error.body.error_subcode ? { subcode: status.error.body.error_subcode } : {}),
      };
  return {
    app_id: ctx.config.appId,
    type: token.kind === 'page' ? 'PAGE' : 'USER',
    application: ctx.config.appName,
    data_access_expires_at: unixSeconds(grantedAt + DATA_ACCESS_MS),
    ...(error ? { error } : {}),
    expires_at: token.expiresAt === 0 ? 0 : unixSeconds(token.expiresAt),
    is_valid: status.valid,
    ...(token.longLived ? { issued_at: unixSeconds(token.issuedAt) } : {}),
    ...(token.kind === 'page' ? { profile_id: token.pageId } : {}),
    scopes,
    granular_scopes: scopes
      .filter((s) => s !== 'public_profile')
      .map((scope) => (scope.startsWith('pages_') ? { scope, target_ids: targets } : { scope })),
    user_id: token.userId,
  };
}
